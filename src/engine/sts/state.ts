// STS's state: the temporary credentials it has issued, keyed by access key id. Three kinds, one per
// credential-issuing action: role sessions (AssumeRole), federated users (GetFederationToken) and
// session tokens (GetSessionToken).
import type { LogType } from '../log-type.js';
import type { federatedSessionSchema, mfaAuthSchema, roleSessionSchema, sessionPoliciesSchema, sessionTokenSchema } from './schema.js';

// The types are derived from their schemas in schema.ts, which says what each field holds.
/** A successful MFA check: which device, and when (aws:MultiFactorAuthAge counts from it). */
export type MfaAuth = LogType<typeof mfaAuthSchema>;
/** Session policies passed with Policy and PolicyArns (managed policies are kept by ARN). */
export type SessionPolicies = LogType<typeof sessionPoliciesSchema>;
export type RoleSession = LogType<typeof roleSessionSchema>;
export type FederatedSession = LogType<typeof federatedSessionSchema>;
/** GetSessionToken: the caller's own identity, with temporary credentials (and maybe MFA). */
export type SessionToken = LogType<typeof sessionTokenSchema>;

export type Session = RoleSession | FederatedSession | SessionToken;

export interface StsState {
  sessions: Record<string, Session>;
}

export const initialStsState: StsState = { sessions: {} };
