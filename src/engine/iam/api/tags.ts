// Tags of IAM users and roles: TagUser, UntagUser, ListUserTags, TagRole, UntagRole, ListRoleTags
// (IAM API Reference, each action's page, https://docs.aws.amazon.com/IAM/latest/APIReference/API_TagUser.html
// and its neighbours; IAM User Guide "Tagging IAM resources",
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_tags.html). The request keys a tagging call
// carries (aws:RequestTag/*, aws:TagKeys) come from src/engine/resources/request-tags.ts.
import { checkCount, checkLength, checkPattern, checkRequired, type Constraint } from '../../call/validation.js';
import { checkTags, readKeys, readTags } from '../../sts/tags.js';
import type { World } from '../../world.js';
import type { IamRole, IamUser } from '../state.js';
import { findByName, nameParam, noSuchEntity, resourceOf, text } from './names.js';
import { page, PAGE_PARAMS, pageParams } from './paging.js';
import type { IamApi, IamOutcome } from './types.js';

/** Tags on a user or a role: at most 50 (IAM User Guide "IAM and AWS STS quotas"). */
export const TAGS_PER_ENTITY = 50;

const TAG_KEY = '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+';

export type TagsRead = { readonly ok: true; readonly tags: Record<string, string> } | Extract<IamOutcome, { ok: false }>;

/**
 * A request's Tags (tagListType: at most 50 Tag, each a Key of 1–128 and a Value of 0–256 characters
 * of the tag alphabet, not starting with aws:). Constraint violations go to `out`; two tags whose
 * keys differ only by case are IAM's InvalidInput (keys of users and roles are not case sensitive:
 * IAM User Guide "Tagging IAM resources"; the message is moto's, AWS does not document it).
 */
export function tagListParam(params: Readonly<Record<string, unknown>>, out: Constraint[], required: boolean): TagsRead {
  const raw = params['Tags'];
  if (required) checkRequired('tags', raw === undefined || raw === null ? null : '', out);
  const tags = readTags(raw);
  if (typeof tags === 'string') {
    out.push({ member: 'tags', value: undefined, constraint: tags });
    return { ok: true, tags: {} };
  }
  checkTags(tags, [], out);
  const seen = new Map<string, string>();
  for (const t of tags) {
    const twin = seen.get(t.key.toLowerCase());
    if (twin !== undefined) {
      return {
        ok: false,
        code: 'InvalidInput',
        message: 'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
        note: `${twin} and ${t.key} are the same tag key to IAM`,
      };
    }
    seen.set(t.key.toLowerCase(), t.key);
  }
  return { ok: true, tags: Object.fromEntries(tags.map((t) => [t.key, t.value])) };
}

type Kind = 'user' | 'role';
const NAME: Record<Kind, { readonly param: string; readonly max: number; readonly quota: string }> = {
  user: { param: 'UserName', max: 128, quota: 'TagsPerUser' },
  role: { param: 'RoleName', max: 64, quota: 'TagsPerRole' },
};

function address(kind: Kind) {
  return (params: Readonly<Record<string, unknown>>, account: string, world: World, out: Constraint[]) => {
    const name = nameParam(params, NAME[kind].param, kind, out, NAME[kind].max);
    return { resource: resourceOf(world, kind, account, name) };
  };
}

function entityOf(kind: Kind, params: Readonly<Record<string, unknown>>, account: string, world: World): IamUser | IamRole | IamOutcome {
  const name = text(params, NAME[kind].param)!;
  const entity = kind === 'user' ? findByName(world, 'user', account, name) : findByName(world, 'role', account, name);
  return entity ?? noSuchEntity(kind, name, account);
}

function isOutcome(x: IamUser | IamRole | IamOutcome): x is IamOutcome {
  return 'ok' in x;
}

