// Actions of the AWS service catalogue. Service prefixes and action names are case-insensitive
// (IAM User Guide "IAM JSON policy elements: Action"), so every lookup is; answers give the
// catalogue's spelling.
import { closest } from './distance.js';
import { catalogueData, namesOf } from './data.js';

export interface ActionLookup {
  /** the catalogue's service prefix, or the prefix as written when no service has it */
  readonly service: string;
  /** the catalogue's spelling of the action name, or the name as written when unknown */
  readonly action: string;
  readonly known: boolean;
  /** the nearest catalogue action (`service:Action`), when one is close enough to be the intent */
  readonly suggestion?: string;
}

interface ServiceActions {
  readonly prefix: string;
  readonly names: readonly string[];
  /** lower-case name → name */
  readonly byLower: ReadonlyMap<string, string>;
}

const services = new Map<string, ServiceActions | null>();
let everyAction: string[] | undefined;

function service(prefix: string): ServiceActions | null {
  const lower = prefix.toLowerCase();
  const cached = services.get(lower);
  if (cached !== undefined) return cached;
  const line = catalogueData().actionLine(lower);
  const found = line === undefined ? null : indexService(line);
  services.set(lower, found);
  return found;
}

function indexService(line: string): ServiceActions {
  const names = namesOf(line);
  return { prefix: line.slice(0, line.indexOf(':')), names, byLower: new Map(names.map((n) => [n.toLowerCase(), n])) };
}

/** `s3:PutObject` → ['s3', 'PutObject']; null without exactly one colon. */
export function splitAction(name: string): [string, string] | null {
  const parts = name.split(':');
  return parts.length === 2 ? [parts[0]!, parts[1]!] : null;
}

export function isKnownService(prefix: string): boolean {
  return service(prefix) !== null;
}

/** A service's prefix and action names, in the catalogue's spelling; null for an unknown prefix. */
export function serviceActions(prefix: string): { readonly prefix: string; readonly names: readonly string[] } | null {
  return service(prefix);
}

export function servicePrefixes(): string[] {
  return catalogueData()
    .actionLines()
    .map((line) => line.slice(0, line.indexOf(':')));
}

export function lookupAction(name: string): ActionLookup {
  const split = splitAction(name);
  if (split === null) return withSuggestion({ service: '', action: name, known: false }, name);
  const [prefix, action] = split;
  const svc = service(prefix);
  const canonical = svc?.byLower.get(action.toLowerCase());
  if (svc && canonical !== undefined) return { service: svc.prefix, action: canonical, known: true };
  return withSuggestion({ service: svc?.prefix ?? prefix, action, known: false }, name);
}

function withSuggestion(lookup: ActionLookup, name: string): ActionLookup {
  const suggestion = suggestAction(name);
  return suggestion === undefined ? lookup : { ...lookup, suggestion };
}

/**
 * The catalogue action nearest to `name` by edit distance: within its service first; then across
 * all services, which also corrects a wrong prefix (`s33:PutObject`, `s3:AssumeRole`).
 */
export function suggestAction(name: string): string | undefined {
  const split = splitAction(name);
  if (split !== null) {
    const svc = service(split[0]);
    const within = svc ? closest(split[1], svc.names) : undefined;
    if (svc && within !== undefined) return `${svc.prefix}:${within}`;
  }
  return closest(name, allActions());
}

function allActions(): string[] {
  if (everyAction) return everyAction;
  everyAction = [];
  for (const line of catalogueData().actionLines()) {
    const prefix = line.slice(0, line.indexOf(':'));
    for (const n of namesOf(line)) everyAction.push(`${prefix}:${n}`);
  }
  return everyAction;
}

/**
 * The catalogue actions an IAM action pattern (`s3:Get*`, `iam:?etUser`) matches, case-insensitively
 * (`*` any run of characters, `?` one); null when no service has the pattern's prefix.
 */
export function matchActions(pattern: string): string[] | null {
  const split = splitAction(pattern);
  const svc = split ? service(split[0]) : null;
  if (!split || !svc) return null;
  const glob = split[1].toLowerCase();
  return svc.names.filter((n) => globMatch(glob, n.toLowerCase())).map((n) => `${svc.prefix}:${n}`);
}

/** `*` and `?` wildcard matching, the textbook way: remember the last star and retry from it. */
export function globMatch(glob: string, text: string): boolean {
  let g = 0;
  let t = 0;
  let star = -1;
  let retry = 0;
  while (t < text.length) {
    const c = glob[g];
    if (c === '*') {
      star = g++;
      retry = t;
    } else if (c !== undefined && (c === '?' || c === text[t])) {
      g++;
      t++;
    } else if (star >= 0) {
      g = star + 1;
      t = ++retry;
    } else return false;
  }
  while (glob[g] === '*') g++;
  return g === glob.length;
}
