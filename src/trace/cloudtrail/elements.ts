// requestParameters, responseElements and resources of a CloudTrail record. CloudTrail writes the API
// parameters with camel-case names, S3 object calls as bucketName/Host/key, keeps the session token
// of issued credentials but never the secret key, and writes their expiration as "Jan 1, 2026,
// 10:00:00 AM" (as in STS events delivered by CloudTrail).
import type { CallRecord } from '../../engine/call-record.js';
import type { Facts } from '../walkthrough/facts.js';
import { arnAccount } from '../walkthrough/facts.js';

type Json = Record<string, unknown>;

const NUMERIC = new Set(['DurationSeconds']);
/**
 * Parameters the API takes as JSON text: the request carried the text, and CloudTrail logs it as
 * such (a scenario may write them as `json {…}`, which is the text an SDK would send).
 */
const JSON_TEXT = new Set(['PolicyDocument', 'AssumeRolePolicyDocument', 'Policy', 'TemplateBody']);
/** Credentials in a request are never logged: the token or assertion itself (or the access portal's bearer token) stays out. */
const SECRET = new Set(['WebIdentityToken', 'SAMLAssertion', 'accessToken']);

export function requestParameters(call: CallRecord): Json | null {
  const s3 = s3Parts(call);
  if (s3 !== null) {
    const out: Json = { bucketName: s3.bucket, Host: `${s3.bucket}.s3.${call.region}.amazonaws.com` };
    if (s3.key !== null) out['key'] = s3.key;
    return out;
  }
  const entries = Object.entries(call.params);
  if (entries.length === 0) return null;
  const out: Json = {};
  for (const [k, v] of entries) {
    if (SECRET.has(k)) continue;
    if (JSON_TEXT.has(k) && typeof v === 'object' && v !== null) out[camel(k)] = JSON.stringify(v);
    else out[camel(k)] = NUMERIC.has(k) && typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : camelKeys(v);
  }
  return out;
}

export function responseElements(call: CallRecord): Json | null {
  const r = call.response;
  if (call.outcome !== 'allowed' || r === null || !('Credentials' in r)) return null;
  const out: Json = {};
  for (const [k, v] of Object.entries(r)) {
    if (k === 'Credentials' && typeof v === 'object' && v !== null) {
      const c = v as Json;
      out['credentials'] = {
        accessKeyId: c['AccessKeyId'],
        sessionToken: c['SessionToken'],
        expiration: trailDate(String(c['Expiration'])),
      };
    } else out[camel(k)] = camelKeys(v);
  }
  return out;
}

export function resources(call: CallRecord, facts: Facts): Json[] | undefined {
  const role = typeof call.params['RoleArn'] === 'string' ? (call.params['RoleArn'] as string) : null;
  if (role !== null) return [{ accountId: arnAccount(role), type: 'AWS::IAM::Role', ARN: role }];
  const s3 = s3Parts(call);
  if (s3 === null) return undefined;
  const bucketArn = `arn:aws:s3:::${s3.bucket}`;
  // a bucket the scenario does not declare: the owner the request carried (ExpectedBucketOwner), if any
  const carried = call.context['aws:ResourceAccount'];
  const owner = facts.entities.get(bucketArn)?.account ?? (typeof carried === 'string' ? carried : '');
  const bucket = { accountId: owner, type: 'AWS::S3::Bucket', ARN: bucketArn };
  return s3.key === null ? [bucket] : [{ type: 'AWS::S3::Object', ARN: call.resource }, bucket];
}

function s3Parts(call: CallRecord): { bucket: string; key: string | null } | null {
  if (!call.action.toLowerCase().startsWith('s3:') || call.resource === null) return null;
  const m = /^arn:aws:s3:::([^/]+)(?:\/(.*))?$/.exec(call.resource);
  return m === null ? null : { bucket: m[1]!, key: m[2] ?? null };
}

function camel(key: string): string {
  return key.charAt(0).toLowerCase() + key.slice(1);
}

function camelKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(camelKeys);
  if (typeof v !== 'object' || v === null) return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [camel(k), camelKeys(x)]));
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-01-01T10:00:00Z` → `Jan 1, 2026, 10:00:00 AM` (UTC, no locale involved). */
export function trailDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(iso);
  if (m === null) return iso;
  const hour = Number(m[4]);
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${MONTHS[Number(m[2]) - 1]} ${Number(m[3])}, ${m[1]}, ${h12}:${m[5]}:${m[6]} ${hour < 12 ? 'AM' : 'PM'}`;
}
