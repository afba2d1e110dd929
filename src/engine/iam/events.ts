// IAM events: facts about the identities that exist.
import type { EntitySpec } from './commands.js';
import type { PolicyDocument } from './state.js';

type WithId = EntitySpec & { readonly id: string };

export type IamEvent =
  | { readonly type: 'AccountCreated'; readonly data: { readonly id: string; readonly name: string } }
  | { readonly type: 'UserCreated'; readonly data: WithId }
  | { readonly type: 'GroupCreated'; readonly data: WithId }
  | {
      readonly type: 'RoleCreated';
      readonly data: WithId & {
        readonly maxSessionDuration: number;
        readonly trust: PolicyDocument;
        readonly description: string | null;
      };
    }
  | { readonly type: 'PolicyCreated'; readonly data: WithId & { readonly document: PolicyDocument } }
  | {
      readonly type: 'InlinePolicyPut';
      readonly data: { readonly entity: string; readonly name: string; readonly document: PolicyDocument };
    }
  | { readonly type: 'PolicyAttached'; readonly data: { readonly entity: string; readonly policy: string } }
  | {
      readonly type: 'PermissionsBoundarySet';
      readonly data: { readonly entity: string; readonly policy: string };
    }
  | { readonly type: 'UserAddedToGroup'; readonly data: { readonly user: string; readonly group: string } }
  | {
      readonly type: 'EntityTagged';
      readonly data: { readonly entity: string; readonly tags: Readonly<Record<string, string>> };
    }
  | {
      readonly type: 'AccessKeyCreated';
      readonly data: { readonly user: string; readonly account: string; readonly accessKeyId: string };
    }
  | {
      readonly type: 'MfaDeviceEnabled';
      readonly data: { readonly user: string; readonly serialNumber: string; readonly code: string | null };
    };
