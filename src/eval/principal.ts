// The simulated caller and the resources' owners, from ARNs (IAM User Guide "Policy evaluation
// logic", "IAM identifiers"). AWS's simulator takes only IAM user ARNs as CallerArn; iamsim also
// takes the account root user, role sessions and federated users and derives the principal from the
// ARN; and, for the unsigned AssumeRoleWithWebIdentity / AssumeRoleWithSAML, the identity provider a
// trust policy names in `Principal.Federated` (IAM User Guide "AWS JSON policy elements: Principal").
import type { RequestPrincipal } from '../policy/index.js';
import { isBuiltInProviderName } from '../engine/oidc/builtin.js';

const ARN = /^arn:([^:]+):([^:]*):([^:]*):([^:]*):(.+)$/;
const ACCOUNT = /^\d{12}$/;

export interface Arn {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

export function parseArn(s: string): Arn | null {
  const m = ARN.exec(s);
  if (m === null) return null;
  return { partition: m[1]!, service: m[2]!, region: m[3]!, account: m[4]!, resource: m[5]! };
}

/** The owner named in a resource ARN (`arn:aws:sqs:us-east-1:111122223333:q`), if it names one. */
export function arnAccount(arn: string): string | undefined {
  const a = parseArn(arn);
  return a !== null && ACCOUNT.test(a.account) ? a.account : undefined;
}

/** ResourceOwner: an account ARN (`arn:aws:iam::111122223333:root`) or a bare account id. */
export function ownerAccount(s: string): string | null {
  if (ACCOUNT.test(s)) return s;
  return arnAccount(s) ?? null;
}

export const CALLER_KINDS =
  'an IAM user (arn:aws:iam::ACCOUNT:user/NAME), the account root user (arn:aws:iam::ACCOUNT:root), ' +
  'a role session (arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION), a federated user (arn:aws:sts::ACCOUNT:federated-user/NAME) ' +
  'or, for sts:AssumeRoleWithWebIdentity and sts:AssumeRoleWithSAML, an identity provider ' +
  '(arn:aws:iam::ACCOUNT:oidc-provider/HOST, arn:aws:iam::ACCOUNT:saml-provider/NAME, accounts.google.com, …)';

/** The operation an identity provider's users call: AssumeRoleWithSAML or AssumeRoleWithWebIdentity. */
export function providerAction(p: RequestPrincipal): 'sts:AssumeRoleWithSAML' | 'sts:AssumeRoleWithWebIdentity' {
  return parseArn(p.federatedProvider ?? '')?.resource.startsWith('saml-provider/') === true
    ? 'sts:AssumeRoleWithSAML'
    : 'sts:AssumeRoleWithWebIdentity';
}

/** The principal an ARN names, or why it cannot be a caller. */
export function callerPrincipal(arn: string): RequestPrincipal | string {
  // the calls are unsigned: the caller is the provider the trust policy names, of no account
  if (isBuiltInProviderName(arn)) return { kind: 'webIdentity', federatedProvider: arn };
  const a = parseArn(arn);
  if (a === null || !ACCOUNT.test(a.account)) return `"${arn}" is not an ARN with a 12-digit account`;
  const { partition, service, account, resource } = a;
  if (service === 'iam') {
    if (resource === 'root') return { kind: 'root', accountId: account, arn };
    if (resource.startsWith('user/') && resource.length > 5) return { kind: 'iamUser', accountId: account, arn };
    if (/^(oidc|saml)-provider\/./.test(resource)) return { kind: 'webIdentity', federatedProvider: arn };
    if (resource.startsWith('role/')) {
      return 'a role is not a caller: give the ARN of one of its sessions, arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION';
    }
  }
  if (service === 'sts') {
    const session = /^assumed-role\/([^/]+)\/([^/]+)$/.exec(resource);
    if (session !== null) {
      const role = session[1]!;
      return {
        kind: 'roleSession',
        accountId: account,
        arn,
        // the session ARN has no role path; role principals match by name (IAM User Guide "AWS JSON
        // policy elements: Principal", "AWS JSON policy elements: NotPrincipal")
        roleArn: `arn:${partition}:iam::${account}:role/${role}`,
        isServiceLinkedRole: role.startsWith('AWSServiceRoleFor'),
      };
    }
    if (/^federated-user\/[^/]+$/.test(resource)) return { kind: 'stsFederatedUser', accountId: account, arn };
  }
  return `"${arn}" does not name a caller`;
}
