// The session policies that limit a caller (IAM User Guide "Policy evaluation logic"): those passed
// when its role session or federated user was created. A federation token without any session
// policy gets an empty list, which the evaluator reads as "no permissions" (except resource grants
// to the session).
import type { CompiledPolicy } from '../../policy/types.js';
import type { PolicyDocument } from '../iam/state.js';
import type { World } from '../world.js';
import type { Caller } from './caller.js';
import { compiled } from './policies.js';
import { managedPolicyLabel } from '../iam/aws-managed.js';

/** Adds each policy to `documents` by the name the evaluation reports, for quoting statements. */
export function sessionPolicies(caller: Caller, world: World, documents: Map<string, PolicyDocument>): CompiledPolicy[] | undefined {
  const s = caller.session;
  if (s === null || s.kind === 'session-token') return undefined;
  const out: CompiledPolicy[] = [];
  if (s.policies.inline !== null) {
    const name = 'inline session policy';
    documents.set(name, s.policies.inline);
    out.push(compiled(s.policies.inline, name, 'session'));
  }
  for (const arn of s.policies.managed) {
    const policy = world.iam.policies[arn];
    if (!policy) throw new Error(`bug: session policy ${arn} vanished`);
    const name = `${managedPolicyLabel(policy)} (session policy)`;
    documents.set(name, policy.document);
    out.push(compiled(policy.document, name, 'session', arn));
  }
  return out;
}
