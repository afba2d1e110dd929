// Condition keys of the AWS service catalogue: the global `aws:` keys, every service's keys, and
// the keys of identity providers (`accounts.google.com:aud`, `saml:sub`). Keys are case-insensitive
// (IAM User Guide "IAM JSON policy elements: Condition"). A `${…}` in the catalogue is a
// placeholder for any non-empty text, so `aws:PrincipalTag/${TagKey}` covers
// `aws:PrincipalTag/team` (tag keys may hold `:` and `/`).
import { closest } from './distance.js';
import { catalogueData, namesOf } from './data.js';

/** `web-identity`: a key of an identity provider named by its URL (`token.actions.githubusercontent.com:sub`) */
export type ConditionKeyKind = 'global' | 'service' | 'web-identity';

export interface ConditionKeyLookup {
  /** the key in the catalogue's spelling (a placeholder's text as written), or as written when unknown */
  readonly key: string;
  readonly known: boolean;
  readonly kind?: ConditionKeyKind;
  /** the catalogue entry with a placeholder that matched, such as `aws:PrincipalTag/${TagKey}` */
  readonly pattern?: string;
  readonly suggestion?: string;
}

interface KeyPattern {
  readonly key: string;
  /** does a key (in lower case) match: its literal pieces in order, each placeholder some text */
  readonly matches: (lower: string) => boolean;
  /** the text before the placeholder when the key ends in its only one (`aws:PrincipalTag/`) */
  readonly base: string | null;
}

interface KeyGroup {
  readonly exact: ReadonlyMap<string, string>; // lower-case key → key
  readonly patterns: readonly KeyPattern[];
}

/**
 * Claims of any OIDC provider, keyed by the provider URL without `https://` — the EKS issuer
 * `oidc.eks.REGION.amazonaws.com/id/ID:sub` or a custom one (IAM User Guide "IAM and AWS STS
 * condition context keys"). Only these claims become keys; the catalogue adds the named providers'
 * own (GitHub's `repository`…).
 */
const OIDC_CLAIMS = ['aud', 'sub', 'azp', 'amr'];

const groups = new Map<string, KeyGroup | null>();
let variablePrefixed: KeyGroup | undefined;
let everyKey: KeyGroup[] | undefined;

function group(prefix: string): KeyGroup | null {
  const lower = prefix.toLowerCase();
  const cached = groups.get(lower);
  if (cached !== undefined) return cached;
  const line = catalogueData().keyLine(lower);
  const found = line === undefined ? null : indexGroup([line]);
  groups.set(lower, found);
  return found;
}

function indexGroup(lines: readonly string[]): KeyGroup {
  const exact = new Map<string, string>();
  const patterns: KeyPattern[] = [];
  for (const line of lines) {
    const prefix = line.slice(0, line.indexOf(':'));
    for (const name of namesOf(line)) {
      const key = `${prefix}:${name}`;
      if (key.includes('${')) patterns.push(keyPattern(key));
      else exact.set(key.toLowerCase(), key);
    }
  }
  return { exact, patterns };
}

/**
 * Matching checks the literal head and tail first and builds a regular expression only for a key
 * that passes: V8 compiles a regular expression to machine code on its second use, which would
 * cost a few milliseconds per run for the sixty patterns a provider key is tried against.
 */
function keyPattern(key: string): KeyPattern {
  const pieces = key.toLowerCase().split(/\$\{[^}]*\}/);
  const head = pieces[0]!;
  const tail = pieces[pieces.length - 1]!;
  let re: RegExp | undefined;
  const matches = (lower: string): boolean => {
    if (lower.length <= head.length + tail.length || !lower.startsWith(head) || !lower.endsWith(tail)) return false;
    re ??= new RegExp(`^${pieces.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+')}$`, 's');
    return re.test(lower);
  };
  const written = key.split(/\$\{[^}]*\}/);
  return { key, matches, base: written.length === 2 && written[1] === '' ? written[0]! : null };
}

