// STS's decider: it has no commands of its own, and decides the requests to the sts service.
import type { CallCommand } from '../call/command.js';
import { callStage, serviceOf } from '../call/stage.js';
import type { Decider } from '../decider.js';
import { decideSts } from './decide.js';
import type { StsEvent } from './events.js';
import { evolveSts } from './evolve.js';
import { initialStsState, type StsState } from './state.js';

export const sts: Decider<CallCommand, StsEvent, StsState> = {
  commands: {
    Call: true,
  },
  events: {
    RoleAssumed: true,
    AssumeRoleDenied: true,
    AssumeRoleFailed: true,
    SessionTokenIssued: true,
    FederationTokenIssued: true,
    CallerIdentityReturned: true,
    AccessKeyInfoReturned: true,
    AuthorizationMessageDecoded: true,
    StsCallFailed: true,
    RoleAssumedWithWebIdentity: true,
    AssumeRoleWithWebIdentityDenied: true,
    AssumeRoleWithWebIdentityFailed: true,
    RoleAssumedWithSAML: true,
    AssumeRoleWithSAMLDenied: true,
    AssumeRoleWithSAMLFailed: true,
  },
  initialState: initialStsState,
  takes: (command, world) => serviceOf(command) === 'sts' && callStage(command, world) === 'request',
  decide: decideSts,
  evolve: evolveSts,
};
