// Every scenario in scenarios/ is run through iamsim's API and its trace compared with the reviewed
// golden beside it (NAME.trace): a change to a policy that changes a decision fails here, with a diff.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runScenario } from 'iamsim';
import { describe, expect, it } from 'vitest';

const dir = join(import.meta.dirname, 'scenarios');

describe('scenarios', () => {
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.iam'))) {
    it(name, async () => {
      const { exitCode, output, diagnostics } = await runScenario(
        readFileSync(join(dir, name), 'utf8'),
        `scenarios/${name}`, // the name the trace shows, whatever folder the tests run from
        { readFile: (path) => readFileSync(join(dir, path), 'utf8') }, // policy files, relative to the scenario
      );
      expect(diagnostics.map((d) => d.text)).toEqual([]); // the scenario parses and resolves
      await expect(output).toMatchFileSnapshot(`./scenarios/${name.replace(/\.iam$/, '.trace')}`);
      expect(exitCode, 'every expectation of the scenario holds').toBe(0);
    });
  }
});
