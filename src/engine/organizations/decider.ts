// AWS Organizations' decider: the organization, its OUs, accounts and policies (SCPs, RCPs).
import type { Decider } from '../decider.js';
import type { OrganizationsCommand } from './commands.js';
import { decideOrganizations } from './decide.js';
import type { OrganizationsEvent } from './events.js';
import { evolveOrganizations } from './evolve.js';
import { initialOrganizationsState, type OrganizationsState } from './state.js';

export const organizations: Decider<OrganizationsCommand, OrganizationsEvent, OrganizationsState> = {
  commands: {
    CreateOrganization: true,
    CreateOrganizationPolicy: true,
    CreateOrganizationalUnit: true,
    AddAccountToOrganization: true,
    AttachOrganizationPolicy: true,
    DetachOrganizationPolicy: true,
  },
  events: {
    OrganizationCreated: true,
    OrganizationPolicyCreated: true,
    OrganizationalUnitCreated: true,
    AccountJoinedOrganization: true,
    OrganizationPolicyAttached: true,
    OrganizationPolicyDetached: true,
  },
  initialState: initialOrganizationsState,
  decide: decideOrganizations,
  evolve: evolveOrganizations,
};
