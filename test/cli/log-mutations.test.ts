// Broken event logs, as a person editing one by hand would make them: every shipped scenario's log,
// mutated in seeded, repeatable ways (a field deleted, renamed or of another type, an event type
// misspelt, lines dropped, swapped or repeated, references pointed elsewhere …). Replaying or
// walking each must give a normal trace or one located error, never an internal error.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../mulberry32.js';
import { runCli } from './run-cli.js';

const SCENARIOS = readdirSync('scenarios')
  .filter((f) => f.endsWith('.iam'))
  .sort();
const PER_SCENARIO = 16;
const dir = mkdtempSync(join(tmpdir(), 'iamsim-mutations-'));

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** Every path into a value, objects and lists included. */
function paths(v: Json, at: Path = [], out: Path[] = []): Path[] {
  if (at.length > 0) out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
  return out;
}

function parentOf(root: Json, path: Path): { parent: Json[] | { [key: string]: Json }; key: string | number } {
  let v = root;
  for (const k of path.slice(0, -1)) v = (v as Record<string | number, Json>)[k]!;
  return { parent: v as Json[] | { [key: string]: Json }, key: path[path.length - 1]! };
}

function otherType(v: Json, pick: () => number): Json {
  const choices: Json[] = ['text', 42, true, null, [], {}, ['a'], { x: 1 }];
  const kind = (x: Json) => (Array.isArray(x) ? 'array' : x === null ? 'null' : typeof x);
  const others = choices.filter((c) => kind(c) !== kind(v));
  return others[Math.floor(pick() * others.length)]!;
}

const TYPES = ['RoleAssumed', 'RequestDenied', 'StepStarted', 'UserCreated', 'PodAdmitted', 'ScenarioStarted', 'ClockAdvanced'];

/** One mutation of a log's lines (the header first); returns its name, for the failure message. */
function mutate(lines: string[], pick: () => number): string {
  const n = (max: number) => Math.floor(pick() * max);
  const at = 1 + n(lines.length - 1);
  const event = JSON.parse(lines[at]!) as Json;
  const all = paths(event);
  const path = all[n(all.length)]!;
  const { parent, key } = parentOf(event, path);
  const strings = lines.join('\n').match(/"[a-z][\w:/.@*-]{2,}"/gi) ?? ['"x"'];
  const kinds = 14;
  switch (n(kinds)) {
    case 0:
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
      lines[at] = JSON.stringify(event);
      return `delete ${path.join('.')} of line ${at + 1}`;
    case 1:
      (parent as Record<string | number, Json>)[key] = otherType((parent as Record<string | number, Json>)[key]!, pick);
      lines[at] = JSON.stringify(event);
      return `change the type of ${path.join('.')} on line ${at + 1}`;
    case 2: {
      if (Array.isArray(parent)) return mutate(lines, pick);
      const value = parent[key]!;
      delete parent[key];
      parent[`${String(key)}s`] = value;
      lines[at] = JSON.stringify(event);
      return `rename ${path.join('.')} on line ${at + 1}`;
    }
    case 3: {
      const e = event as { type: string };
      e.type = pick() < 0.5 ? e.type.slice(0, -1) : TYPES[n(TYPES.length)]!;
      lines[at] = JSON.stringify(event);
      return `retype line ${at + 1} as ${e.type}`;
    }
    case 4:
      lines.splice(at, 1);
      return `drop line ${at + 1}`;
    case 5: {
      const other = 1 + n(lines.length - 1);
      [lines[at], lines[other]] = [lines[other]!, lines[at]!];
      return `swap lines ${at + 1} and ${other + 1}`;
    }
    case 6:
      lines.splice(1 + n(lines.length - 1), 0, lines[at]!);
      return `repeat line ${at + 1}`;
    case 7: {
      // a reference (or any string) pointed at another string of the log: well-formed, maybe inconsistent
      const v = (parent as Record<string | number, Json>)[key];
      if (typeof v !== 'string') return mutate(lines, pick);
      (parent as Record<string | number, Json>)[key] = JSON.parse(strings[n(strings.length)]!) as string;
      lines[at] = JSON.stringify(event);
      return `point ${path.join('.')} on line ${at + 1} elsewhere`;
    }
    case 8:
      lines[at] = lines[at]!.slice(0, n(lines[at]!.length));
      return `cut line ${at + 1}`;
    case 9:
      lines.splice(at);
      return `end the log before line ${at + 1}`;
    case 10:
      lines[0] = pick() < 0.5 ? '{"format":"iamsim-events","version":2}' : '{"format":"iamsim","version":1}';
      return `header ${lines[0]}`;
    case 11:
      lines.splice(0, 1);
      return 'drop the header';
    case 12: {
      const v = (parent as Record<string | number, Json>)[key];
      if (typeof v !== 'number') return mutate(lines, pick);
      (parent as Record<string | number, Json>)[key] = pick() < 0.5 ? -v - 1 : v + 1000;
      lines[at] = JSON.stringify(event);
      return `move the number ${path.join('.')} on line ${at + 1}`;
    }
    default: {
      // an event of one type with the data of another
      const other = JSON.parse(lines[1 + n(lines.length - 1)]!) as { data: Json };
      (event as { data: Json }).data = other.data;
      lines[at] = JSON.stringify(event);
      return `give line ${at + 1} another event's data`;
    }
  }
}

