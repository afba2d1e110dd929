// Organizations events: the organization, its OUs and member accounts, and its SCPs and RCPs with
// where each is attached. AWS attaches FullAWSAccess and RCPFullAWSAccess to every new root, OU and
// account; those attachments are recorded as events of their own, so the log states them.
import type { PolicyDocument } from '../iam/state.js';
import type { OrgPolicyType } from './commands.js';

export type OrganizationsEvent =
  | {
      readonly type: 'OrganizationCreated';
      readonly data: {
        readonly id: string;
        readonly arn: string;
        readonly rootId: string;
        readonly managementAccount: string;
      };
    }
  | {
      readonly type: 'OrganizationPolicyCreated';
      readonly data: {
        readonly id: string;
        readonly name: string;
        readonly policyType: OrgPolicyType;
        readonly awsManaged: boolean;
        readonly document: PolicyDocument;
      };
    }
  | {
      readonly type: 'OrganizationalUnitCreated';
      readonly data: { readonly id: string; readonly name: string; readonly parent: string };
    }
  | { readonly type: 'AccountJoinedOrganization'; readonly data: { readonly account: string; readonly parent: string } }
  | { readonly type: 'OrganizationPolicyAttached'; readonly data: { readonly policy: string; readonly target: string } }
  | { readonly type: 'OrganizationPolicyDetached'; readonly data: { readonly policy: string; readonly target: string } };
