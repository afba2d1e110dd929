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
import type { SimulatePolicyResponse } from './output.js';

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
  if (text.charCodeAt(0) === BOM) text = ' ' + text.slice(1); // shown blanked in the error, as evaluateText reads it
  try {
    io.stdout(await printResponse(evaluateText(text, file, world), format));
    return 0;
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    io.stderr(formatScenarioError(e, text) + '\n');
    return 2;
  }
}

/**
 * The response to one input (the text of FILE): what `simulate eval` prints; with a world,
 * PolicySourceArn's policies are looked up in it (simulate-principal-policy). An input that cannot
 * run throws a ScenarioError located in the text (FILE:LINE:COLUMN, the problem, a suggestion).
 */
export function evaluateText(text: string, file: string, world?: World): SimulatePolicyResponse {
  // a byte-order mark is not JSON; blank it so that offsets still match the file
  const blanked = text.charCodeAt(0) === BOM ? ' ' + text.slice(1) : text;
  try {
    const read = readInput(parseJson(blanked));
    const input = world === undefined ? read : withPolicySource(read, world);
    if ('noSuchEntity' in input)
      throw new EvalInputError(`${input.noSuchEntity} (NoSuchEntity: no such user, group or role in the world)`, {
        path: ['PolicySourceArn'],
      });
    return runBatch(prepareBatch(input, blanked));
  } catch (e) {
    if (!(e instanceof EvalInputError)) throw e;
    throw located(e, file, blanked);
  }
}

/** The response as `simulate eval` prints it: JSON indented by 4, as the AWS CLI does, or YAML. */
export async function printResponse(response: SimulatePolicyResponse, format: 'json' | 'yaml'): Promise<string> {
  if (format === 'json') return JSON.stringify(response, null, 4) + '\n';
  const { stringify } = await import('yaml');
  return stringify(response, { aliasDuplicateObjects: false, lineWidth: 0 });
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
