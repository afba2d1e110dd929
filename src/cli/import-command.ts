// `simulate import FILE… [-o WORLD.iam]` (docs/cli.md "simulate import"): reads the files, writes the
// world to stdout or, whole or not at all, to -o (a temporary file beside it, renamed into place).
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { formatScenarioError, ScenarioError } from '../errors.js';
import { importWorld, type ImportInput } from '../import/index.js';
import type { Args } from './args.js';
import type { Io } from './io.js';

export function runImport(args: Args, io: Io): number {
  const inputs: ImportInput[] = [];
  for (const file of args.files) {
    try {
      inputs.push({ name: file, text: readFileSync(file, 'utf8') });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      io.stderr(
        `simulate: cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : String((e as Error).message)}\n`,
      );
      return 2;
    }
  }
  let result;
  try {
    result = importWorld(inputs);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    const source = inputs.find((i) => i.name === e.file)?.text ?? null;
    io.stderr(formatScenarioError(e, source === null ? null : source.replace(/^\uFEFF/, '')) + '\n');
    return 2;
  }
  const s = result.summary;
  const said = `simulate import: ${s.accounts} accounts, ${s.users} users, ${s.groups} groups, ${s.roles} roles, ${s.policies} managed policies`;
  const skipped = s.skippedAwsManaged.length > 0 ? `; left out (no document in the input): ${s.skippedAwsManaged.join(', ')}` : '';
  if (args.output === null) {
    io.stdout(result.text);
    io.stderr(`${said}${skipped}\n`);
    return 0;
  }
  const temp = join(dirname(args.output), `.${basename(args.output)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, result.text);
    renameSync(temp, args.output);
  } catch (e) {
    rmSync(temp, { force: true });
    io.stderr(`simulate: cannot write ${args.output}: ${String((e as Error).message)}\n`);
    return 2;
  }
  io.stderr(`${said} written to ${args.output}${skipped}\n`);
  return 0;
}
