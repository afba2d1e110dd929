// STS's state: the temporary credentials it has issued, keyed by access key id. Three kinds, one per
// credential-issuing action: role sessions (AssumeRole), federated users (GetFederationToken) and
// session tokens (GetSessionToken).
import type { PolicyDocument } from '../iam/state.js';

/** A successful MFA check: which device, and when (aws:MultiFactorAuthAge counts from it). */
export interface MfaAuth {
  readonly serialNumber: string;
  readonly authenticatedAt: string; // ISO-8601
}

/** Session policies passed with Policy and PolicyArns (managed policies are kept by ARN). */
export interface SessionPolicies {
  readonly inline: PolicyDocument | null;
  readonly managed: readonly string[];
}

interface SessionBase {
  readonly accessKeyId: string; // ASIA…
  readonly account: string;
  readonly issuedAt: string; // ISO-8601, aws:TokenIssueTime
  readonly expiration: string;
  readonly sourceArn: string; // who obtained it
  readonly mfa: MfaAuth | null;
}

export interface RoleSession extends SessionBase {
  readonly kind: 'role-session';
  readonly arn: string; // arn:aws:sts::ACCT:assumed-role/Role/Session (no role path)
  readonly roleArn: string;
  readonly roleId: string;
  readonly sessionName: string;
  readonly chained: boolean; // assumed with role-session credentials
  /** session tags: passed with Tags, plus the transitive tags inherited from the caller */
  readonly tags: Readonly<Record<string, string>>;
  /** keys of `tags` that pass on to sessions this one assumes (case as given) */
  readonly transitiveTagKeys: readonly string[];
  readonly sourceIdentity: string | null;
  readonly policies: SessionPolicies;
  /** AssumeRoleWithWebIdentity sessions: the IAM OIDC provider and the token's subject and audience */
  readonly webIdentity?: { readonly provider: string; readonly subject: string; readonly audience: string };
}

export interface FederatedSession extends SessionBase {
  readonly kind: 'federated-user';
  readonly arn: string; // arn:aws:sts::ACCT:federated-user/Name
  readonly name: string;
  /** the IAM user (or root) whose long-term credentials called GetFederationToken */
  readonly userArn: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly policies: SessionPolicies;
}

/** GetSessionToken: the caller's own identity, with temporary credentials (and maybe MFA). */
export interface SessionToken extends SessionBase {
  readonly kind: 'session-token';
  readonly principalArn: string; // the user's ARN, or arn:aws:iam::ACCT:root
}

export type Session = RoleSession | FederatedSession | SessionToken;

export interface StsState {
  sessions: Record<string, Session>;
}

export const initialStsState: StsState = { sessions: {} };
