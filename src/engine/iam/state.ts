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
}

export interface IamGroup {
  readonly arn: string;
  readonly id: string; // AGPA…
  readonly name: string;
  readonly path: string;
  readonly account: string;
  inline: InlinePolicy[];
  attached: string[];
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
}

export interface ManagedPolicy {
  readonly arn: string;
  readonly id: string; // ANPA…
  readonly name: string;
  readonly path: string;
  readonly account: string;
  readonly document: PolicyDocument;
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
}

export interface IamState {
  accounts: Record<string, IamAccount>; // by account id
  users: Record<string, IamUser>;
  groups: Record<string, IamGroup>;
  roles: Record<string, IamRole>;
  policies: Record<string, ManagedPolicy>;
  mfaDevices: Record<string, MfaDevice>;
  accessKeys: Record<string, AccessKey>;
}

export const initialIamState: IamState = {
  accounts: {},
  users: {},
  groups: {},
  roles: {},
  policies: {},
  mfaDevices: {},
  accessKeys: {},
};
