// The parameters List* actions share (IAM API Reference: PathPrefix, Marker, MaxItems) and one page
// of a list's result.
import { checkInteger, checkLength, checkPattern, type Constraint } from '../../call/validation.js';
import { text } from './names.js';

/** pathPrefixType: `/` then printable ASCII, 1–512 characters (ListRoles, ListInstanceProfiles). */
export function pathPrefixParam(params: Readonly<Record<string, unknown>>, out: Constraint[]): string {
  const value = text(params, 'PathPrefix');
  checkLength('pathPrefix', value, 1, 512, out);
  checkPattern('pathPrefix', value, '\\u002F[\\u0021-\\u007F]*', out);
  return value ?? '/';
}

/** Marker (markerType, 1–320 characters) and MaxItems (1–1000) of a List* action. */
export function pagingParams(params: Readonly<Record<string, unknown>>, out: Constraint[]): void {
  checkLength('marker', text(params, 'Marker'), 1, 320, out);
  checkInteger('maxItems', text(params, 'MaxItems'), 1, 1000, out);
}

/**
 * One page of a list: at most MaxItems (default 100) from Marker on, with IsTruncated and, when
 * more follow, the Marker of the next page. AWS's markers are opaque; iamsim's is the position of
 * the next item, as text.
 */
export function page(items: readonly Record<string, unknown>[], member: string, params: Readonly<Record<string, unknown>>) {
  const start = Number(text(params, 'Marker') ?? '0') || 0;
  const max = Number(text(params, 'MaxItems') ?? '100');
  const shown = items.slice(start, start + max);
  const next = start + shown.length;
  return next < items.length ? { [member]: shown, IsTruncated: true, Marker: String(next) } : { [member]: shown, IsTruncated: false };
}
