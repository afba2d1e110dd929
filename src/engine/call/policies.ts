// Which policies apply to a caller (IAM User Guide "Policy evaluation logic"), compiled once per
// document.
import { compilePolicy } from '../../policy/index.js';
import type { CompiledPolicy, PolicyKind } from '../../policy/types.js';
import type { InlinePolicy, PolicyDocument } from '../iam/state.js';
import type { World } from '../world.js';
import type { Caller } from './caller.js';
import { managedPolicyLabel } from '../iam/aws-managed.js';

const cache = new WeakMap<object, Map<string, CompiledPolicy>>();

/** Compile a document once per (name, kind): immer never changes a document, it makes a new one. */
export function compiled(document: PolicyDocument, name: string, kind: PolicyKind, arn?: string): CompiledPolicy {
  let byName = cache.get(document);
  if (!byName) {
    byName = new Map();
    cache.set(document, byName);
  }
  const key = `${kind}|${name}`;
  let policy = byName.get(key);
  if (!policy) {
    policy = compilePolicy(document, arn === undefined ? { name, kind } : { name, kind, arn });
    byName.set(key, policy);
  }
  return policy;
}

export interface CallerPolicies {
  readonly identity: CompiledPolicy[];
  readonly boundary: CompiledPolicy | null;
  /** every document consulted, by the name the evaluation reports, for quoting statements */
  readonly documents: Map<string, PolicyDocument>;
}

/** Per IAM state (a new object whenever IAM changes), per user or role: what applies to it. */
const byIamState = new WeakMap<object, WeakMap<object, CallerPolicies>>();

/** The result is shared: callers copy `documents` before adding to it. */
export function callerPolicies(caller: Caller, world: World): CallerPolicies {
  const owner = caller.user ?? (caller.session ? caller.role : null);
  if (owner === null) return collect(caller, world);
  let memo = byIamState.get(world.iam);
  if (memo === undefined) byIamState.set(world.iam, (memo = new WeakMap()));
  let found = memo.get(owner);
  if (found === undefined) memo.set(owner, (found = collect(caller, world)));
  return found;
}

function collect(caller: Caller, world: World): CallerPolicies {
  const documents = new Map<string, PolicyDocument>();
  const identity: CompiledPolicy[] = [];
  const addInline = (owner: string, list: readonly InlinePolicy[]) => {
    for (const p of list) {
      const name = `inline ${p.name} (${owner})`;
      documents.set(name, p.document);
      identity.push(compiled(p.document, name, 'identity'));
    }
  };
  const addManaged = (arns: readonly string[]) => {
    for (const arn of arns) {
      const policy = world.iam.policies[arn];
      if (!policy) throw new Error(`bug: unknown managed policy ${arn}`);
      const name = managedPolicyLabel(policy);
      documents.set(name, policy.document);
      identity.push(compiled(policy.document, name, 'managed', arn));
    }
  };
  let boundaryArn: string | null = null;
  if (caller.user) {
    addInline(`user ${caller.user.name}`, caller.user.inline);
    addManaged(caller.user.attached);
    for (const groupArn of caller.user.groups) {
      const group = world.iam.groups[groupArn];
      if (!group) continue;
      addInline(`group ${group.name}`, group.inline);
      addManaged(group.attached);
    }
    boundaryArn = caller.user.boundary;
  } else if (caller.role && caller.session) {
    addInline(`role ${caller.role.name}`, caller.role.inline);
    addManaged(caller.role.attached);
    boundaryArn = caller.role.boundary;
  }
  let boundary: CompiledPolicy | null = null;
  if (boundaryArn !== null) {
    const policy = world.iam.policies[boundaryArn];
    if (!policy) throw new Error(`bug: unknown boundary policy ${boundaryArn}`);
    const name = policy.name; // the trace says "permissions boundary NAME"
    documents.set(name, policy.document);
    boundary = compiled(policy.document, name, 'boundary', boundaryArn);
  }
  return { identity, boundary, documents };
}