/** Keys whose prefix itself has a placeholder (`token.actions.${Domain}.ghe.com:sub`). */
function variablePrefixGroup(): KeyGroup {
  variablePrefixed ??= indexGroup(
    catalogueData()
      .keyLines()
      .filter((l) => l.slice(0, l.indexOf(':')).includes('${')),
  );
  return variablePrefixed;
}

function allGroups(): KeyGroup[] {
  everyKey ??= [indexGroup(catalogueData().keyLines())];
  return everyKey;
}

function find(key: string, g: KeyGroup | null): Omit<ConditionKeyLookup, 'kind'> | null {
  if (!g) return null;
  const exact = g.exact.get(key.toLowerCase());
  if (exact !== undefined) return { key: exact, known: true };
  const lower = key.toLowerCase();
  const p = g.patterns.find((x) => x.matches(lower));
  if (!p) return null;
  return { key: p.base === null ? key : p.base + key.slice(p.base.length), known: true, pattern: p.key };
}

const isProvider = (prefix: string) => /[./]/.test(prefix);

export function lookupConditionKey(key: string, service?: string): ConditionKeyLookup {
  const found = resolveKey(key);
  if (found) return found;
  const suggestion = suggestConditionKey(key, service);
  return suggestion === undefined ? { key, known: false } : { key, known: false, suggestion };
}

function resolveKey(key: string): ConditionKeyLookup | null {
  const colon = key.indexOf(':');
  if (colon <= 0) return null;
  const prefix = key.slice(0, colon);
  const kind: ConditionKeyKind = prefix.toLowerCase() === 'aws' ? 'global' : isProvider(prefix) ? 'web-identity' : 'service';
  const found = find(key, group(prefix)) ?? (prefix.includes('.') ? find(key, variablePrefixGroup()) : null);
  if (found) return { ...found, kind };
  const claim = key.slice(colon + 1).toLowerCase();
  return isProvider(prefix) && OIDC_CLAIMS.includes(claim) ? { key: `${prefix}:${claim}`, known: true, kind: 'web-identity' } : null;
}

/**
 * The nearest catalogue key: among the keys of the key's own prefix, of `service` and the global
 * ones first, then among all. A placeholder key competes with the written key's own tail, so
 * `aws:PrincipalTags/team` suggests `aws:PrincipalTag/team`, and `aws:PrincipalTag` the form
 * `aws:PrincipalTag/${TagKey}`. A key without a prefix is tried as a global key and as a key of `service`.
 */
export function suggestConditionKey(key: string, service?: string): string | undefined {
  const colon = key.indexOf(':');
  const prefix = colon > 0 ? key.slice(0, colon) : '';
  if (prefix === '') {
    for (const p of ['aws', service]) {
      const found = p === undefined ? null : resolveKey(`${p}:${key}`);
      if (found) return found.key;
    }
  }
  const near = [prefix, service ?? '', 'aws'].map((p) => (p === '' ? null : group(p))).filter((g): g is KeyGroup => g !== null);
  const lower = key.toLowerCase();
  const bare = near
    .flatMap((g) => g.patterns)
    .find((p) => p.base !== null && [p.base.toLowerCase(), p.base.toLowerCase().replace(/\/$/, '')].includes(lower));
  if (bare) return bare.key; // `aws:PrincipalTag` → `aws:PrincipalTag/${TagKey}`: the form, as the catalogue writes it
  const extra = isProvider(prefix) ? OIDC_CLAIMS.map((c) => `${prefix}:${c}`) : [];
  return closest(key, [...candidates(key, near), ...extra]) ?? closest(key, candidates(key, allGroups()));
}

function* candidates(key: string, gs: readonly KeyGroup[]): Generator<string> {
  const slash = key.indexOf('/');
  for (const g of gs) {
    yield* g.exact.values();
    for (const p of g.patterns) if (p.base !== null && p.base.endsWith('/') && slash >= 0) yield p.base + key.slice(slash + 1);
  }
}
