// Roles by the principals their trust policies name, so that a role's possible assumers are looked
// up rather than found by evaluating every pair (issue 15). Only Allow statements count (a Deny
// never opens a path); a statement with NotPrincipal, or whose Principal is `*` or `{"AWS":"*"}`,
// names everyone. What the index lists is a candidate: every edge is then decided by the engine.
import { documentParts } from '../../policy/index.js';
import type { IamRole } from '../iam/state.js';
import type { World } from '../world.js';

export interface TrustIndex {
  /** role ARNs whose trust names this principal ARN (a user, a role, or an account's root) */
  readonly byArn: ReadonlyMap<string, readonly string[]>;
  /** role ARNs whose trust names this service principal (`lambda.amazonaws.com`) */
  readonly byService: ReadonlyMap<string, readonly string[]>;
  /** role ARNs whose trust names this federated provider (an OIDC provider's ARN, or a built-in one's name) */
  readonly byFederated: ReadonlyMap<string, readonly string[]>;
  /** role ARNs whose trust names any AWS principal (`*`, `{"AWS":"*"}` or NotPrincipal) */
  readonly anyone: readonly string[];
  /** for each role, what its trust names, for the reverse lookup (who may assume ROLE?) */
  readonly named: ReadonlyMap<string, TrustNames>;
}

export interface TrustNames {
  readonly arns: readonly string[]; // principal ARNs, account roots as arn:aws:iam::ACCOUNT:root
  readonly services: readonly string[];
  readonly federated: readonly string[];
  readonly anyone: boolean;
}

const built = new WeakMap<object, TrustIndex>();

/** The index of the world's roles (made once per IAM state). */
export function trustIndex(world: World): TrustIndex {
  let index = built.get(world.iam.roles);
  if (index === undefined) built.set(world.iam.roles, (index = buildIndex(Object.values(world.iam.roles), world)));
  return index;
}

function buildIndex(roles: readonly IamRole[], world: World): TrustIndex {
  const byArn = new Map<string, string[]>();
  const byService = new Map<string, string[]>();
  const byFederated = new Map<string, string[]>();
  const anyone: string[] = [];
  const named = new Map<string, TrustNames>();
  const add = (map: Map<string, string[]>, key: string, role: string) => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [role]);
    else if (list[list.length - 1] !== role) list.push(role);
  };
  for (const role of roles) {
    const names = trustNames(role.trust, world);
    named.set(role.arn, names);
    for (const arn of names.arns) add(byArn, arn, role.arn);
    for (const s of names.services) add(byService, s, role.arn);
    for (const f of names.federated) add(byFederated, f, role.arn);
    if (names.anyone) anyone.push(role.arn);
  }
  return { byArn, byService, byFederated, anyone, named };
}

/** What an Allow statement's Principal names, normalised: a bare account ID becomes its root ARN, a unique ID its principal's ARN. */
export function trustNames(document: unknown, world: World): TrustNames {
  const arns = new Set<string>();
  const services = new Set<string>();
  const federated = new Set<string>();
  let anyone = false;
  for (const raw of documentParts(document).statements) {
    if (raw === null || typeof raw !== 'object') continue;
    const s = raw as Record<string, unknown>;
    if (s['Effect'] !== 'Allow') continue;
    if ('NotPrincipal' in s) {
      anyone = true;
      continue;
    }
    const principal = s['Principal'];
    if (principal === '*') {
      anyone = true;
      continue;
    }
    if (principal === null || typeof principal !== 'object') continue;
    for (const [kind, value] of Object.entries(principal as Record<string, unknown>)) {
      const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
      for (const v of values) {
        if (kind === 'AWS') {
          if (v === '*') anyone = true;
          else arns.add(awsPrincipalArn(v, world));
        } else if (kind === 'Service') services.add(v);
        else if (kind === 'Federated') federated.add(v);
      }
    }
  }
  return { arns: [...arns], services: [...services], federated: [...federated], anyone };
}

/** `111111111111` → its root ARN; `AIDA…`/`AROA…` unique IDs → the user's or role's ARN; ARNs as written. */
function awsPrincipalArn(v: string, world: World): string {
  if (/^\d{12}$/.test(v)) return `arn:aws:iam::${v}:root`;
  if (/^(AIDA|AROA)[A-Z0-9]+$/.test(v)) {
    const found = uniqueIds(world).get(v);
    if (found !== undefined) return found;
  }
  return v;
}

const idMaps = new WeakMap<object, Map<string, string>>();

function uniqueIds(world: World): Map<string, string> {
  let map = idMaps.get(world.iam);
  if (map === undefined) {
    map = new Map();
    for (const u of Object.values(world.iam.users)) map.set(u.id, u.arn);
    for (const r of Object.values(world.iam.roles)) map.set(r.id, r.arn);
    idMaps.set(world.iam, map);
  }
  return map;
}
