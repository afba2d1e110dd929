// The organization keys of the request context (IAM User Guide "AWS global condition context
// keys"): aws:PrincipalOrgID and aws:PrincipalOrgPaths when the caller's account is in the
// organization (the management account included), aws:ResourceOrgID and aws:ResourceOrgPaths when
// the resource's account is, aws:SourceOrgID and aws:SourceOrgPaths when a service principal acts
// for a resource whose account is. The paths are multi-valued keys holding the entity path of the OU
// (or root) the account sits in.
import type { ContextValue, RequestPrincipal } from '../../policy/types.js';
import { orgEntityPath } from '../organizations/index.js';
import type { World } from '../world.js';

const SIGNED = new Set<RequestPrincipal['kind']>(['iamUser', 'roleSession', 'stsFederatedUser', 'root']);

export function orgContext(principal: RequestPrincipal, resourceAccount: string | null, world: World): Record<string, ContextValue> {
  const org = world.organizations.organization;
  const ctx: Record<string, ContextValue> = {};
  if (org === null) return ctx;
  const caller = SIGNED.has(principal.kind) ? principal.accountId : undefined;
  const callerPath = caller === undefined ? null : orgEntityPath(org, caller);
  if (callerPath !== null) {
    ctx['aws:PrincipalOrgID'] = org.id;
    ctx['aws:PrincipalOrgPaths'] = [callerPath];
  }
  const resourcePath = resourceAccount === null ? null : orgEntityPath(org, resourceAccount);
  if (resourcePath !== null) {
    ctx['aws:ResourceOrgID'] = org.id;
    ctx['aws:ResourceOrgPaths'] = [resourcePath];
  }
  return ctx;
}

/**
 * aws:SourceOrgID and aws:SourceOrgPaths: present only when a service principal calls on behalf of a
 * resource whose account is in the organization (IAM User Guide "AWS global condition context keys").
 */
export function sourceOrgContext(sourceAccount: string, world: World): Record<string, ContextValue> {
  const org = world.organizations.organization;
  const path = org === null ? null : orgEntityPath(org, sourceAccount);
  return org === null || path === null ? {} : { 'aws:SourceOrgID': org.id, 'aws:SourceOrgPaths': [path] };
}
