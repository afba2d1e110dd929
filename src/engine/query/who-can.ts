// `simulate who-can`: every principal whose request for an action on a resource would be allowed,
// each with the engine's decision (decideRequest, as a step's call is decided; sts:AssumeRole on a
// role as STS decides it). Candidates are the principals an identity policy might allow, and those
// the resource's policy names; with `all`, every principal is decided (the denied ones too).
import type { CallRecord, EvaluationRecord } from '../call-record.js';
import type { CallerRef } from '../call/command.js';
import { decideRequest } from '../resources/decide.js';
import { findResource } from '../resources/owner.js';
import type { World } from '../world.js';
import type { ContextValue } from '../../policy/types.js';
import { assumeRoleHop } from './edges.js';
import { allPrincipals, callerOf, NO_CREDENTIALS, identityMayAllow, questionSession, type QueryPrincipal } from './principals.js';
import { trustNames } from './trust-index.js';
import { decideOpenly, type Verdict } from './verdict.js';
import { callerPolicies } from '../call/policies.js';

export interface WhoCanEntry {
  readonly principal: QueryPrincipal;
  readonly verdict: Verdict;
  /** the condition keys a conditional answer depends on */
  readonly unknown: readonly string[];
  readonly assumed: Readonly<Record<string, string>>;
  readonly evaluations: readonly EvaluationRecord[];
  readonly context: Readonly<Record<string, ContextValue>>;
  /** why the request failed before any policy was looked at (an inactive key …), when it did */
  readonly error: { readonly code: string; readonly message: string } | null;
  readonly notes: readonly string[];
}

export interface WhoCanAnswer {
  readonly action: string;
  readonly resource: string;
  /** principals in the world, and how many were decided (the others no policy could allow) */
  readonly principals: number;
  readonly decided: number;
  /** allowed and conditional first, in the order of allPrincipals; denied ones only with `all` */
  readonly entries: readonly WhoCanEntry[];
}

export interface WhoCanOptions {
  /** decide every principal, and list the denied ones too (`--explain`) */
  readonly all?: boolean;
}

export function whoCan(world: World, action: string, resource: string, options: WhoCanOptions = {}): WhoCanAnswer {
  const principals = allPrincipals(world);
  const named = resourceNames(world, action, resource);
  const entries: WhoCanEntry[] = [];
  let decided = 0;
  for (const p of principals) {
    if (options.all !== true && !named.anyone && !named.arns.has(p.arn) && !identityMayAllow(p, action, world, resource)) continue;
    decided++;
    const entry = decide(p, action, resource, world);
    if (entry.verdict !== 'denied' || options.all === true) entries.push(entry);
  }
  const rank = { allowed: 0, conditional: 1, denied: 2 } as const;
  entries.sort((a, b) => rank[a.verdict] - rank[b.verdict]);
  return { action, resource, principals: principals.length, decided, entries };
}

/** Who the resource's own policy (a role's trust policy, a bucket's or key's policy) names in its Allow statements. */
function resourceNames(world: World, action: string, resource: string): { anyone: boolean; arns: Set<string> } {
  const role = world.iam.roles[resource];
  const document = role !== undefined && isAssume(action) ? role.trust : (findResource(resource, world)?.policy ?? null);
  if (document === null) return { anyone: false, arns: new Set() };
  const names = trustNames(document, world);
  return { anyone: names.anyone, arns: new Set(names.arns) };
}

const isAssume = (action: string) => action.toLowerCase() === 'sts:assumerole';

function decide(p: QueryPrincipal, action: string, resource: string, world: World): WhoCanEntry {
  const role = world.iam.roles[resource];
  if (role !== undefined && isAssume(action)) {
    const who = callerOf(p, world);
    if (who === null)
      return {
        principal: p,
        verdict: 'denied',
        unknown: [],
        assumed: {},
        evaluations: [],
        context: {},
        error: null,
        notes: [NO_CREDENTIALS],
      };
    const d = assumeRoleHop(who, role, world);
    return { principal: p, ...d, error: null, notes: [] };
  }
  const { world: asked, caller } = askAs(p, world);
  let last: CallRecord | null = null;
  const d = decideOpenly(
    (extra) => {
      const data = { caller, action, resource, params: {}, context: extra, region: world.scenario.region };
      const { events } = decideRequest({ type: 'Call', data }, asked);
      const first = events[0]?.data;
      if (first === undefined || !('call' in first)) throw new Error(`bug: ${action} was decided without a call record`);
      last = first.call;
      return { evaluations: first.call.evaluations, context: first.call.context, refused: first.call.evaluations.length === 0 };
    },
    () => {
      const who = callerOf(p, world);
      const own = findResource(resource, world)?.policy;
      return [...(own ? [own] : []), ...(who === null ? [] : callerPolicies(who, world).documents.values())];
    },
  );
  const call = last as CallRecord | null;
  const error = call !== null && call.evaluations.length === 0 ? call.error : null;
  return { principal: p, ...d, error, notes: call?.notes ?? [] };
}

/** The world with a session of every role in it (once per world), so that a role's request is decided as its session's. */
const withSessions = new WeakMap<World, World>();

function askAs(p: QueryPrincipal, world: World): { world: World; caller: CallerRef } {
  if (p.kind === 'user') return { world, caller: { kind: 'user', arn: p.arn } };
  let asked = withSessions.get(world);
  if (asked === undefined) {
    const sessions = { ...world.sts.sessions };
    for (const role of Object.values(world.iam.roles)) {
      const s = questionSession(role, world);
      sessions[s.accessKeyId] = s;
    }
    asked = { ...world, sts: { ...world.sts, sessions } };
    withSessions.set(world, asked);
  }
  const role = world.iam.roles[p.arn]!;
  return { world: asked, caller: { kind: 'session', accessKeyId: questionSession(role, world).accessKeyId, label: p.label } };
}
