// The scenario's recipes run on a flat copy of its slice rather than an immer draft (evolve.ts,
// onFlatCopy). On every event of every scenario, the copy must give exactly what immer gives, and
// must leave the state it started from as it was.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import type { CallRecord } from '../../src/engine/call-record.js';
import { EVENT_OWNER } from '../../src/engine/events.js';
import { evolve, onFlatCopy } from '../../src/engine/evolve.js';
import { evolveScenario, rememberCall, type ScenarioEvent, type ScenarioState } from '../../src/engine/scenario/index.js';
import { initialWorld } from '../../src/engine/world.js';
import { simulateAsync } from '../../src/simulate.js';

const scenarios = readdirSync('scenarios').filter((f) => f.endsWith('.iam')).map((f) => join('scenarios', f));

describe('the scenario slice evolved on a flat copy', () => {
  for (const file of scenarios) {
    it(`equals immer's result on every event of ${file}`, async () => {
      const { events } = await simulateAsync(readFileSync(file, 'utf8'), file, {
        readFile: (path) => ({ text: readFileSync(join(dirname(file), path), 'utf8'), file: path }),
      });
      let world = initialWorld;
      let checked = 0;
      for (const event of events) {
        const call = (event.data as { call?: CallRecord }).call;
        const own = EVENT_OWNER[event.type] === 'scenario';
        if (own || call !== undefined) {
          const recipe = (d: ScenarioState): void => {
            if (own) evolveScenario(d, event as ScenarioEvent);
            if (call !== undefined) rememberCall(d, call);
          };
          const before = structuredClone(world.scenario);
          const viaImmer = produce(world.scenario, recipe);
          expect(onFlatCopy(world.scenario, recipe), event.type).toStrictEqual(viaImmer);
          expect(world.scenario, `${event.type} left its base as it was`).toStrictEqual(before);
          checked++;
        }
        world = evolve(world, event);
      }
      expect(checked).toBeGreaterThan(0);
    });
  }

  it('copies the kept credentials instead of writing into the base', () => {
    const base: ScenarioState = { ...initialWorld.scenario, kept: { a: 'ASIA1' } };
    const next = onFlatCopy(base, (d) => evolveScenario(d, { type: 'CredentialsKept', data: { name: 'b', accessKeyId: 'ASIA2' } } as ScenarioEvent));
    expect(next.kept).toStrictEqual({ a: 'ASIA1', b: 'ASIA2' });
    expect(base.kept).toStrictEqual({ a: 'ASIA1' });
  });
});
