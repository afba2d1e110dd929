// IAM's state: accounts and their identities, keyed by ARN (plain objects only).
import type { LogType } from '../log-type.js';
import type { policyDocumentSchema } from '../policy-schema.js';

/** A policy document exactly as IAM would store it (JSON data); its schema is in ../policy-schema.ts. */
export type PolicyDocument = LogType<typeof policyDocumentSchema>;

export interface InlinePolicy {
  readonly name: string;
  readonly document: PolicyDocument;
}

export interface IamAccount {
  readonly id: string;
  readonly name: string;
}

export interface IamUser {
  readonly arn: string;
  readonly id: string; // AIDA…
  readonly name: string;
  readonly path: string;
  readonly account: string;
  groups: string[]; // group ARNs
  inline: InlinePolicy[];
  attached: string[]; // managed policy ARNs
  boundary: string | null;
  tags: Record<string, string>;
  mfaDevices: string[]; // serial numbers (MFA device ARNs)
  accessKeys: string[]; // AKIA… ids
  /** a console password (CreateLoginProfile), or null */
  loginProfile: LoginProfile | null;
  /** when a step created it (ISO-8601); absent for the scenario's declarations, made when it starts */
  readonly created?: string;
}

export interface LoginProfile {
  readonly created: string;
  readonly passwordResetRequired: boolean;
}

export interface IamGroup {
  readonly arn: string;
  readonly id: string; // AGPA…
  readonly name: string;
  readonly path: string;
  readonly account: string;
  inline: InlinePolicy[];
  attached: string[];
  readonly created?: string;
}

export interface IamRole {
  readonly arn: string;
  readonly id: string; // AROA…
  readonly name: string;
  readonly path: string;
  readonly account: string;
  readonly maxSessionDuration: number; // seconds
  readonly description: string | null;
  trust: PolicyDocument;
  inline: InlinePolicy[];
  attached: string[];
  boundary: string | null;
  tags: Record<string, string>;
  readonly created?: string;
}

export interface PolicyVersion {
  readonly id: string; // v1, v2, …
  readonly document: PolicyDocument;
  readonly created?: string;
}

export interface ManagedPolicy {
  readonly arn: string;
  readonly id: string; // ANPA…
  readonly name: string;
  readonly path: string;
  readonly account: string;
  /** the default version's document: the one IAM evaluates */
  document: PolicyDocument;
  /** every version kept (at most 5), oldest first */
  versions: PolicyVersion[];
  defaultVersion: string;
  /** the number of the next version CreatePolicyVersion makes (IAM does not reuse numbers) */
  nextVersion: number;
  readonly created?: string;
  /** CreatePolicy's Description (a declared policy has none) */
  readonly description?: string;
  tags: Record<string, string>;
}

export interface InstanceProfile {
  readonly arn: string;
  readonly id: string; // AIPA…
  readonly name: string;
  readonly path: string;
  readonly account: string;
  roles: string[]; // role ARNs (at most one)
  tags: Record<string, string>;
  readonly created?: string;
}

export interface MfaDevice {
  readonly serialNumber: string;
  readonly user: string;
  readonly code: string | null;
}

export interface AccessKey {
  readonly accessKeyId: string;
  readonly user: string; // user ARN
  readonly account: string;
  status: 'Active' | 'Inactive';
  readonly created?: string;
}

export interface IamState {
  accounts: Record<string, IamAccount>; // by account id
  users: Record<string, IamUser>;
  groups: Record<string, IamGroup>;
  roles: Record<string, IamRole>;
  policies: Record<string, ManagedPolicy>;
  mfaDevices: Record<string, MfaDevice>;
  accessKeys: Record<string, AccessKey>;
  instanceProfiles: Record<string, InstanceProfile>;
  /** ARN → how many entities of that ARN were created so far (a new one gets a new unique ID) */
  generations: Record<string, number>;
  /** user ARN → how many access keys were made for it so far (a new key gets a new ID) */
  keysMinted: Record<string, number>;
}

export const initialIamState: IamState = {
  accounts: {},
  users: {},
  groups: {},
  roles: {},
  policies: {},
  mfaDevices: {},
  accessKeys: {},
  instanceProfiles: {},
  generations: {},
  keysMinted: {},
};
