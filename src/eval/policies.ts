// Every input policy is validated as IAM would for its kind (a problem is a located input error in
// IAM's words), compiled once, and knows how to report its statements as SimulatePolicyResponse
// `Statement`s: positions inside the JSON string for policies given as text (AWS's meaning), inside
// the input file for policies given as objects.
import { findJsonError } from '../json/check.js';
import { compilePolicy, validatePolicy, type CompiledPolicy, type PolicyProblem } from '../policy/index.js';
import { EvalInputError, paramName } from './errors.js';
import type { PolicyEntry, SourcePolicyType } from './input.js';
import { lineIndex, locate, type LineCol, type Span } from '../json/locate.js';
import { position, statementSpans, type Position } from './positions.js';

export interface StatementOut {
  readonly SourcePolicyId: string;
  readonly SourcePolicyType: SourcePolicyType;
  readonly StartPosition: Position;
  readonly EndPosition: Position;
}

export interface PolicyRecord {
  readonly entry: PolicyEntry;
  readonly compiled: CompiledPolicy;
  /** the Statement of index `i` (0-based, in the policy's Statement list); one object per statement */
  statement(i: number): StatementOut;
}

/** The input file, with its line index built on first need. */
export interface InputFile {
  readonly text: string;
  lineAt(offset: number): LineCol;
}

export function inputFile(text: string): InputFile {
  let index: ((offset: number) => LineCol) | null = null;
  return { text, lineAt: (offset) => (index ??= lineIndex(text))(offset) };
}

/** `expected`: what the policy should have been, told with IAM's message when it is invalid */
export function loadPolicy(entry: PolicyEntry, file: InputFile, expected?: (problem: PolicyProblem) => string | undefined): PolicyRecord {
  validate(entry, expected);
  const compiled = compilePolicy(entry.value, { name: entry.id, kind: entry.kind });
  let spans: Span[] | null = null;
  let lineAt: (offset: number) => LineCol = file.lineAt;
  const cache = new Map<number, StatementOut>();
  return {
    entry,
    compiled,
    statement(i) {
      let st = cache.get(i);
      if (st !== undefined) return st;
      if (spans === null) {
        if (typeof entry.value === 'string') {
          spans = statementSpans(entry.value, 0);
          lineAt = lineIndex(entry.value);
        } else spans = statementSpans(file.text, locate(file.text, entry.path).offset);
      }
      const span = spans[i] ?? { start: 0, end: 0 };
      st = {
        SourcePolicyId: entry.id,
        SourcePolicyType: entry.type,
        StartPosition: position(lineAt(span.start)),
        EndPosition: position(lineAt(span.end)),
      };
      cache.set(i, st);
      return st;
    },
  };
}

function validate(entry: PolicyEntry, expected?: (problem: PolicyProblem) => string | undefined): void {
  const v = entry.value;
  const problem = validatePolicy(v, entry.kind)[0];
  if (problem === undefined) return;
  const what = `${entry.id}: ${problem.code}: ${problem.message}`;
  const element = problem.path.length === 0 ? '' : paramName(problem.path);
  const hint = expected?.(problem);
  if (typeof v !== 'string') {
    const path = [...entry.path, ...problem.path];
    throw new EvalInputError(`${what}${element === '' ? '' : ` (${element})`}`, { path }, undefined, hint);
  }
  const syntax = problem.path.length === 0 ? findJsonError(v) : null;
  const at = syntax?.index ?? locate(v, problem.path).offset;
  const lc = lineIndex(v)(at);
  const parts = [syntax?.message, element === '' ? undefined : element, `line ${lc.line}, column ${lc.col} of the policy`];
  const detail = parts.filter((x) => x !== undefined).join('; ');
  throw new EvalInputError(`${what} (${detail})`, { path: entry.path, inString: at }, undefined, hint);
}

/**
 * RCPFullAWSAccess: attached at every level of an organization and cannot be detached (AWS
 * Organizations User Guide "Resource control policies (RCPs)").
 */
export const RCP_FULL_ACCESS: CompiledPolicy = compilePolicy(
  { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] },
  { name: 'RCPFullAWSAccess', kind: 'rcp' },
);
