// Run `simulate eval` on an input document written to a temporary file, through the CLI's main().
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliResult } from '../cli/run-cli.js';

export const A = '111122223333';
export const B = '444455556666';

export type Json = Record<string, unknown>;

let dir: string | null = null;
let n = 0;

export function inputFile(content: string | Json, name = `input-${++n}.json`): string {
  dir ??= mkdtempSync(join(tmpdir(), 'iamsim-eval-'));
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

export interface EvalRun extends CliResult {
  readonly file: string;
  /** the parsed SimulatePolicyResponse (undefined when the run failed) */
  readonly out: Response;
}

export interface Statement {
  SourcePolicyId: string;
  SourcePolicyType: string;
  StartPosition: { Line: number; Column: number };
  EndPosition: { Line: number; Column: number };
}

export interface Result {
  EvalActionName: string;
  EvalResourceName?: string;
  EvalDecision: string;
  MatchedStatements: Statement[];
  MissingContextValues: string[];
  OrganizationsDecisionDetail?: { AllowedByOrganizations: boolean };
  PermissionsBoundaryDecisionDetail?: { AllowedByPermissionsBoundary: boolean };
  EvalDecisionDetails?: Record<string, string>;
  ResourceSpecificResults?: {
    EvalResourceName: string;
    EvalResourceDecision: string;
    MatchedStatements: Statement[];
    MissingContextValues: string[];
    EvalDecisionDetails?: Record<string, string>;
    PermissionsBoundaryDecisionDetail?: { AllowedByPermissionsBoundary: boolean };
  }[];
}

export interface Response {
  EvaluationResults: Result[];
  IsTruncated: boolean;
  Marker?: string;
}

export async function evalRun(content: string | Json, ...flags: string[]): Promise<EvalRun> {
  const file = inputFile(content);
  const r = await runCli(['eval', file, ...flags]);
  const out = (r.code === 0 && !flags.includes('yaml') ? JSON.parse(r.stdout) : undefined) as Response;
  return { ...r, file, out };
}

/** The decision per action (the top-level, aggregate EvalDecision). */
export async function decisions(content: Json): Promise<Record<string, string>> {
  const r = await evalRun(content);
  if (r.code !== 0) throw new Error(r.stderr);
  return Object.fromEntries(r.out.EvaluationResults.map((x) => [x.EvalActionName, x.EvalDecision]));
}

/** A policy document as the AWS CLI takes it: a JSON string. */
export function policy(...statements: Json[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

export const allow = (action: string | string[], resource: string | string[] = '*', extra: Json = {}): Json => ({
  Effect: 'Allow',
  Action: action,
  Resource: resource,
  ...extra,
});

export const deny = (action: string | string[], resource: string | string[] = '*', extra: Json = {}): Json => ({
  Effect: 'Deny',
  Action: action,
  Resource: resource,
  ...extra,
});
