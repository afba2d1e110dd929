// Whether a role's trust policy lets a service principal assume it, as the service itself checks
// before it takes the role (Lambda's CreateFunction: "The role defined for the function cannot be
// assumed by Lambda.", AWS-observed in jarpy/lambkin#3, numeract/aws-lambda-r#20). Decided as STS
// decides the service's sts:AssumeRole: the trust policy must allow the service principal.
import { authenticate } from '../call/caller.js';
import { authorizeCall } from '../call/authorize-call.js';
import { requestContext } from '../call/context.js';
import type { EvaluationRecord } from '../call-record.js';
import type { IamRole } from '../iam/state.js';
import { trustRequest } from '../sts/assume-role-trust.js';
import type { World } from '../world.js';

export interface ServiceSourceRef {
  readonly service: string;
  readonly sourceAccount: string | null;
  readonly sourceArn: string | null;
}

export function serviceTrusts(role: IamRole, source: ServiceSourceRef, region: string, world: World): EvaluationRecord {
  const auth = authenticate({ kind: 'service', ...source }, world);
  if (!auth.ok) throw new Error('bug: a service principal is always authenticated');
  const who = auth.caller;
  const context = requestContext(who, world, region, { account: role.account, tags: role.tags, iamEntity: true }, {});
  return authorizeCall(trustRequest(who, role, 'sts:AssumeRole', context), world);
}
