// One hop of a path, decided by the engine's own authorization of that request: sts:AssumeRole
// (evaluateTrust, as STS decides it: the caller's policies, its boundary, the trust policy, the
// organization's SCPs and RCPs), sts:AssumeRoleWithWebIdentity (the trust policy, for a token of the
// provider), or iam:PassRole to a service that then assumes the role (authorizePassRole, the
// service's own trust check serviceTrusts, and the caller's permission to launch what runs with it).
import type { Caller } from '../call/caller.js';
import { authorizeCall } from '../call/authorize-call.js';
import { requestContext } from '../call/context.js';
import { authorizePassRole } from '../call/pass-role.js';
import { callerPolicies } from '../call/policies.js';
import type { IamRole } from '../iam/state.js';
import { EC2_PRINCIPAL, ECS_TASKS_PRINCIPAL, LAMBDA_PRINCIPAL } from '../services/state.js';
import { serviceTrusts } from '../services/service-trust.js';
import { evaluateTrust, trustRequest } from '../sts/assume-role-trust.js';
import { authorizeInTurn } from '../sts/authorize-sts.js';
import type { World } from '../world.js';
import { QUESTION_SESSION } from './principals.js';
import { decideOpenly, type Decided } from './verdict.js';

export type HopKind = 'sts:AssumeRole' | 'sts:AssumeRoleWithWebIdentity' | 'iam:PassRole';

export interface PassTo {
  readonly service: string;
  readonly launch: string;
  /** what the launch is authorized on: a function, instance or task definition of any name */
  readonly resource: (region: string, account: string) => string;
}

/** The services a role can be handed to, as the engine models them, and the call that launches what runs with it. */
export const PASS_TO: readonly PassTo[] = [
  { service: LAMBDA_PRINCIPAL, launch: 'lambda:CreateFunction', resource: (r, a) => `arn:aws:lambda:${r}:${a}:function:*` },
  { service: EC2_PRINCIPAL, launch: 'ec2:RunInstances', resource: (r, a) => `arn:aws:ec2:${r}:${a}:instance/*` },
  { service: ECS_TASKS_PRINCIPAL, launch: 'ecs:RunTask', resource: (r, a) => `arn:aws:ecs:${r}:${a}:task-definition/*` },
];

/** The documents whose conditions may name values for the keys a request lacked. */
function documentsOf(who: Caller, world: World, more: readonly unknown[]): () => unknown[] {
  return () => [...more, ...callerPolicies(who, world).documents.values()];
}

export function assumeRoleHop(who: Caller, role: IamRole, world: World): Decided {
  const params = {
    roleArn: role.arn,
    sessionName: QUESTION_SESSION,
    duration: null,
    externalId: null,
    serialNumber: null,
    tokenCode: null,
    sourceIdentity: null,
    policy: { text: null, arns: [] },
    tags: [],
    transitiveTagKeys: [],
  };
  const inherited = who.session?.kind === 'role-session' ? transitive(who.session.tags, who.session.transitiveTagKeys) : {};
  const sourceIdentity = who.session?.kind === 'role-session' ? who.session.sourceIdentity : null;
  const region = world.scenario.region;
  return decideOpenly(
    (extra) => {
      const { evaluations, context } = evaluateTrust(
        { who, role, params, mfa: null, inherited, sourceIdentity, region, stepContext: extra },
        world,
      );
      return { evaluations, context };
    },
    documentsOf(who, world, [role.trust]),
  );
}

function transitive(tags: Readonly<Record<string, string>>, keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) if (tags[k] !== undefined) out[k] = tags[k];
  return out;
}

/** A token of the provider (an IAM OIDC provider's ARN or a built-in provider's name): its claims are not known, so conditions on them leave the hop conditional. */
export function webIdentityHop(provider: string, role: IamRole, world: World): Decided {
  const who: Caller = {
    record: {
      kind: 'anonymous',
      arn: provider,
      account: null,
      credentials: 'none',
      accessKeyId: null,
      label: `web identity of ${provider}`,
    },
    principal: { kind: 'webIdentity', federatedProvider: provider },
    user: null,
    role: null,
    session: null,
  };
  const keys = { 'aws:FederatedProvider': provider, 'sts:RoleSessionName': QUESTION_SESSION };
  const facts = { account: role.account, tags: role.tags, iamEntity: true };
  return decideOpenly(
    (extra) => {
      const context = requestContext(who, world, world.scenario.region, facts, { ...keys, ...extra });
      const request = trustRequest(who, role, 'sts:AssumeRoleWithWebIdentity', context);
      return { evaluations: authorizeInTurn(request, { tags: false, sourceIdentity: false }, world).evaluations, context };
    },
    () => [role.trust],
  );
}

/** The caller hands the role to the service: its iam:PassRole, the role's trust of the service, and its call that launches the function, instance or task. */
export function passRoleHop(who: Caller, role: IamRole, to: PassTo, world: World): Decided {
  const region = world.scenario.region;
  return decideOpenly(
    (extra) => {
      const context = requestContext(who, world, region, { account: role.account, tags: {} }, extra);
      const passed = authorizePassRole({ who, role: role.arn, service: to.service, associated: null, region, stepContext: extra }, world);
      // a role cannot be passed across accounts: refused before any policy is looked at
      if (passed.evaluation === null) return { evaluations: [], context, refused: true };
      const trusts = serviceTrusts(role, { service: to.service, sourceAccount: role.account, sourceArn: null }, region, world);
      const resource = to.resource(region, role.account);
      const launch = authorizeCall({ who, action: to.launch, resource, resourceAccount: role.account, context }, world);
      return { evaluations: [launch, passed.evaluation, trusts], context };
    },
    documentsOf(who, world, [role.trust]),
  );
}
