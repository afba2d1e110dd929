// The schema library is for readers of a log: a scenario run must not load it. Followed from the
// command's entry point, no import that runs at start-up (value imports, not `import type` and
// not `await import(…)`) reaches zod.
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The modules `file` loads when it is loaded: its static imports and re-exports that are not type-only. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
    if (m[1]) continue;
    const spec = m[2]!;
    out.push(spec.startsWith('.') ? normalize(join(dirname(file), spec.replace(/\.js$/, '.ts'))) : spec);
  }
  return out;
}

function reach(entry: string): Map<string, string> {
  const from = new Map<string, string>([[entry, '']]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (!file.endsWith('.ts')) continue;
    for (const next of staticImports(file)) {
      if (from.has(next)) continue;
      from.set(next, file);
      queue.push(next);
    }
  }
  return from;
}

describe('the event log schema', () => {
  it('is not loaded by a scenario run: nothing the command imports at start-up imports zod', () => {
    const from = reach(normalize('src/cli/main.ts'));
    expect(from.has('src/cli/read-log.ts')).toBe(false);
    const chain: string[] = [];
    for (let at = from.get('zod/mini') ?? from.get('zod'); at; at = from.get(at)) chain.push(at);
    expect(chain, `zod is imported by ${chain.join(' ← ')}`).toEqual([]);
  });

  it('is loaded by the reader of a log', () => {
    expect(reach(normalize('src/cli/read-log.ts')).has('zod/mini')).toBe(true);
  });
});
