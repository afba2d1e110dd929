// The engine evolves a run's declarations in one open immer draft (src/engine/evolve.ts, Evolving):
// given every shipped scenario, when it runs, then no event holds a draft or changes after it was
// emitted, the world is the one its event log replays to, and the world the run started from is
// unchanged (immer's contract: "the base state is never modified", https://immerjs.github.io/immer/produce).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/dsl/parse.js';
import { resolveScenario } from '../../src/dsl/resolve/index.js';
import type { LoggedEvent } from '../../src/engine/events.js';
import { replay } from '../../src/engine/run.js';
import { runScenario } from '../../src/engine/run-scenario.js';
import { filesBeside } from '../../src/run-file.js';

const dir = join(import.meta.dirname, '..', '..', 'scenarios');
const files = readdirSync(dir).filter((f) => f.endsWith('.iam'));

describe('a run evolving its declarations in one draft', () => {
  it.each(files)('%s: events are final when emitted, and the world is what they replay to', async (name) => {
    const file = join(dir, name);
    const { commands } = resolveScenario(parseScenario(readFileSync(file, 'utf8'), file), { readFile: filesBeside(file), detail: true });
    const emitted: LoggedEvent[] = [];
    const copies: unknown[] = [];
    // structuredClone throws on a Proxy: an event holding a draft fails here
    await runScenario(commands, undefined, (event) => {
      emitted.push(event);
      copies.push(structuredClone(event));
    });
    expect(emitted.map((e) => structuredClone(e))).toEqual(copies);
    const { world } = await runScenario(commands);
    expect(world).toEqual(replay(emitted));
  });

  it('leaves the world it starts from unchanged', async () => {
    const file = join(dir, 'cross-account.iam');
    const { commands } = resolveScenario(parseScenario(readFileSync(file, 'utf8'), file), { readFile: filesBeside(file) });
    const half = Math.floor(commands.length / 2);
    const { world: from } = await runScenario(commands.slice(0, half));
    const before = structuredClone(from);
    await runScenario(commands.slice(half), from);
    expect(from).toEqual(before);
  });
});
