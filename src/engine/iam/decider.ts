// IAM's decider: accounts, principals, policies and their attachments.
import type { Decider } from '../decider.js';
import type { IamCommand } from './commands.js';
import { decideIam } from './decide.js';
import type { IamEvent } from './events.js';
import { evolveIam } from './evolve.js';
import { initialIamState, type IamState } from './state.js';

export const iam: Decider<IamCommand, IamEvent, IamState> = {
  commands: {
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
  },
  initialState: initialIamState,
  decide: decideIam,
  evolve: evolveIam,
};
