// An S3 call's Bucket, Key and ExpectedBucketOwner, checked before the run: S3 authorizes the
// request on the ARN they address (src/engine/resources/s3-request.ts), so a step that also writes
// `resource` must name the same one, and a call that names half an object is refused here, where
// it is written, as an SDK refuses to send it.
import type { ParamValue } from '../../engine/call/command.js';
import { s3Addressed } from '../../engine/resources/s3-request.js';
import type { CallDecl, Entry, Loc } from '../ast.js';
import type { Resolver } from './symbols.js';

/** `Bucket: bucket NAME` is the bucket's name, the value S3's Bucket parameter takes. */
export function bucketParam(entry: Entry, resolver: Resolver, value: () => ParamValue): ParamValue {
  const v = entry.value;
  if (entry.key.text !== 'Bucket' || v.kind !== 'Ref' || v.entity !== 'bucket') return value();
  const arn = resolver.refArn('bucket', v.target, null);
  return { t: 'text', v: arn.startsWith('arn:aws:s3:::') ? arn.slice('arn:aws:s3:::'.length) : arn };
}

export function checkS3Call(
  call: CallDecl,
  params: Readonly<Record<string, ParamValue>>,
  resource: string | null,
  resolver: Resolver,
): void {
  const at = resolver.at;
  const action = call.action.text;
  const entry = (name: string): Entry | undefined => call.params?.find((e) => e.key.text === name);
  const expected = ownerParam(entry('ExpectedBucketOwner'), params['ExpectedBucketOwner'], resolver);
  // only values known before the run (an `env` or `file` value of a pod is read when the call runs)
  const known: Record<string, unknown> = {};
  for (const name of ['Bucket', 'Key']) {
    const p = params[name];
    if (p === undefined) continue;
    if (p.t !== 'text' && p.t !== 'json') return;
    known[name] = p.v;
  }
  const addressed = s3Addressed(action, known);
  if (addressed !== null && !addressed.ok) {
    const where = entry(addressed.param) ?? entry(addressed.param === 'Key' ? 'Bucket' : 'Key');
    throw at.error(where?.key.loc ?? call.action.loc, addressed.problem, {
      length: (where?.key.text ?? action).length,
      expected:
        addressed.expected ??
        (addressed.param === 'Key' && known['Bucket'] !== undefined
          ? 'Bucket alone: the bucket is the resource'
          : 'Bucket: NAME (and Key: KEY for an object), the request parameters of the S3 API'),
    });
  }
  const arn = addressed?.ok ? addressed.arn : resource;
  if (addressed?.ok && resource !== null && resource !== addressed.arn) {
    throw at.error(call.resource!.loc, `resource ${resource} is not what the call's parameters address: ${addressed.arn}`, {
      length: resourceLength(call),
      expected: `${addressed.arn}, or no resource: S3 authorizes ${action} on the ${addressed.type} its Bucket${addressed.type === 'object' ? ' and Key' : ''} name`,
    });
  }
  if (expected === null || arn === null) return;
  const bucket = /^arn:aws:s3:::([^/]+)/.exec(arn)?.[1];
  if (bucket === undefined) return;
  const owner = resolver.symbols.byId.get(expected.id);
  const declared = resolver.symbols.accounts.some((a) => a.entities.has(`bucket:${bucket}`));
  if (owner && !declared) {
    throw at.error(
      expected.loc,
      `bucket ${bucket} is not declared in account ${owner.name} (${owner.id}), which ExpectedBucketOwner names`,
      {
        length: expected.id.length,
        expected: `declare it in account ${owner.name} (\`bucket ${bucket}\`), or the ID of an account the scenario does not declare`,
      },
    );
  }
}

/** ExpectedBucketOwner is an account ID (S3 API Reference: "The account ID of the expected bucket owner"). */
function ownerParam(entry: Entry | undefined, value: ParamValue | undefined, resolver: Resolver): { id: string; loc: Loc } | null {
  if (entry === undefined || value === undefined || value.t !== 'text') return null;
  if (!/^\d{12}$/.test(value.v)) {
    throw resolver.at.error(entry.value.loc, `ExpectedBucketOwner ${value.v} is not an account ID`, {
      length: value.v.length,
      expected: 'the 12-digit ID of the account expected to own the bucket',
    });
  }
  return { id: value.v, loc: entry.value.loc };
}

function resourceLength(call: CallDecl): number {
  const r = call.resource!;
  return r.kind === 'Text' ? r.text.length + (r.quoted ? 2 : 0) : r.target.loc.offset + r.target.text.length - r.loc.offset;
}
