// Encoded authorization failure messages (AWS STS API Reference "DecodeAuthorizationMessage"): some
// services answer a denial with an encoded message that tells why, which only
// sts:DecodeAuthorizationMessage reads. EC2 is the one AWS's pages show ("You are not authorized to
// perform this operation. … Encoded authorization failure message: …", AWS Knowledge Center "How do
// I decode and analyze 'You are not authorized to perform this operation' errors for Amazon EC2
// instance launch failures?"). The decoded document has the shape of AWS's examples (IAM User Guide,
// "Use DecodeAuthorizationMessage with a CLI"; the same Knowledge Center article): allowed,
// explicitDeny, matchedStatements, failures, and the request's context (principal, action, resource,
// condition keys).
//
// AWS encrypts the message with a key only AWS holds. iamsim encrypts it with AES-256-GCM (node:crypto)
// under a key derived from the scenario's seed (ids.ts), after deflating the JSON; the 12-byte nonce
// is an HMAC of the content, so a run and its goldens are reproducible, and the same content gives
// the same message. Decoding is authenticated decryption: a message the world did not issue, or one
// changed or cut short, does not decode.
import { createCipheriv, createDecipheriv, createHmac } from 'node:crypto';
import type * as Zlib from 'node:zlib';
import type { ContextValue } from '../../policy/types.js';
import type { CallRecord, EvaluationRecord } from '../call-record.js';
import { authorizationMessageKeys } from '../ids.js';

/** What precedes the encoded message in the error message (AWS Knowledge Center, above). */
export const ENCODED_MESSAGE_PREFIX = 'Encoded authorization failure message: ';

/** EC2's words before the reason (Amazon EC2 API Reference, Error codes: UnauthorizedOperation). */
const EC2_UNAUTHORIZED = 'You are not authorized to perform this operation.';

function isEc2(action: string): boolean {
  return action.slice(0, action.indexOf(':')).toLowerCase() === 'ec2';
}

/**
 * Whether a denial of the action carries an encoded message: EC2's, but for its Describe* actions,
 * which AWS-observed denials show without one (and which take no resource-level permissions).
 */
export function carriesEncodedMessage(action: string): boolean {
  return isEc2(action) && !/^describe/i.test(action.slice(action.indexOf(':') + 1));
}

/**
 * A denied EC2 call, with its error message as EC2 writes it: "You are not authorized to perform
 * this operation. REASON. Encoded authorization failure message: …" (without the encoded message for
 * Describe* actions). Other calls are returned unchanged.
 */
export function withEncodedMessage(call: CallRecord, seed: string): CallRecord {
  if (call.outcome !== 'denied' || call.error === null || !isEc2(call.action)) return call;
  if (call.error.message.startsWith(EC2_UNAUTHORIZED)) return call;
  const reason = call.error.message.replace(/\.$/, '');
  const encoded = carriesEncodedMessage(call.action)
    ? ` ${ENCODED_MESSAGE_PREFIX}${encodeAuthorizationMessage(seed, JSON.stringify(decodedDocument(call)))}`
    : '';
  return { ...call, error: { ...call.error, message: `${EC2_UNAUTHORIZED} ${reason}.${encoded}` } };
}

/** The encoded message an error message carries, or null. */
export function encodedMessageOf(errorMessage: string): string | null {
  const at = errorMessage.lastIndexOf(ENCODED_MESSAGE_PREFIX);
  if (at < 0) return null;
  const encoded = errorMessage.slice(at + ENCODED_MESSAGE_PREFIX.length).trim();
  return encoded === '' ? null : encoded;
}

interface Items<T> {
  readonly items: readonly T[];
}
const items = <T>(xs: readonly T[]): Items<T> => ({ items: xs });
const values = (v: ContextValue | readonly string[]): Items<{ value: string }> =>
  items((typeof v === 'string' ? [v] : v).map((value) => ({ value })));

/**
 * The decoded document of a denied call, from its deciding evaluation (the last one: iam:PassRole
 * when EC2 refused to pass a role) and the request's context.
 */
