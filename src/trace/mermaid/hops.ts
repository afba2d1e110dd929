// The hops of one API call, as a sequence: the caller asks its SDK, the SDK signs and sends the
// request to the service, the service has IAM evaluate the policies (once per action authorized),
// and the answer travels back. Derived from the call record alone.
import { reachedAws, type CallRecord, type CallerRecord } from '../../engine/call-record.js';
import type { Facts } from '../walkthrough/facts.js';
import { sessionParts } from '../walkthrough/phrases.js';

export interface Participant {
  readonly id: string;
  readonly actor: boolean;
  readonly label: string;
}

export type Line =
  | { readonly kind: 'hop'; readonly from: string; readonly to: string; readonly arrow: 'call' | 'reply' | 'fail'; readonly text: string }
  | { readonly kind: 'note'; readonly over: readonly string[]; readonly text: string };

/** The participants of one diagram, shared across its steps: one per caller, one per service. */
export interface Cast {
  readonly list: Participant[];
  readonly byKey: Map<string, Participant>;
}

export function newCast(): Cast {
  return { list: [], byKey: new Map() };
}

function join(cast: Cast, key: string, make: () => Omit<Participant, 'id'>, id: string): string {
  let p = cast.byKey.get(key);
  if (p === undefined) {
    p = { id, ...make() };
    cast.byKey.set(key, p);
    cast.list.push(p);
  }
  return p.id;
}

export function callerLabel(c: CallerRecord, facts: Facts): string {
  const account = c.account === null ? '' : ` (${facts.accounts.get(c.account) ?? c.account})`;
  switch (c.kind) {
    case 'iam-user':
      return `user ${facts.entities.get(c.arn)?.name ?? c.arn}${account}`;
    case 'root':
      return `root user${account}`;
    case 'role-session': {
      const p = sessionParts(c.arn);
      return p === null ? c.arn : `session ${p.session} of ${p.role}${account}`;
    }
    case 'federated-user':
      return `federated user ${c.arn.slice(c.arn.lastIndexOf('/') + 1)}${account}`;
    case 'anonymous':
      return 'anonymous caller';
    case 'service':
      return `AWS service ${c.arn}`;
    default:
      return c.label;
  }
}

export function callerId(cast: Cast, c: CallerRecord, facts: Facts): string {
  return join(
    cast,
    `caller ${c.kind} ${c.arn}`,
    () => ({ actor: c.kind !== 'service', label: callerLabel(c, facts) }),
    `C${cast.list.filter((p) => p.id.startsWith('C')).length + 1}`,
  );
}

export function serviceId(cast: Cast, action: string): string {
  const prefix = action.slice(0, Math.max(0, action.indexOf(':'))).toLowerCase() || 'aws';
  return join(
    cast,
    `service ${prefix}`,
    () => ({ actor: false, label: `${prefix.toUpperCase()} (${prefix}.amazonaws.com)` }),
    `S_${prefix.replace(/[^a-z0-9]/g, '_')}`,
  );
}

const fixed = (cast: Cast, id: string, label: string) => join(cast, id, () => ({ actor: false, label }), id);