const LOCATED = /^[^\n:]+\.(jsonl|yaml)(:\d+:\d+)?: error: [^\n]+\n$/;
const COMMANDS = [
  ['replay'],
  ['replay', '--format', 'json'],
  ['replay', '--format', 'markdown'],
  ['replay', '--explain'],
  ['replay', '--format', 'mermaid'],
  ['replay', '--format', 'cloudtrail'],
];

describe('a broken event log gets a located error, never an internal one', () => {
  let tried = 0;
  for (const [s, scenario] of SCENARIOS.entries()) {
    it(`mutations of ${scenario}'s log`, async () => {
      const log = join(dir, `${scenario}.jsonl`);
      const run = await runCli(['--events', log, join('scenarios', scenario)]);
      const replayed = await runCli(['replay', log]);
      expect(replayed, `${scenario}: its own log`).toEqual(run);
      const original = readFileSync(log, 'utf8').trimEnd().split('\n');
      const pick = mulberry32(1000 + s); // seeded: every run tries the same mutations
      for (let m = 0; m < PER_SCENARIO; m++) {
        const lines = [...original];
        const what = mutate(lines, pick);
        const yaml = m % 5 === 4;
        const file = join(dir, `${scenario}-${m}.${yaml ? 'yaml' : 'jsonl'}`);
        const text = lines.join('\n') + '\n';
        if (yaml) {
          const { stringify } = await import('yaml');
          const items = lines.map((l) => {
            try {
              return JSON.parse(l) as Json;
            } catch {
              return l;
            }
          });
          writeFileSync(file, stringify(items, { aliasDuplicateObjects: false, lineWidth: 0 }));
        } else writeFileSync(file, text);
        for (const command of [['walk'], COMMANDS[(s + m) % COMMANDS.length]!]) {
          const r = await runCli([command[0]!, file, ...command.slice(1)]);
          const outcome = `${scenario}: ${what} (${yaml ? 'yaml' : 'jsonl'}), simulate ${command.join(' ')}: exit ${r.code}\n${r.stderr}`;
          if (process.env.MUTATION_LOG) writeFileSync(process.env.MUTATION_LOG, outcome + '\n', { flag: 'a' });
          if (r.code === 2) expect(r.stderr, outcome).toMatch(LOCATED);
          else expect(r.stderr, outcome).toBe('');
          expect(r.stderr, outcome).not.toMatch(/internal error|\n\s+at /);
        }
        tried++;
      }
      // each case runs a scenario and 90 replays in this process: about 2 s alone, but more than
      // vitest's default 5 s when the machine is shared; a generous bound, not a time being tested
    }, 60_000);
  }
  it('tried at least 300 mutations', () => {
    expect(tried).toBeGreaterThanOrEqual(300);
  });
});
