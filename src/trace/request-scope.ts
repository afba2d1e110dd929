// How the traces name a request's scope: same account or cross-account, or, for an unsigned
// federated caller (which has no account to compare), how it came. The policy library's reason
// names that caller (src/policy/decide-grant.ts): the caller of AssumeRoleWithWebIdentity is a
// web-identity caller, the caller of AssumeRoleWithSAML a SAML-federated caller.
export function requestScope(e: { readonly reason: string; readonly sameAccount: boolean }): string {
  if (e.reason.startsWith('web-identity caller:')) return 'web identity';
  if (e.reason.startsWith('SAML-federated caller:')) return 'SAML federation';
  return e.sameAccount ? 'same account' : 'cross-account';
}
