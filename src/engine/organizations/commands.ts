// Organizations commands: what an `organization` block asks AWS Organizations to set up. Names
// are resolved and documents validated by the resolver; the decider mints the IDs.
import type { PolicyDocument } from '../iam/state.js';
import type { LogType } from '../log-type.js';
import type { orgPolicyTypeSchema } from './schema.js';

export type OrgPolicyType = LogType<typeof orgPolicyTypeSchema>;

/** Where a policy attaches or an account sits: the root, an OU by its path of names, an account. */
export type OrgTarget =
  | { readonly kind: 'root' }
  | { readonly kind: 'ou'; readonly path: readonly string[] }
  | { readonly kind: 'account'; readonly account: string };

export type OrganizationsCommand =
  | {
      readonly type: 'CreateOrganization';
      readonly data: {
        readonly id: string | null; // derived from the seed when null
        readonly rootId: string | null;
        readonly managementAccount: string;
      };
    }
  | {
      readonly type: 'CreateOrganizationPolicy';
      readonly data: { readonly name: string; readonly policyType: OrgPolicyType; readonly document: PolicyDocument };
    }
  | {
      readonly type: 'CreateOrganizationalUnit';
      readonly data: { readonly id: string | null; readonly name: string; readonly parent: readonly string[] };
    }
  | { readonly type: 'AddAccountToOrganization'; readonly data: { readonly account: string; readonly parent: readonly string[] } }
  | { readonly type: 'AttachOrganizationPolicy'; readonly data: { readonly policy: string; readonly target: OrgTarget } }
  | { readonly type: 'DetachOrganizationPolicy'; readonly data: { readonly policy: string; readonly target: OrgTarget } };
