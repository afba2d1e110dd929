// IAM commands: what the scenario's world declarations ask IAM to create. ARNs are already
// expanded by the resolver; IAM mints the unique IDs.
import type { LogType } from '../log-type.js';
import type { entitySpecSchema } from './schema.js';
import type { PolicyDocument } from './state.js';

export type IamCommand =
  | { readonly type: 'CreateAccount'; readonly data: { readonly id: string; readonly name: string } }
  | { readonly type: 'CreateUser'; readonly data: EntitySpec }
  | { readonly type: 'CreateGroup'; readonly data: EntitySpec }
  | {
      readonly type: 'CreateRole';
      readonly data: EntitySpec & {
        readonly maxSessionDuration: number;
        readonly trust: PolicyDocument;
        readonly description: string | null;
      };
    }
  | { readonly type: 'CreatePolicy'; readonly data: EntitySpec & { readonly document: PolicyDocument; readonly version?: string } }
  | {
      readonly type: 'PutInlinePolicy';
      readonly data: { readonly entity: string; readonly name: string; readonly document: PolicyDocument };
    }
  | { readonly type: 'AttachPolicy'; readonly data: { readonly entity: string; readonly policy: string } }
  | {
      readonly type: 'PutPermissionsBoundary';
      readonly data: { readonly entity: string; readonly policy: string };
    }
  | { readonly type: 'AddUserToGroup'; readonly data: { readonly user: string; readonly group: string } }
  | {
      readonly type: 'TagEntity';
      readonly data: { readonly entity: string; readonly tags: Readonly<Record<string, string>> };
    }
  | { readonly type: 'CreateAccessKey'; readonly data: { readonly user: string } }
  | {
      readonly type: 'EnableMfaDevice';
      readonly data: { readonly user: string; readonly serialNumber: string; readonly code: string | null };
    };

/** An identity or policy as declared (its schema is in schema.ts: the events carry it too). */
export type EntitySpec = LogType<typeof entitySpecSchema>;
