// `simulate paths`: the chains of sts:AssumeRole, sts:AssumeRoleWithWebIdentity and iam:PassRole by
// which principals reach a role. From the target backwards: the trust index names each role's
// possible assumers (trust-index.ts), and only those candidate edges are decided, each by the engine
// (edges.ts). A role reached is searched in turn (role chaining is allowed; its one-hour cap does
// not matter to reachability).
import type { IamRole } from '../iam/state.js';
import type { World } from '../world.js';
import { assumeRoleHop, passRoleHop, PASS_TO, webIdentityHop, type HopKind } from './edges.js';
import { allPrincipals, callerOf, identityMayAllow, type QueryPrincipal } from './principals.js';
import { trustIndex } from './trust-index.js';
import { keptDecision, type Decided, type Verdict } from './verdict.js';

/** Where a path starts or passes: a user, a role, or the web identities of a federated provider. */
export type PathNode =
  QueryPrincipal | { readonly kind: 'federated'; readonly arn: string; readonly account: null; readonly label: string };

export interface Hop {
  readonly from: PathNode;
  readonly to: QueryPrincipal;
  readonly kind: HopKind;
  /** iam:PassRole: the service the role is handed to */
  readonly service: string | null;
  /** kept without its evaluations, which are decided again when read (keptDecision) */
  readonly decided: Decided;
}

export interface Path {
  readonly hops: readonly Hop[];
  /** conditional when any hop is */
  readonly verdict: Exclude<Verdict, 'denied'>;
}

export interface Reach {
  readonly target: QueryPrincipal;
  /** every hop decided allowed or conditional, into each role that reaches the target (or is it) */
  readonly into: ReadonlyMap<string, readonly Hop[]>;
  /** hops from each node to the target, fewest first (nodes that reach it) */
  readonly distance: ReadonlyMap<string, number>;
  /** how many candidate hops the engine decided */
  readonly decided: number;
}

interface Lookup {
  readonly byAccount: Map<string, QueryPrincipal[]>;
  readonly byArn: Map<string, QueryPrincipal>;
  readonly all: QueryPrincipal[];
}

const lookups = new WeakMap<World, Lookup>();

function lookup(world: World): Lookup {
  let found = lookups.get(world);
  if (found === undefined) {
    const all = allPrincipals(world);
    const byAccount = new Map<string, QueryPrincipal[]>();
    const byArn = new Map<string, QueryPrincipal>();
    for (const p of all) {
      byArn.set(p.arn, p);
      const list = byAccount.get(p.account);
      if (list === undefined) byAccount.set(p.account, [p]);
      else list.push(p);
    }
    lookups.set(world, (found = { byAccount, byArn, all }));
  }
  return found;
}

export function principalByArn(world: World, arn: string): QueryPrincipal | null {
  return lookup(world).byArn.get(arn) ?? null;
}

/** Every hop into the role that the engine does not deny, from the candidates its trust policy names. */
export function hopsInto(role: IamRole, world: World): { hops: Hop[]; decided: number } {
  const index = trustIndex(world);
  const names = index.named.get(role.arn);
  const { byAccount, byArn, all } = lookup(world);
  const to = byArn.get(role.arn)!;
  const hops: Hop[] = [];
  let decided = 0;
  const assumers = new Set<QueryPrincipal>();
  if (names !== undefined) {
    if (names.anyone) for (const p of all) assumers.add(p);
    for (const arn of names.arns) {
      const p = byArn.get(arn);
      if (p !== undefined) assumers.add(p);
      else if (arn.endsWith(':root')) {
        // the account's root names every principal of the account whose identity policy allows it
        const account = arn.slice('arn:aws:iam::'.length, -':root'.length);
        for (const q of byAccount.get(account) ?? []) if (identityMayAllow(q, 'sts:AssumeRole', world, role.arn)) assumers.add(q);
      }
    }
  }
  for (const p of assumers) {
    if (p.arn === role.arn) continue;
    const who = callerOf(p, world);
    if (who === null) continue;
    decided++;
    const d = assumeRoleHop(who, role, world);
    const again = () => assumeRoleHop(who, role, world);
    if (d.verdict !== 'denied') hops.push({ from: p, to, kind: 'sts:AssumeRole', service: null, decided: keptDecision(d, again) });
  }
  for (const service of names?.services ?? []) {
    const to2 = PASS_TO.find((s) => s.service === service);
    if (to2 === undefined) continue;
    // a role cannot be passed across accounts: only the role's own account's principals
    for (const p of byAccount.get(role.account) ?? []) {
      if (p.arn === role.arn || !identityMayAllow(p, 'iam:PassRole', world, role.arn)) continue;
      const who = callerOf(p, world);
      if (who === null) continue;
      decided++;
      const d = passRoleHop(who, role, to2, world);
      const again = () => passRoleHop(who, role, to2, world);
      if (d.verdict !== 'denied') hops.push({ from: p, to, kind: 'iam:PassRole', service, decided: keptDecision(d, again) });
    }
  }
  for (const provider of names?.federated ?? []) {
    decided++;
    const d = webIdentityHop(provider, role, world);
    const from: PathNode = { kind: 'federated', arn: provider, account: null, label: `federated ${provider}` };
    const again = () => webIdentityHop(provider, role, world);
    if (d.verdict !== 'denied')
      hops.push({ from, to, kind: 'sts:AssumeRoleWithWebIdentity', service: null, decided: keptDecision(d, again) });
  }
  return { hops, decided };
}