export function decodedDocument(call: CallRecord) {
  const evaluation: EvaluationRecord | undefined = call.evaluations[call.evaluations.length - 1];
  const decision = evaluation?.evaluation.decision ?? call.decision;
  const explicitDeny = decision === 'ExplicitDeny';
  const userId = typeof call.context['aws:userid'] === 'string' ? call.context['aws:userid'] : null;
  const userName =
    call.caller.kind === 'iam-user' && typeof call.context['aws:username'] === 'string' ? call.context['aws:username'] : null;
  const principalId = userId?.split(':')[0] ?? null;
  const matched = explicitDeny && evaluation ? evaluation.statements.flatMap((s) => denyStatement(s.text, principalId)) : [];
  return {
    allowed: false,
    explicitDeny,
    matchedStatements: items(matched),
    failures: items([]),
    context: {
      principal: { ...(userId !== null ? { id: userId } : {}), ...(userName !== null ? { name: userName } : {}), arn: call.caller.arn },
      action: evaluation?.action ?? call.action,
      resource: evaluation?.resource ?? call.resource ?? '*',
      conditions: items(Object.entries(call.context).map(([key, v]) => ({ key, values: values(v) }))),
    },
  };
}

/** A matched Deny statement as the decoded message lists it; [] for an Allow statement. */
function denyStatement(text: string, principalId: string | null) {
  let s: Record<string, unknown>;
  try {
    s = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return [];
  }
  if (s['Effect'] !== 'Deny') return [];
  const list = (v: unknown): string[] => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x) => typeof x === 'string') : []);
  const conditions: { key: string; values: Items<{ value: string }> }[] = [];
  const condition = s['Condition'];
  if (typeof condition === 'object' && condition !== null) {
    for (const block of Object.values(condition as Record<string, unknown>)) {
      if (typeof block !== 'object' || block === null) continue;
      for (const [key, v] of Object.entries(block as Record<string, unknown>)) conditions.push({ key, values: values(list(v)) });
    }
  }
  return [
    {
      statementId: typeof s['Sid'] === 'string' ? s['Sid'] : '',
      effect: 'DENY',
      principals: items(principalId === null ? [] : [{ value: principalId }]),
      principalGroups: items([]),
      actions: values(list(s['Action'] ?? s['NotAction'])),
      resources: values(list(s['Resource'] ?? s['NotResource'] ?? '*')),
      conditions: items(conditions),
    },
  ];
}

/**
 * node:zlib, loaded on first use: only a denial that carries an encoded message (EC2's) and its
 * decoding need it, and loading it at start cost every run about 6 M instructions (docs/performance.md).
 */
let zlibModule: typeof Zlib | undefined;
const zlib = (): typeof Zlib => (zlibModule ??= process.getBuiltinModule('node:zlib'));

const NONCE = 12;
const TAG = 16;

/** The JSON text, deflated and encrypted under the world's key, as base64url. */
export function encodeAuthorizationMessage(seed: string, json: string): string {
  const keys = authorizationMessageKeys(seed);
  const plain = zlib().deflateRawSync(Buffer.from(json, 'utf8'));
  const nonce = createHmac('sha256', keys.nonce).update(plain).digest().subarray(0, NONCE);
  const cipher = createCipheriv('aes-256-gcm', keys.encryption, nonce);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64url');
}

/** The JSON text of a message this world encoded; null for anything else (forged, changed, cut short). */
export function decodeAuthorizationMessage(seed: string, encoded: string): string | null {
  if (!/^[A-Za-z0-9_-]+$/.test(encoded)) return null;
  const bytes = Buffer.from(encoded, 'base64url');
  if (bytes.length <= NONCE + TAG || bytes.toString('base64url') !== encoded) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', authorizationMessageKeys(seed).encryption, bytes.subarray(0, NONCE));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG));
    const plain = Buffer.concat([decipher.update(bytes.subarray(NONCE, bytes.length - TAG)), decipher.final()]);
    return zlib().inflateRawSync(plain).toString('utf8');
  } catch {
    return null;
  }
}
