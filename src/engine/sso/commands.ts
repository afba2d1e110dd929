// IAM Identity Center's commands: what the scenario's `identity-center { … }` declares. The resolver
// has checked the names (users, groups, permission sets, accounts, customer managed policies); the
// decider mints the IDs.
import type { PolicyDocument } from '../iam/state.js';
import type { LogType } from '../log-type.js';
import type { portalSignInSchema } from './schema.js';

export interface PermissionSetSpec {
  readonly name: string;
  readonly managed: readonly string[];
  readonly customerManaged: readonly { readonly name: string; readonly path: string }[];
  readonly inline: PolicyDocument | null;
  readonly boundary: { readonly managed: string } | { readonly reference: { readonly name: string; readonly path: string } } | null;
  readonly sessionDuration: number;
}

export type SsoCommand =
  | {
      readonly type: 'EnableIdentityCenter';
      readonly data: {
        readonly account: string;
        readonly region: string;
        readonly accessControlAttributes: readonly string[];
        readonly users: readonly {
          readonly userName: string;
          readonly groups: readonly string[];
          readonly attributes: Readonly<Record<string, string>>;
        }[];
        readonly groups: readonly string[];
        readonly permissionSets: readonly PermissionSetSpec[];
      };
    }
  | {
      readonly type: 'CreateAccountAssignment';
      readonly data: {
        readonly principalType: 'USER' | 'GROUP';
        readonly principal: string;
        readonly permissionSet: string;
        readonly account: string;
      };
    }
  /** `sign-in access-portal USER to PERMISSION-SET in account A` (portal-sign-in.ts) */
  | {
      readonly type: 'SignInToPortal';
      readonly data: { readonly user: string; readonly accessToken: string; readonly account: string; readonly permissionSet: string };
    }
  /** after the portal's sso:GetRoleCredentials: the console, or no access */
  | { readonly type: 'FinishPortalSignIn'; readonly data: { readonly signIn: LogType<typeof portalSignInSchema> } };
