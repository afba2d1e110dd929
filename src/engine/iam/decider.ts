// IAM's decider: accounts, principals, policies and their attachments.
import type { CallCommand } from '../call/command.js';
import { callStage } from '../call/stage.js';
import type { Decider } from '../decider.js';
import type { ResourcesEvent } from '../resources/events.js';
import type { World } from '../world.js';
import { decideIamCall, isIamApi } from './api/index.js';
import type { IamCommand } from './commands.js';
import { decideIam } from './decide.js';
import type { IamEvent } from './events.js';
import { evolveIam } from './evolve.js';
import { initialIamState, type IamState } from './state.js';

export const iam: Decider<IamCommand | CallCommand, IamEvent, IamState, IamEvent | ResourcesEvent> = {
  commands: {
    Call: true,
    CreateAccount: true,
    CreateUser: true,
    CreateGroup: true,
    CreateRole: true,
    CreatePolicy: true,
    PutInlinePolicy: true,
    AttachPolicy: true,
    PutPermissionsBoundary: true,
    AddUserToGroup: true,
    TagEntity: true,
    CreateAccessKey: true,
    EnableMfaDevice: true,
  },
  events: {
    AccountCreated: true,
    UserCreated: true,
    GroupCreated: true,
    RoleCreated: true,
    PolicyCreated: true,
    InlinePolicyPut: true,
    PolicyAttached: true,
    PermissionsBoundarySet: true,
    UserAddedToGroup: true,
    EntityTagged: true,
    AccessKeyCreated: true,
    MfaDeviceEnabled: true,
    UserDeleted: true,
    GroupDeleted: true,
    RoleDeleted: true,
    PolicyDeleted: true,
    UserRemovedFromGroup: true,
    InlinePolicyDeleted: true,
    PolicyDetached: true,
    PermissionsBoundaryDeleted: true,
    EntityUntagged: true,
    TrustPolicyUpdated: true,
    PolicyVersionCreated: true,
    DefaultPolicyVersionSet: true,
    PolicyVersionDeleted: true,
    AccessKeyStatusChanged: true,
    AccessKeyDeleted: true,
    LoginProfileCreated: true,
    LoginProfileUpdated: true,
    LoginProfileDeleted: true,
    InstanceProfileCreated: true,
    InstanceProfileDeleted: true,
    RoleAddedToInstanceProfile: true,
    RoleRemovedFromInstanceProfile: true,
  },
  initialState: initialIamState,
  // the IAM calls IAM carries out (src/engine/iam/api/); any other IAM action is only authorized
  takes: (command, world) => command.type !== 'Call' || (isIamApi(command.data.action) && callStage(command, world) === 'request'),
  decide: (command: IamCommand | CallCommand, world: World) =>
    command.type === 'Call' ? decideIamCall(command, world) : decideIam(command, world),
  evolve: evolveIam,
};
