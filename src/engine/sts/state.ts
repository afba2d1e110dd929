// STS's state: the temporary credentials it has issued, keyed by access key id.

export interface RoleSession {
  readonly kind: 'role-session';
  readonly accessKeyId: string;
  readonly arn: string; // arn:aws:sts::ACCT:assumed-role/Role/Session (no role path)
  readonly roleArn: string;
  readonly roleId: string;
  readonly sessionName: string;
  readonly account: string;
  readonly issuedAt: string; // ISO-8601
  readonly expiration: string;
  readonly sourceArn: string; // who assumed it
  readonly chained: boolean; // assumed with role-session credentials
  readonly mfa: boolean;
}

export type Session = RoleSession;

export interface StsState {
  sessions: Record<string, Session>;
}

export const initialStsState: StsState = { sessions: {} };
