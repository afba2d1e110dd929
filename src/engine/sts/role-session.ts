// A role session as STS records it, and the AssumedRoleUser it answers with: the session ARN
// drops the role's path, the AssumedRoleId is the role's unique id and the session name
// (AWS STS API Reference "Data Types"; IAM User Guide "IAM identifiers"). Shared by AssumeRole and
// AssumeRoleWithWebIdentity.
import type { IamRole } from '../iam/state.js';
import type { World } from '../world.js';
import type { Minted } from './credentials.js';
import type { RoleSession } from './state.js';

type Given = 'kind' | 'accessKeyId' | 'arn' | 'roleArn' | 'roleId' | 'sessionName' | 'account' | 'issuedAt' | 'expiration';

export function roleSession(
  world: World,
  role: IamRole,
  sessionName: string,
  minted: Minted,
  rest: Omit<RoleSession, Given>,
): { session: RoleSession; assumedRoleUser: { AssumedRoleId: string; Arn: string } } {
  const arn = `arn:aws:sts::${role.account}:assumed-role/${role.name}/${sessionName}`;
  const session: RoleSession = {
    kind: 'role-session',
    accessKeyId: minted.accessKeyId,
    arn,
    roleArn: role.arn,
    roleId: role.id,
    sessionName,
    account: role.account,
    issuedAt: world.scenario.clock,
    expiration: minted.expiration,
    ...rest,
  };
  return { session, assumedRoleUser: { AssumedRoleId: `${role.id}:${sessionName}`, Arn: arn } };
}
