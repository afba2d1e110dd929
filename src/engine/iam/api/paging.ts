// Paginated IAM list calls (ListUsers, ListRoles, GetGroup, ListAccessKeys, ListUserTags …): MaxItems
// (maxItemsType, 1–1000; IAM's default is 100) and Marker (markerType, 1–320 characters), answered
// with IsTruncated and, when truncated, the Marker to continue from (IAM API Reference, each action's
// "Request Parameters" and "Response Elements").
import { checkInteger, checkLength, checkPattern, type Constraint } from '../../call/validation.js';
import type { World } from '../../world.js';
import { text } from './names.js';
import type { IamApi } from './types.js';

export const PAGE_PARAMS = ['Marker', 'MaxItems'] as const;

/** pathPrefixType: `/` then printable ASCII, 1–512 characters (ListUsers, ListRoles, ListInstanceProfiles …). */
export function pathPrefixParam(params: Readonly<Record<string, unknown>>, out: Constraint[]): string {
  const value = text(params, 'PathPrefix');
  checkLength('pathPrefix', value, 1, 512, out);
  checkPattern('pathPrefix', value, '\\u002F[\\u0021-\\u007F]*', out);
  return value ?? '/';
}

/** Checks MaxItems and Marker as IAM does before anything else. */
export function pageParams(params: Readonly<Record<string, unknown>>, out: Constraint[]): void {
  checkInteger('maxItems', text(params, 'MaxItems'), 1, 1000, out);
  const marker = text(params, 'Marker');
  checkLength('marker', marker, 1, 320, out);
  checkPattern('marker', marker, '[\\u0020-\\u00FF]+', out);
}

/**
 * One page of `items` (already in IAM's order, each with its sort key). AWS's markers are opaque;
 * iamsim's is the base64 of the next item's key, so a page continues where the last one stopped even
 * when an item was added or removed between the calls.
 */
export function page<T>(
  items: readonly T[],
  key: (item: T) => string,
  params: Readonly<Record<string, unknown>>,
): { readonly items: T[]; readonly more: Record<string, unknown> } {
  const max = Number(text(params, 'MaxItems') ?? 100);
  const marker = text(params, 'Marker');
  const from = marker === null ? null : Buffer.from(marker, 'base64').toString('utf8');
  const start = from === null ? 0 : items.findIndex((item) => key(item) >= from);
  const rest = start < 0 ? [] : items.slice(start);
  const shown = rest.slice(0, max);
  const next = rest[max];
  return {
    items: shown,
    more: next === undefined ? { IsTruncated: false } : { IsTruncated: true, Marker: Buffer.from(key(next), 'utf8').toString('base64') },
  };
}

/**
 * A list response: one page of `items` under `member` (`Roles`, `AccessKeyMetadata` …), in the
 * order of `key`, with IsTruncated and Marker.
 */
export function listResponse<T>(
  items: readonly T[],
  member: string,
  key: (item: T) => string,
  params: Readonly<Record<string, unknown>>,
  shape: (item: T) => unknown,
): Record<string, unknown> {
  const sorted = [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const { items: shown, more } = page(sorted, key, params);
  return { [member]: shown.map(shape), ...more };
}

/**
 * A List* call of the caller's account's entities under a PathPrefix (ListUsers, ListRoles,
 * ListInstanceProfiles), authorized on `*`: the Service Authorization Reference gives these calls
 * no resource type. AWS does not document the order: iamsim lists by name, whatever the case.
 */
export function listByPath<T extends { readonly account: string; readonly path: string; readonly name: string }>(
  member: string,
  entities: (world: World) => Readonly<Record<string, T>>,
  shape: (entity: T, world: World) => unknown,
): IamApi {
  return {
    params: ['PathPrefix', ...PAGE_PARAMS],
    address({ params }, out) {
      pathPrefixParam(params, out);
      pageParams(params, out);
      return { resource: '*' };
    },
    apply({ params, account, world }) {
      const prefix = text(params, 'PathPrefix') ?? '/';
      const listed = Object.values(entities(world)).filter((e) => e.account === account && e.path.startsWith(prefix));
      const response = listResponse(
        listed,
        member,
        (e) => e.name.toLowerCase(),
        params,
        (e) => shape(e, world),
      );
      return { ok: true, events: [], response };
    },
  };
}

/** IAM lists names in alphabetical order, whatever their case (AWS does not document the order). */
export function byName(a: { readonly name: string }, b: { readonly name: string }): number {
  const x = a.name.toLowerCase();
  const y = b.name.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}