function tagApi(kind: Kind): IamApi {
  return {
    params: [NAME[kind].param, 'Tags'],
    address({ params, account, world }, out) {
      const at = address(kind)(params, account, world, out);
      tagListParam(params, out, true);
      return at;
    },
    apply({ params, account, world }): IamOutcome {
      const entity = entityOf(kind, params, account, world);
      if (isOutcome(entity)) return entity;
      const read = tagListParam(params, [], true);
      if (!read.ok) return read;
      // a key already there, in any case, is replaced, not added (IAM User Guide "Tagging IAM resources")
      const keys = new Set(Object.keys(entity.tags).map((k) => k.toLowerCase()));
      for (const k of Object.keys(read.tags)) keys.add(k.toLowerCase());
      if (keys.size > TAGS_PER_ENTITY) {
        return {
          ok: false,
          code: 'LimitExceeded',
          message: `Cannot exceed quota for ${NAME[kind].quota}: ${TAGS_PER_ENTITY}`,
          note:
            `${kind} ${entity.name} would have ${keys.size} tags, and IAM allows ${TAGS_PER_ENTITY} (IAM User Guide "IAM and AWS STS quotas"); ` +
            "AWS's message follows its pattern for quotas, this one is not documented",
        };
      }
      const replaced = Object.keys(entity.tags).filter((k) => read.tags[k] === undefined && k.toLowerCase() in lowerOf(read.tags));
      const notes =
        replaced.length === 0
          ? []
          : [`tag keys of users and roles are not case sensitive: ${replaced.join(', ')} replaced by the tag of the same key`];
      return { ok: true, events: [{ type: 'EntityTagged', data: { entity: entity.arn, tags: read.tags } }], response: {}, notes };
    },
  };
}

function lowerOf(tags: Readonly<Record<string, string>>): Record<string, true> {
  return Object.fromEntries(Object.keys(tags).map((k) => [k.toLowerCase(), true as const]));
}

function untagApi(kind: Kind): IamApi {
  return {
    params: [NAME[kind].param, 'TagKeys'],
    address({ params, account, world }, out) {
      const at = address(kind)(params, account, world, out);
      const raw = params['TagKeys'];
      checkRequired('tagKeys', raw === undefined || raw === null ? null : '', out);
      const keys = readKeys(raw);
      if (typeof keys === 'string')
        out.push({ member: 'tagKeys', value: undefined, constraint: 'TagKeys is a list of tag keys: [project, team]' });
      else {
        checkCount('tagKeys', keys.length, 50, out);
        keys.forEach((k, i) => {
          checkLength(`tagKeys.${i + 1}.member`, k, 1, 128, out);
          checkPattern(`tagKeys.${i + 1}.member`, k, TAG_KEY, out);
        });
      }
      return at;
    },
    apply({ params, account, world }): IamOutcome {
      const entity = entityOf(kind, params, account, world);
      if (isOutcome(entity)) return entity;
      const asked = readKeys(params['TagKeys']) as string[];
      const lower = new Set(asked.map((k) => k.toLowerCase()));
      const found = Object.keys(entity.tags).filter((k) => lower.has(k.toLowerCase()));
      const absent = asked.filter((k) => !found.some((f) => f.toLowerCase() === k.toLowerCase()));
      const notes =
        absent.length === 0 ? [] : [`${kind} ${entity.name} has no tag ${absent.join(', ')}: IAM removes nothing for it and succeeds`];
      const events = found.length === 0 ? [] : [{ type: 'EntityUntagged' as const, data: { entity: entity.arn, keys: found } }];
      return { ok: true, events, response: {}, notes };
    },
  };
}

function listTagsApi(kind: Kind): IamApi {
  return {
    params: [NAME[kind].param, ...PAGE_PARAMS],
    address({ params, account, world }, out) {
      const at = address(kind)(params, account, world, out);
      pageParams(params, out);
      return at;
    },
    apply({ params, account, world }): IamOutcome {
      const entity = entityOf(kind, params, account, world);
      if (isOutcome(entity)) return entity;
      // "The returned list of tags is sorted by tag key" (IAM API Reference, ListUserTags, ListRoleTags)
      const tags = Object.entries(entity.tags)
        .map(([Key, Value]) => ({ Key, Value }))
        .sort((a, b) => (a.Key < b.Key ? -1 : a.Key > b.Key ? 1 : 0));
      const { items, more } = page(tags, (t) => t.Key, params);
      return { ok: true, events: [], response: { Tags: items, ...more } };
    },
  };
}

export const TAG_APIS: Readonly<Record<string, IamApi>> = {
  TagUser: tagApi('user'),
  UntagUser: untagApi('user'),
  ListUserTags: listTagsApi('user'),
  TagRole: tagApi('role'),
  UntagRole: untagApi('role'),
  ListRoleTags: listTagsApi('role'),
};
