// The per-request state of one evaluation: the request pre-digested once (lower-case action split at
// its colon), context lookups that ignore key case (IAM User Guide "IAM JSON policy elements:
// Condition"), and what the scans learn.
import type { AuthzRequest, ContextValue, RequestPrincipal } from './types.js';

type Context = Readonly<Record<string, ContextValue>>;

export interface Probe {
  action: string; // lower-case `service:name`
  /** a small number per distinct action (-1 when too many were seen): indexes per-policy memos */
  actionId: number;
  service: string;
  actionName: string;
  resource: string;
  principal: RequestPrincipal;
  /**
   * the caller has a permissions boundary (IAM User Guide "AWS JSON policy elements: NotPrincipal")
   */
  hasBoundary: boolean;
  raw: Context;
  /** the context with lower-case keys: `raw` itself when pre-normalised, else built on first need */
  lower: Context | null;
  missing: string[] | null;
  /** `partition:account:rolename` (lower-case name) of a role session, computed on first use */
  roleKey: string | null | undefined;
  rpDirect: boolean;
  rpRole: boolean;
  rpUserOfFed: boolean;
  rpAccount: boolean;
}

interface ParsedAction {
  readonly id: number;
  readonly lower: string;
  readonly service: string;
  readonly name: string;
}

const NORMALIZED: unique symbol = Symbol('iamsim.normalizedContext');
const actionCache = new Map<string, ParsedAction>();
const keyCache = new Map<string, string>();

/**
 * The probe is reused across calls: evaluate is synchronous and never re-entered, and nothing in an
 * Evaluation points back into it (the missing-keys list is handed over and replaced).
 */
const probe: Probe = {
  action: '',
  actionId: -1,
  service: '',
  actionName: '',
  resource: '',
  principal: { kind: 'anonymous' },
  hasBoundary: false,
  raw: {},
  lower: null,
  missing: null,
  roleKey: undefined,
  rpDirect: false,
  rpRole: false,
  rpUserOfFed: false,
  rpAccount: false,
};

export function makeProbe(req: AuthzRequest, hasBoundary: boolean): Probe {
  const a = parseAction(req.action);
  const ctx = req.context;
  probe.action = a.lower;
  probe.actionId = a.id;
  probe.service = a.service;
  probe.actionName = a.name;
  probe.resource = req.resource;
  probe.principal = req.principal;
  probe.hasBoundary = hasBoundary;
  probe.raw = ctx;
  probe.lower = (ctx as { [NORMALIZED]?: true })[NORMALIZED] === true ? ctx : null;
  probe.missing = null;
  probe.roleKey = undefined;
  probe.rpDirect = false;
  probe.rpRole = false;
  probe.rpUserOfFed = false;
  probe.rpAccount = false;
  return probe;
}

const MAX_ACTION_IDS = 4096;
const lowerIds = new Map<string, number>();

function parseAction(action: string): ParsedAction {
  let parsed = actionCache.get(action);
  if (parsed !== undefined) return parsed;
  const lower = action.toLowerCase();
  let id = lowerIds.get(lower);
  if (id === undefined && lowerIds.size < MAX_ACTION_IDS) {
    id = lowerIds.size;
    lowerIds.set(lower, id);
  }
  const colon = lower.indexOf(':');
  parsed = {
    id: id ?? -1,
    lower,
    service: colon < 0 ? lower : lower.slice(0, colon),
    name: colon < 0 ? '' : lower.slice(colon + 1),
  };
  if (actionCache.size > 8192) actionCache.clear();
  actionCache.set(action, parsed);
  return parsed;
}

function lowerKey(key: string): string {
  let k = keyCache.get(key);
  if (k === undefined) {
    k = key.toLowerCase();
    if (keyCache.size > 8192) keyCache.clear();
    keyCache.set(key, k);
  }
  return k;
}

/**
 * A copy of the context with lower-case keys, marked so that evaluate uses it as is. Callers that
 * evaluate the same request context more than once (or in a hot loop) should pass this form.
 */
export function normalizeContext(context: Context): Context {
  if ((context as { [NORMALIZED]?: true })[NORMALIZED] === true) return context;
  const out: Record<string, ContextValue> = {};
  for (const key in context) {
    const v = context[key];
    if (v !== undefined && key !== '__proto__') out[lowerKey(key)] = v;
  }
  // a symbol key: for-in, Object.keys and JSON never see it (and a plain assignment is much cheaper
  // than defineProperty, which this pays on every request whose context is not pre-normalised)
  (out as { [NORMALIZED]?: true })[NORMALIZED] = true;
  return out;
}

function isValue(v: unknown): v is ContextValue {
  return typeof v === 'string' || Array.isArray(v);
}

/** The context value of a key (given lower-cased and as written); records it as missing when absent. */
export function lookup(p: Probe, keyLower: string, keyName: string, record = true): ContextValue | undefined {
  let v: unknown;
  if (p.lower !== null) v = p.lower[keyLower];
  else {
    // the spelling of the policy is usually the spelling of the context: no need to normalise
    v = p.raw[keyName];
    if (!isValue(v)) {
      p.lower = normalizeContext(p.raw);
      v = p.lower[keyLower];
    }
  }
  if (isValue(v)) return v;
  if (record) noteMissing(p, keyName);
  return undefined;
}

function noteMissing(p: Probe, keyName: string): void {
  const list = (p.missing ??= []);
  const lower = lowerKey(keyName);
  for (const k of list) if (lowerKey(k) === lower) return;
  list.push(keyName);
}