export function callLines(call: CallRecord, cast: Cast, facts: Facts): Line[] {
  const lines: Line[] = [];
  // a request a service made for the step's request starts at that service, not at the caller's SDK
  const by = call.onBehalf?.services[call.onBehalf.services.length - 1];
  const caller = by === undefined ? callerId(cast, call.caller, facts) : serviceId(cast, `${by.replace(/\.amazonaws\.com$/, '')}:`);
  const direct = by !== undefined || call.caller.kind === 'service';
  const sdk = direct ? caller : fixed(cast, 'SDK', 'AWS SDK');
  if (!direct) lines.push({ kind: 'hop', from: caller, to: sdk, arrow: 'call', text: `${call.action}${paramsText(call)}` });
  if (!direct && !reachedAws(call)) {
    // the SDK found no credentials: the request never leaves the client
    lines.push({ kind: 'hop', from: sdk, to: caller, arrow: 'fail', text: `error ${call.error?.code}` });
    return lines;
  }
  const svc = serviceId(cast, call.action);
  const name = call.action.slice(call.action.indexOf(':') + 1);
  const how =
    call.caller.credentials === 'none'
      ? 'unsigned request'
      : call.onBehalf?.credentials === 'caller'
        ? `with ${call.caller.label}'s credentials (forward access session)`
        : `signed (SigV4) with ${call.caller.accessKeyId ?? 'its access key'}`;
  const vpce = call.context['aws:SourceVpce'];
  const via = typeof vpce === 'string' ? `, through VPC endpoint ${vpce}` : '';
  lines.push({ kind: 'hop', from: sdk, to: svc, arrow: 'call', text: `${name}: ${how}${via}` });
  const providerId = call.action.toLowerCase() === 'sts:assumerolewithwebidentity' ? call.params['ProviderId'] : undefined;
  const asked = call.error === null || call.error === undefined || ['AccessDenied', 'IDPRejectedClaim'].includes(call.error.code);
  if (typeof providerId === 'string') {
    // an OAuth 2.0 access token: STS asks its provider (one it supports), which has no keys to publish
    if (asked) {
      const idp = fixed(cast, `IDP_${providerId.replace(/\W/g, '_')}`, providerId);
      lines.push(
        { kind: 'hop', from: svc, to: idp, arrow: 'call', text: 'validate the access token' },
        {
          kind: 'hop',
          from: idp,
          to: svc,
          arrow: 'reply',
          text: call.error?.code === 'IDPRejectedClaim' ? 'not a token it issued' : 'the app and user it issued it to',
        },
      );
    }
  } else if (call.action.toLowerCase() === 'sts:assumerolewithwebidentity') {
    const oidc = fixed(cast, 'OIDC', 'OIDC issuer');
    lines.push(
      { kind: 'hop', from: svc, to: oidc, arrow: 'call', text: 'fetch the signing keys (JWKS)' },
      { kind: 'hop', from: oidc, to: svc, arrow: 'reply', text: 'keys: the token signature is checked' },
    );
  }
  if (call.evaluations.length > 0) {
    const iam = fixed(cast, 'IAM', 'IAM policy evaluation');
    for (const ev of call.evaluations) {
      lines.push({ kind: 'hop', from: svc, to: iam, arrow: 'call', text: `authorize ${ev.action} on ${shortArn(ev.resource)}` });
      const verdicts = ev.evaluation.policies.map((v) => `${v.name}: ${v.verdict === 'NoMatch' ? 'no match' : v.verdict.toLowerCase()}`);
      if (verdicts.length > 0) lines.push({ kind: 'note', over: [iam], text: verdicts.join('<br/>') });
      lines.push({ kind: 'hop', from: iam, to: svc, arrow: 'reply', text: ev.evaluation.decision });
    }
  }
  const back = direct ? caller : sdk;
  if (call.outcome === 'allowed') {
    const key = credentialsKey(call);
    lines.push({ kind: 'hop', from: svc, to: back, arrow: 'reply', text: key === null ? '200 OK' : `200 OK: credentials ${key}` });
    if (!direct)
      lines.push({ kind: 'hop', from: sdk, to: caller, arrow: 'reply', text: key === null ? 'response' : `temporary credentials ${key}` });
  } else {
    const code = call.error?.code ?? 'Error';
    lines.push({ kind: 'hop', from: svc, to: back, arrow: 'fail', text: `${call.outcome === 'denied' ? '403 ' : ''}${code}` });
    if (!direct) lines.push({ kind: 'hop', from: sdk, to: caller, arrow: 'fail', text: `error ${code}` });
  }
  return lines;
}

function paramsText(call: CallRecord): string {
  const parts = Object.entries(call.params)
    .filter(([, v]) => typeof v === 'string' && v.length <= 64)
    .map(([k, v]) => `${k}=${shortArn(v as string)}`);
  const resource = call.resource !== null && call.resource !== '*' && !('RoleArn' in call.params) ? ` ${shortArn(call.resource)}` : '';
  return `${resource}${parts.length ? ` ${parts.join(', ')}` : ''}`;
}

function credentialsKey(call: CallRecord): string | null {
  const creds = call.response?.['Credentials'] as { AccessKeyId?: unknown } | undefined;
  return typeof creds?.AccessKeyId === 'string' ? creds.AccessKeyId : null;
}

/** `arn:aws:iam::1:role/UpdateApp` → `role/UpdateApp`; other text is left alone. */
export function shortArn(text: string): string {
  return text.startsWith('arn:') ? text.split(':').slice(5).join(':') : text;
}
