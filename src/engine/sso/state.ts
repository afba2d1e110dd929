// IAM Identity Center's slice: one instance (or none), its identity store, permission sets,
// account assignments and provisioned roles. The types are derived from their schemas in schema.ts.
import type { LogType } from '../log-type.js';
import type {
  assignmentSchema,
  instanceSchema,
  permissionSetSchema,
  provisionedRoleSchema,
  ssoGroupSchema,
  ssoUserSchema,
} from './schema.js';

export type SsoInstance = LogType<typeof instanceSchema>;
export type SsoUser = LogType<typeof ssoUserSchema>;
export type SsoGroup = LogType<typeof ssoGroupSchema>;
export type PermissionSet = LogType<typeof permissionSetSchema>;
export type AccountAssignment = LogType<typeof assignmentSchema>;
export type ProvisionedRole = LogType<typeof provisionedRoleSchema>;

export interface SsoState {
  instance: SsoInstance | null;
  /** by user name */
  users: Record<string, SsoUser>;
  /** by group name */
  groups: Record<string, SsoGroup>;
  /** by permission set name */
  permissionSets: Record<string, PermissionSet>;
  assignments: AccountAssignment[];
  /** by `ACCOUNT/PERMISSION-SET` */
  roles: Record<string, ProvisionedRole>;
}

export const initialSsoState: SsoState = { instance: null, users: {}, groups: {}, permissionSets: {}, assignments: [], roles: {} };

export const roleKey = (account: string, permissionSet: string): string => `${account}/${permissionSet}`;
