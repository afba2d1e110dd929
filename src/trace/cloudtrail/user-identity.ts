// The CloudTrail `userIdentity` element of a call, with AWS's field names and shapes (CloudTrail
// User Guide, "CloudTrail userIdentity element"): IAMUser, Root, AssumedRole with its session issuer,
// FederatedUser, AWSService (`invokedBy`), and anonymous callers as AWSAccount "anonymous".
import type { CallRecord, CallerRecord } from '../../engine/call-record.js';
import type { Facts, SessionFact } from '../walkthrough/facts.js';
import { arnAccount } from '../walkthrough/facts.js';
import { sessionParts } from '../walkthrough/phrases.js';
import { oauthProvider } from '../../engine/oidc/builtin.js';

type Json = Record<string, unknown>;

export function userIdentity(c: CallerRecord, facts: Facts, call?: CallRecord): Json {
  if (call !== undefined && c.credentials === 'none' && call.action.toLowerCase() === 'sts:assumerolewithwebidentity') {
    return webIdentityUser(call);
  }
  const session = c.accessKeyId === null || c.credentials !== 'temporary' ? undefined : facts.sessions.get(c.accessKeyId);
  const account = c.account ?? '';
  const key = c.accessKeyId ?? '';
  switch (c.kind) {
    case 'iam-user': {
      const user = facts.entities.get(c.arn);
      const base: Json = {
        type: 'IAMUser',
        principalId: user?.id ?? '',
        arn: c.arn,
        accountId: account,
        accessKeyId: key,
        userName: user?.name ?? c.arn.slice(c.arn.lastIndexOf('/') + 1),
      };
      return session === undefined ? base : { ...base, sessionContext: sessionContext({}, session) };
    }
    case 'root': {
      const base: Json = { type: 'Root', principalId: account, arn: c.arn, accountId: account, accessKeyId: key };
      return session === undefined ? base : { ...base, sessionContext: sessionContext({}, session) };
    }
    case 'role-session': {
      const parts = sessionParts(c.arn);
      const roleId = session?.roleId ?? '';
      const roleArn = session?.roleArn ?? '';
      const issuer = {
        type: 'Role',
        principalId: roleId,
        arn: roleArn,
        accountId: arnAccount(roleArn) || account,
        userName: parts?.role ?? '',
      };
      const context = session === undefined ? { sessionIssuer: issuer } : sessionContext(issuer, session);
      return {
        type: 'AssumedRole',
        principalId: `${roleId}:${parts?.session ?? ''}`,
        arn: c.arn,
        accountId: account,
        accessKeyId: key,
        sessionContext: context,
      };
    }
    case 'federated-user': {
      const name = c.arn.slice(c.arn.lastIndexOf('/') + 1);
      const userArn = session?.userArn ?? '';
      const user = facts.entities.get(userArn);
      const issuer =
        user === undefined
          ? { type: 'Root', principalId: account, arn: userArn, accountId: account }
          : { type: 'IAMUser', principalId: user.id ?? '', arn: userArn, accountId: user.account, userName: user.name };
      const context = session === undefined ? { sessionIssuer: issuer } : sessionContext(issuer, session);
      return {
        type: 'FederatedUser',
        principalId: `${account}:${name}`,
        arn: c.arn,
        accountId: account,
        accessKeyId: key,
        sessionContext: context,
      };
    }
    case 'anonymous':
      return { type: 'AWSAccount', principalId: '', accountId: 'anonymous' };
    case 'service':
      return { type: 'AWSService', invokedBy: c.arn };
    default:
      // a caller without credentials sends an unsigned request, which CloudTrail logs as anonymous
      return c.credentials === 'none'
        ? { type: 'AWSAccount', principalId: '', accountId: 'anonymous' }
        : { type: 'Unknown', principalId: c.arn };
  }
}

/**
 * AssumeRoleWithWebIdentity is logged as a WebIdentityUser: the provider, the token's audience and
 * subject (CloudTrail User Guide, "Values for AWS STS APIs with SAML and web identity federation").
 * They are read from the provider's condition keys in the request context (`<provider>:sub`, `:aud`).
 */
function webIdentityUser(call: CallRecord): Json {
  // an OAuth 2.0 access token of Login with Amazon or Facebook: its app and user keys
  const oauth = oauthProvider(String(call.context['aws:FederatedProvider']))?.userKey;
  if (oauth !== undefined) {
    const host = String(call.context['aws:FederatedProvider']);
    const app = call.context[`${host}:app_id`];
    const user = call.context[`${host}:${oauth}`];
    const sub = typeof user === 'string' ? user : '';
    return {
      type: 'WebIdentityUser',
      principalId: `${host}:${typeof app === 'string' ? app : ''}:${sub}`,
      userName: sub,
      identityProvider: host,
    };
  }
  const key = Object.keys(call.context).find((k) => k.endsWith(':sub') && !k.startsWith('aws:') && !k.startsWith('sts:'));
  const host = key === undefined ? '' : key.slice(0, -':sub'.length);
  const sub = key === undefined ? '' : String(call.context[key]);
  const aud = call.context[`${host}:aud`];
  const account = call.context['aws:ResourceAccount'];
  const provider = typeof account === 'string' && host.includes('/') ? `arn:aws:iam::${account}:oidc-provider/${host}` : host;
  return {
    type: 'WebIdentityUser',
    principalId: `${provider}:${typeof aud === 'string' ? aud : ''}:${sub}`,
    userName: sub,
    identityProvider: provider,
  };
}

function sessionContext(issuer: Json, s: SessionFact): Json {
  const context: Json = {
    sessionIssuer: issuer,
    webIdFederationData: {},
    attributes: { creationDate: s.issuedAt, mfaAuthenticated: s.mfa ? 'true' : 'false' },
  };
  if (typeof s.sourceIdentity === 'string') context['sourceIdentity'] = s.sourceIdentity;
  return context;
}
