// The private compiled form behind CompiledPolicy.compiled.
import type { CompiledCondition } from './conditions/compile.js';
import type { ActionMatcher } from './match-action.js';
import type { PrincipalMatcher } from './match-principal.js';
import type { ResourceEntry } from './match-resource.js';
import type { Probe } from './probe.js';
import type { CompiledPolicy, MatchedStatement } from './types.js';

export interface CompiledStatement {
  readonly index: number;
  readonly sid: string | undefined;
  readonly effect: 'Allow' | 'Deny';
  readonly actions: ActionMatcher;
  readonly notAction: boolean;
  /** null: no Resource/NotResource element (trust policies), which matches any resource */
  readonly resources: readonly ResourceEntry[] | null;
  readonly notResource: boolean;
  /** null: no Principal/NotPrincipal element */
  readonly principal: PrincipalMatcher | null;
  readonly notPrincipal: boolean;
  readonly conditions: readonly CompiledCondition[];
  /** matches whenever its action does: any resource, any principal, no condition */
  readonly unconditional: boolean;
  /** what a verdict lists when the statement matches without a principal match (made once) */
  readonly match: MatchedStatement;
}

export interface PolicyBody {
  readonly tag: 'iamsim-policy';
  readonly version: string | undefined;
  readonly statements: readonly CompiledStatement[];
  /** the statements whose Action/NotAction matches the request's action (memoised per action) */
  readonly candidates: (probe: Probe) => readonly CompiledStatement[];
}

export function bodyOf(policy: CompiledPolicy): PolicyBody {
  const body = policy.compiled as PolicyBody | undefined;
  if (body?.tag !== 'iamsim-policy') {
    throw new Error(`policy ${policy.name} was not built by compilePolicy`);
  }
  return body;
}