/** Everything that reaches the target role, searched backwards from it, breadth first. */
export function reach(world: World, targetArn: string): Reach {
  const role = world.iam.roles[targetArn];
  const target = principalByArn(world, targetArn);
  if (role === undefined || target === null) throw new Error(`bug: ${targetArn} is not a role of the world`);
  const into = new Map<string, Hop[]>();
  const distance = new Map<string, number>([[targetArn, 0]]);
  let decided = 0;
  let frontier = [role];
  while (frontier.length > 0) {
    const next: IamRole[] = [];
    for (const r of frontier) {
      const found = hopsInto(r, world);
      decided += found.decided;
      into.set(r.arn, found.hops);
      const d = distance.get(r.arn)! + 1;
      for (const hop of found.hops) {
        if (distance.has(hop.from.arn)) continue;
        distance.set(hop.from.arn, d);
        const fromRole = hop.from.kind === 'role' ? world.iam.roles[hop.from.arn] : undefined;
        if (fromRole !== undefined) next.push(fromRole);
      }
    }
    frontier = next;
  }
  return { target, into, distance, decided };
}

/** The chains from a node to the target, fewest hops first, without a node twice; at most `limit`. */
export function pathsFrom(r: Reach, from: string, limit = 10): Path[] {
  if (!r.distance.has(from)) return [];
  // forward adjacency over the hops found
  const out = new Map<string, Hop[]>();
  for (const hops of r.into.values()) {
    for (const h of hops) {
      const list = out.get(h.from.arn);
      if (list === undefined) out.set(h.from.arn, [h]);
      else list.push(h);
    }
  }
  const found: Path[] = [];
  const targetArn = r.target.arn;
  let layer: { at: string; hops: Hop[] }[] = [{ at: from, hops: [] }];
  let budget = 200_000; // partial chains looked at, at most
  while (layer.length > 0 && found.length < limit && budget > 0) {
    const next: { at: string; hops: Hop[] }[] = [];
    for (const partial of layer) {
      for (const h of out.get(partial.at) ?? []) {
        if (--budget <= 0) break;
        if (h.to.arn === from || partial.hops.some((x) => x.from.arn === h.to.arn)) continue;
        const hops = [...partial.hops, h];
        if (h.to.arn === targetArn) {
          if (found.length < limit)
            found.push({ hops, verdict: hops.some((x) => x.decided.verdict === 'conditional') ? 'conditional' : 'allowed' });
        } else if (r.distance.has(h.to.arn)) next.push({ at: h.to.arn, hops });
      }
    }
    layer = next;
  }
  return found;
}

/** For every node that reaches the target: one shortest chain (unconditional ones preferred). */
export function shortestPaths(r: Reach): Path[] {
  const best = new Map<string, Hop>(); // node → its first hop on a shortest chain
  for (const hops of r.into.values()) {
    for (const h of hops) {
      const d = r.distance.get(h.from.arn);
      if (d === undefined || r.distance.get(h.to.arn) !== d - 1) continue;
      const seen = best.get(h.from.arn);
      if (seen === undefined || (seen.decided.verdict === 'conditional' && h.decided.verdict === 'allowed')) best.set(h.from.arn, h);
    }
  }
  const paths: Path[] = [];
  for (const [node, first] of best) {
    if (node === r.target.arn) continue;
    const hops = [first];
    let at = first.to.arn;
    while (at !== r.target.arn) {
      const h = best.get(at);
      if (h === undefined) break;
      hops.push(h);
      at = h.to.arn;
    }
    paths.push({ hops, verdict: hops.some((x) => x.decided.verdict === 'conditional') ? 'conditional' : 'allowed' });
  }
  paths.sort((a, b) => a.hops.length - b.hops.length || a.hops[0]!.from.label.localeCompare(b.hops[0]!.from.label));
  return paths;
}
