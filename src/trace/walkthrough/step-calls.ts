// Every API call of a step in order: the calls made on its behalf first (a pod's SDK exchanging its
// token, say: the step's hops), then the step's own call.
import type { CallRecord } from '../../engine/call-record.js';
import type { TraceStep } from '../model.js';

export function stepCalls(step: TraceStep): CallRecord[] {
  const before = (step.hops ?? []).flatMap((h) => (h.kind === 'call' ? [h.call] : []));
  const after = (step.after ?? []).flatMap((h) => (h.kind === 'call' ? [h.call] : []));
  return step.call === null ? before : [...before, step.call, ...after];
}

/** The SDK's notes of a step (its credential chain), as label: lines. */
export function stepNotes(step: TraceStep): { readonly label: string; readonly lines: readonly string[]; readonly by: string }[] {
  return (step.hops ?? []).flatMap((h) => (h.kind === 'note' ? [{ label: h.label, lines: h.lines, by: h.by ?? 'SDK' }] : []));
}
