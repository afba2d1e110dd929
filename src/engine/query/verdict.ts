// How a question reads the engine's decisions: allowed, denied, or conditional. A request is first
// decided as a principal would send it without anything only a real request carries (MFA, a source
// IP, an external ID, a token's claims …); the evaluation names the condition keys it needed and did
// not have (missingContextKeys). When it is not allowed and some were missing, it is decided again
// with each missing key set to a value the world's own policies write for it (a condition's value:
// `Bool aws:MultiFactorAuthPresent true` gives "true"); allowed then, it is conditional, and the
// answer names the keys and the values assumed (docs/aws-rules.md "Questions about a world").
import { documentParts } from '../../policy/index.js';
import type { ContextValue } from '../../policy/types.js';
import type { EvaluationRecord } from '../call-record.js';

export type Verdict = 'allowed' | 'conditional' | 'denied';

export interface Decided {
  readonly verdict: Verdict;
  /** conditional: the condition keys the decision needed, with the values assumed for them */
  readonly unknown: readonly string[];
  readonly assumed: Readonly<Record<string, string>>;
  /** the evaluations that decided (for a conditional answer: those under the values assumed) */
  readonly evaluations: readonly EvaluationRecord[];
  /** the request context the evaluations were decided with */
  readonly context: Readonly<Record<string, ContextValue>>;
}

export interface Attempt {
  readonly evaluations: readonly EvaluationRecord[];
  readonly context: Readonly<Record<string, ContextValue>>;
  /** refused before any evaluation (a role passed across accounts …) */
  readonly refused?: boolean;
}

const allow = (a: Attempt) =>
  a.refused !== true && a.evaluations.length > 0 && a.evaluations.every((e) => e.evaluation.decision === 'Allow');

/**
 * A decision that keeps its verdict and what it assumed, and decides again (`again`, deterministic)
 * when its evaluations or context are read: a search over a large world keeps every hop it finds,
 * and their evaluation records were most of its memory (docs/performance.md, "Questions"). The
 * last decision made again is remembered, so reading a hop's evaluations and then its context
 * decides it once more, not twice.
 */
export function keptDecision(d: Decided, again: () => Decided): Decided {
  const kept = {
    verdict: d.verdict,
    unknown: d.unknown,
    assumed: d.assumed,
    get evaluations(): readonly EvaluationRecord[] {
      return explained(kept, again).evaluations;
    },
    get context(): Readonly<Record<string, ContextValue>> {
      return explained(kept, again).context;
    },
  };
  return kept;
}

let last: { readonly of: Decided; readonly decided: Decided } | null = null;

function explained(of: Decided, again: () => Decided): Decided {
  if (last?.of !== of) last = { of, decided: again() };
  return last.decided;
}

/**
 * Decides a request (`attempt` with the keys to add to its context), and again with assumed values
 * for the keys it missed, taken from the documents that could decide it.
 */
export function decideOpenly(attempt: (extra: Record<string, ContextValue>) => Attempt, documents: () => readonly unknown[]): Decided {
  const first = attempt({});
  const none = { unknown: [], assumed: {} };
  if (allow(first)) return { verdict: 'allowed', ...none, evaluations: first.evaluations, context: first.context };
  const denied: Decided = { verdict: 'denied', ...none, evaluations: first.evaluations, context: first.context };
  if (first.refused === true) return denied;
  const missing = new Set(first.evaluations.flatMap((e) => e.evaluation.missingContextKeys));
  if (missing.size === 0) return denied;
  const assumed = assumptions(missing, documents());
  if (Object.keys(assumed).length === 0) return denied;
  const second = attempt(assumed);
  if (!allow(second)) return denied;
  return {
    verdict: 'conditional',
    unknown: Object.keys(assumed).sort(),
    assumed,
    evaluations: second.evaluations,
    context: second.context,
  };
}

/** For each missing key, the first value a condition of the documents compares it with (made to satisfy the operator where it can). */
function assumptions(missing: ReadonlySet<string>, documents: readonly unknown[]): Record<string, string> {
  const wanted = new Map([...missing].map((k) => [k.toLowerCase(), k]));
  const out: Record<string, string> = {};
  for (const document of documents) {
    for (const raw of documentParts(document).statements) {
      if (raw === null || typeof raw !== 'object') continue;
      const condition = (raw as Record<string, unknown>)['Condition'];
      if (condition === null || typeof condition !== 'object') continue;
      for (const [operator, block] of Object.entries(condition as Record<string, unknown>)) {
        if (block === null || typeof block !== 'object') continue;
        for (const [key, value] of Object.entries(block as Record<string, unknown>)) {
          const name = wanted.get(key.toLowerCase());
          if (name === undefined || name in out) continue;
          const first = Array.isArray(value) ? value[0] : value;
          const v = satisfying(
            operator,
            typeof first === 'string' || typeof first === 'number' || typeof first === 'boolean' ? String(first) : null,
          );
          if (v !== null) out[name] = v;
        }
      }
    }
  }
  return out;
}

/** A value the operator accepts for the written one; null for negated and null-check operators, which a missing key already answers. */
function satisfying(operator: string, written: string | null): string | null {
  if (written === null) return null;
  const op = operator.replace(/^(ForAllValues|ForAnyValue):/, '').replace(/IfExists$/, '');
  if (/Not/.test(op) || op === 'Null') return null;
  if (op === 'NumericLessThan') return String(Number(written) - 1);
  if (op === 'NumericGreaterThan') return String(Number(written) + 1);
  if (op === 'IpAddress') return written.replace(/\/\d+$/, '');
  if (op.startsWith('Date') && Number.isNaN(Date.parse(written))) return written;
  if (op === 'DateLessThan') return new Date(Date.parse(written) - 1000).toISOString().replace('.000', '');
  if (op === 'DateGreaterThan') return new Date(Date.parse(written) + 1000).toISOString().replace('.000', '');
  return written;
}
