// `simulate eval FILE.json`: read the input, evaluate, print the SimulatePolicyResponse as the AWS
// CLI does (JSON indented by 4, or YAML). Exit 0 with results (a deny is a result, not a failure),
// 2 when the input cannot run, with FILE:LINE:COLUMN and the problem.
import { readFileSync } from 'node:fs';
import { BOM } from '../json/char-codes.js';
import { findJsonError } from '../json/check.js';
import { formatScenarioError, ScenarioError } from '../errors.js';
import { prepareBatch } from './batch.js';
import { EvalInputError } from './errors.js';
import { readInput } from './input.js';
import { withPolicySource } from './policy-source.js';
import type { World } from '../engine/world.js';
import { lineIndex, locate, rawStringOffset } from '../json/locate.js';
import { runBatch } from './run-batch.js';

export interface EvalIo {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
}

/** `world`: the world of `--world`, in which PolicySourceArn's policies are looked up (policy-source.ts) */
export async function runEval(file: string, format: 'json' | 'yaml', io: EvalIo, world?: World): Promise<number> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : String((e as Error).message);
    io.stderr(`simulate: cannot read ${file}: ${reason}\n`);
    return 2;
  }
  // a byte-order mark is not JSON; blank it so that offsets still match the file
  if (text.charCodeAt(0) === BOM) text = ' ' + text.slice(1);
  try {
    const read = readInput(parseJson(text));
    const input = world === undefined ? read : withPolicySource(read, world);
    if ('noSuchEntity' in input)
      throw new EvalInputError(`${input.noSuchEntity} (NoSuchEntity: no such user, group or role in the world)`, {
        path: ['PolicySourceArn'],
      });
    const response = runBatch(prepareBatch(input, text));
    if (format === 'yaml') {
      const { stringify } = await import('yaml');
      io.stdout(stringify(response, { aliasDuplicateObjects: false, lineWidth: 0 }));
    } else io.stdout(JSON.stringify(response, null, 4) + '\n');
    return 0;
  } catch (e) {
    if (!(e instanceof EvalInputError)) throw e;
    io.stderr(formatScenarioError(located(e, file, text), text) + '\n');
    return 2;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const p = findJsonError(text);
    const message = p === null ? 'not a JSON document' : `invalid JSON: ${p.message}`;
    throw new EvalInputError(message, { offset: p?.index ?? 0 });
  }
}

function located(e: EvalInputError, file: string, text: string): ScenarioError {
  const loc = e.loc;
  let offset: number;
  if ('offset' in loc) offset = loc.offset;
  else {
    const at = locate(text, loc.path);
    offset = loc.key === true && at.keyAt !== null ? at.keyAt : at.offset;
    if (loc.inString !== undefined && text.charAt(offset) === '"') offset = rawStringOffset(text, offset, loc.inString);
  }
  const { line, col } = lineIndex(text)(offset);
  return new ScenarioError({
    file,
    pos: { line, col, offset },
    message: e.message,
    ...(e.suggestion === undefined ? {} : { suggestion: e.suggestion }),
    ...(e.expected === undefined ? {} : { expected: e.expected }),
  });
}
