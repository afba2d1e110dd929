// The scope a trace names for a request: an unsigned federated caller has no account to compare,
// so it is named by how it came (AssumeRoleWithWebIdentity: web identity; AssumeRoleWithSAML: SAML
// federation, AWS STS API Reference "AssumeRoleWithSAML"), and the reason of the policy library says which.
import { describe, expect, it } from 'vitest';
import { requestScope } from '../../src/trace/request-scope.js';

describe('requestScope', () => {
  it('names SAML callers as SAML federation and OIDC callers as web identity, whatever the account flag', () => {
    expect(
      requestScope({
        reason: 'SAML-federated caller: the trust policy allows arn:aws:iam::111111111111:saml-provider/Okta',
        sameAccount: false,
      }),
    ).toBe('SAML federation');
    expect(requestScope({ reason: 'web-identity caller: the trust policy allows accounts.google.com', sameAccount: false })).toBe(
      'web identity',
    );
    expect(requestScope({ reason: 'same account: an identity-based policy allows', sameAccount: true })).toBe('same account');
    expect(requestScope({ reason: 'cross-account: both sides allow', sameAccount: false })).toBe('cross-account');
  });
});
