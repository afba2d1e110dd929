// IAM Identity Center's decider: the instance, assignments and provisioning, and the access portal's
// requests (sso:GetRoleCredentials and the lists), which an unsigned bearer token authorizes.
import type { CallCommand } from '../call/command.js';
import { callStage } from '../call/stage.js';
import type { Decider } from '../decider.js';
import type { StsEvent } from '../sts/events.js';
import type { SsoCommand } from './commands.js';
import { decideSso } from './decide.js';
import type { SsoEvent } from './events.js';
import { evolveSso } from './evolve.js';
import { decidePortalCall, isPortalAction } from './portal.js';
import { decidePortalSignIn, finishPortalSignIn } from './portal-sign-in.js';
import type { SamlEvent } from '../saml/events.js';
import { initialSsoState, type SsoState } from './state.js';

export const sso: Decider<SsoCommand | CallCommand, SsoEvent, SsoState, SsoEvent | StsEvent | SamlEvent> = {
  commands: {
    EnableIdentityCenter: true,
    CreateAccountAssignment: true,
    SignInToPortal: true,
    FinishPortalSignIn: true,
    Call: true,
  },
  events: {
    IdentityCenterEnabled: true,
    AccountAssignmentCreated: true,
    PermissionSetProvisioned: true,
    PortalCallFailed: true,
    PortalCallAnswered: true,
    PortalSignInStarted: true,
  },
  initialState: initialSsoState,
  takes: (command, world) => command.type !== 'Call' || (isPortalAction(command.data.action) && callStage(command, world) === 'request'),
  decide: (command, world) => {
    if (command.type === 'Call') return decidePortalCall(command.data, world);
    if (command.type === 'SignInToPortal') return decidePortalSignIn(command.data, world);
    if (command.type === 'FinishPortalSignIn') return finishPortalSignIn(command.data.signIn, world.scenario.lastCall, world);
    return decideSso(command, world);
  },
  evolve: evolveSso,
};
