// Deterministic builders for policy tests: the accounts and principals of the worked examples.
import { compilePolicy, evaluate } from '../../src/policy/index.js';
import type {
  AuthzRequest,
  CompiledPolicy,
  ContextValue,
  Evaluation,
  PolicyKind,
  PolicySet,
  RequestPrincipal,
} from '../../src/policy/index.js';

export const A = '111122223333';
export const B = '444455556666';

export type Json = Record<string, unknown>;

export const user = (name: string, account = A, path = '/'): RequestPrincipal => ({
  kind: 'iamUser',
  accountId: account,
  arn: `arn:aws:iam::${account}:user${path}${name}`,
  uniqueId: `AIDA${name.toUpperCase()}`,
});

export const roleSession = (role: string, sessionName: string, account = A, path = '/'): RequestPrincipal => ({
  kind: 'roleSession',
  accountId: account,
  arn: `arn:aws:sts::${account}:assumed-role/${role}/${sessionName}`,
  roleArn: `arn:aws:iam::${account}:role${path}${role}`,
  uniqueId: `AROA${role.toUpperCase()}`,
});

export const federatedUser = (name: string, via: string, account = A): RequestPrincipal => ({
  kind: 'stsFederatedUser',
  accountId: account,
  arn: `arn:aws:sts::${account}:federated-user/${name}`,
  underlyingUserArn: `arn:aws:iam::${account}:user/${via}`,
});

export const root = (account = A): RequestPrincipal => ({
  kind: 'root',
  accountId: account,
  arn: `arn:aws:iam::${account}:root`,
});

export const anonymous: RequestPrincipal = { kind: 'anonymous' };

export const service = (name: string): RequestPrincipal => ({ kind: 'servicePrincipal', service: name });

/**
 * The context every request has, plus the principal's own keys (IAM User Guide "AWS global
 * condition context keys").
 */
export function contextFor(p: RequestPrincipal): Record<string, ContextValue> {
  const ctx: Record<string, ContextValue> = {
    'aws:SecureTransport': 'true',
    'aws:CurrentTime': '2024-06-01T12:00:00Z',
    'aws:EpochTime': '1717243200',
    'aws:RequestedRegion': 'us-east-1',
    'aws:ViaAWSService': 'false',
  };
  if (p.kind !== 'anonymous') ctx['aws:PrincipalIsAWSService'] = p.kind === 'servicePrincipal' ? 'true' : 'false';
  if (p.accountId !== undefined) ctx['aws:PrincipalAccount'] = p.accountId;
  switch (p.kind) {
    case 'iamUser':
      ctx['aws:PrincipalArn'] = p.arn!;
      ctx['aws:username'] = p.arn!.slice(p.arn!.lastIndexOf('/') + 1);
      ctx['aws:userid'] = p.uniqueId!;
      ctx['aws:PrincipalType'] = 'User';
      break;
    case 'roleSession':
      ctx['aws:PrincipalArn'] = p.roleArn!;
      ctx['aws:userid'] = `${p.uniqueId}:${p.arn!.split('/')[2]}`;
      ctx['aws:PrincipalType'] = 'AssumedRole';
      ctx['aws:TokenIssueTime'] = '2024-06-01T11:00:00Z';
      ctx['aws:MultiFactorAuthPresent'] = 'false';
      break;
    case 'stsFederatedUser':
      ctx['aws:PrincipalArn'] = p.arn!;
      ctx['aws:PrincipalType'] = 'FederatedUser';
      ctx['aws:TokenIssueTime'] = '2024-06-01T11:00:00Z';
      break;
    case 'root':
      ctx['aws:PrincipalArn'] = p.arn!;
      ctx['aws:PrincipalType'] = 'Account';
      break;
    case 'anonymous':
      ctx['aws:PrincipalAccount'] = 'anonymous';
      ctx['aws:PrincipalType'] = 'Anonymous';
      ctx['aws:userid'] = 'anonymous';
      break;
    case 'servicePrincipal':
    case 'webIdentity':
      break;
  }
  return ctx;
}

let counter = 0;

/** A compiled policy from statements (Version 2012-10-17 unless given). */
export function policy(kind: PolicyKind, statements: Json | Json[], opts: { name?: string; version?: string | null } = {}): CompiledPolicy {
  const doc: Json = { Statement: statements };
  if (opts.version !== null) doc['Version'] = opts.version ?? '2012-10-17';
  return compilePolicy(doc, { name: opts.name ?? `${kind}-${++counter}`, kind });
}

export function request(
  principal: RequestPrincipal,
  action: string,
  resource: string,
  resourceAccount: string | undefined,
  extra: Record<string, ContextValue> = {},
): AuthzRequest {
  return {
    principal,
    action,
    resource,
    ...(resourceAccount === undefined ? {} : { resourceAccount }),
    context: { ...contextFor(principal), ...extra },
  };
}

export function decide(req: AuthzRequest, set: Partial<PolicySet>): Evaluation {
  return evaluate(req, { identity: [], ...set });
}

export const allow = (Action: unknown, Resource: unknown, extra: Json = {}): Json => ({
  Effect: 'Allow',
  Action,
  Resource,
  ...extra,
});

export const deny = (Action: unknown, Resource: unknown, extra: Json = {}): Json => ({
  Effect: 'Deny',
  Action,
  Resource,
  ...extra,
});

export const obj = (bucket: string, key: string): string => `arn:aws:s3:::${bucket}/${key}`;
