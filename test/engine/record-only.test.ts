// evolve skips the owner's recipe for events that only record an outcome (RECORD_ONLY): on every
// scenario, each such event must indeed leave its owner's slice as it is.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVENT_OWNER } from '../../src/engine/events.js';
import { evolve, evolveSlice, RECORD_ONLY } from '../../src/engine/evolve.js';
import { initialWorld } from '../../src/engine/world.js';
import { simulateAsync } from '../../src/simulate.js';

const scenarios = readdirSync('scenarios').filter((f) => f.endsWith('.iam')).map((f) => join('scenarios', f));

describe('events that only record an outcome', () => {
  for (const file of scenarios) {
    it(`leave their owner's slice unchanged in ${file}`, async () => {
      const { events } = await simulateAsync(readFileSync(file, 'utf8'), file, {
        readFile: (path) => ({ text: readFileSync(join(dirname(file), path), 'utf8'), file: path }),
      });
      let world = initialWorld;
      for (const event of events) {
        if (RECORD_ONLY.has(event.type)) {
          const owner = EVENT_OWNER[event.type];
          expect(evolveSlice(world, owner, event, undefined), event.type).toBe(world[owner]);
        }
        world = evolve(world, event);
      }
    });
  }

  it('are met in the scenarios', async () => {
    const seen = new Set<string>();
    for (const file of scenarios) {
      const { events } = await simulateAsync(readFileSync(file, 'utf8'), file, {
        readFile: (path) => ({ text: readFileSync(join(dirname(file), path), 'utf8'), file: path }),
      });
      for (const e of events) if (RECORD_ONLY.has(e.type)) seen.add(e.type);
    }
    expect(seen.size).toBeGreaterThan(3);
  });
});
