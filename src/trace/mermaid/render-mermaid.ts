// Mermaid sequence diagrams: one per step (in the Markdown walkthrough) or the whole scenario in one
// (`--format mermaid`). Text is escaped with Mermaid's entity codes so that `;`, `#` and angle
// brackets in ARNs and reasons never end a statement or open a tag.
import type { TraceModel, TraceStep } from '../model.js';
import type { Facts } from '../walkthrough/facts.js';
import { stepCalls, stepNotes } from '../walkthrough/step-calls.js';
import { callerId, callLines, newCast, type Cast, type Line } from './hops.js';
import type { TraceWriter } from '../stream.js';

export function escapeMermaid(text: string): string {
  return text
    .replace(/#/g, '#35;')
    .replace(/;/g, '#59;')
    .replace(/<(?!br\/>)/g, '#lt;')
    .replace(/(?<!<br\/)>/g, '#gt;')
    .replace(/[\r\n]+/g, ' ');
}

const ARROW = { call: '->>', reply: '-->>', fail: '--x' } as const;

function lineText(l: Line): string {
  return l.kind === 'hop'
    ? `  ${l.from}${ARROW[l.arrow]}${l.to}: ${escapeMermaid(l.text)}`
    : `  Note over ${l.over.join(',')}: ${escapeMermaid(l.text)}`;
}

function diagram(cast: Cast, body: readonly string[]): string {
  const head = ['sequenceDiagram', '  autonumber'];
  for (const p of cast.list) head.push(`  ${p.actor ? 'actor' : 'participant'} ${p.id} as ${escapeMermaid(p.label)}`);
  return [...head, ...body].join('\n') + '\n';
}

function stepLines(step: TraceStep, cast: Cast, facts: Facts): string[] {
  const calls = stepCalls(step);
  const first = calls[0];
  const notes =
    first === undefined
      ? []
      : stepNotes(step).map((n) => `  Note over ${callerId(cast, first.caller, facts)}: ${escapeMermaid(`${n.by}: ${n.label}`)}`);
  return [...notes, ...calls.flatMap((c) => callLines(c, cast, facts).map(lineText))];
}

/** The diagram of one step, or null when the step made no call. */
export function stepDiagram(step: TraceStep, facts: Facts): string | null {
  if (stepCalls(step).length === 0) return null;
  const cast = newCast();
  return diagram(cast, stepLines(step, cast, facts));
}

/** The whole scenario as one diagram: each step opens with a note, waits appear as notes too. */
export function scenarioDiagram(model: TraceModel, facts: Facts): string {
  const passes = diagramPasses(facts);
  for (const item of model.items) passes.callers.item(item, model);
  for (const item of model.items) passes.services.item(item, model);
  const writer = passes.writer();
  return [writer.head(model), ...model.items.map((item) => writer.item(item, model)), writer.end(model)].join('');
}

/**
 * The diagram in three passes over the items, each a TraceWriter (a long run makes each pass a run
 * of its own, src/run-file.ts): the callers, in the order they first act; then the services their
 * calls reach, in the order the body reaches them; then the diagram, its participants first and
 * each item's lines as it comes.
 */
export function diagramPasses(facts: Facts): { callers: TraceWriter; services: TraceWriter; writer(): TraceWriter } {
  const callers = newCast();
  let all: Cast | null = null;
  const copy = (cast: Cast): Cast => ({ list: [...cast.list], byKey: new Map(cast.byKey) });
  const silent = { head: () => '', end: () => '' };
  let body: ((item: TraceModel['items'][number]) => string[]) | null = null;
  return {
    callers: {
      ...silent,
      item(item) {
        if (item.kind === 'step') for (const c of stepCalls(item)) callerId(callers, c.caller, facts);
        return '';
      },
    },
    services: {
      ...silent,
      item(item) {
        if (all === null) {
          all = copy(callers);
          body = diagramBody(all, facts);
        }
        body!(item);
        return '';
      },
    },
    writer() {
      const cast = all ?? copy(callers);
      if (cast.list.length === 0) cast.list.push({ id: 'SDK', actor: false, label: 'AWS SDK' });
      const lines = diagramBody(copy(callers), facts);
      return {
        head: () => diagram(cast, []),
        item: (item) =>
          lines(item)
            .map((line) => `${line}\n`)
            .join(''),
        end: () => '',
      };
    },
  };
}

/** An item's lines in the whole diagram (adding to `cast` the services it reaches). */
function diagramBody(cast: Cast, facts: Facts): (item: TraceModel['items'][number]) => string[] {
  return (item) => {
    if (item.kind === 'wait')
      return [`  Note over ${cast.list[0]?.id ?? 'SDK'}: ${escapeMermaid(`wait ${item.text}: the clock moves to ${item.to}`)}`];
    if (item.kind === 'refused')
      return [`  Note over ${cast.list[0]?.id ?? 'SDK'}: ${escapeMermaid(`refused ${item.method} ${item.path}: ${item.code}`)}`];
    const body: string[] = [];
    const lines = stepLines(item, cast, facts);
    const first = stepCalls(item)[0];
    const anchor = first === undefined ? (cast.list[0]?.id ?? null) : callerId(cast, first.caller, facts);
    if (anchor !== null) body.push(`  Note over ${anchor}: ${escapeMermaid(`Step ${item.index} · ${item.title}`)}`);
    if (item.notMade !== null && anchor !== null) body.push(`  Note over ${anchor}: ${escapeMermaid(`not made: ${item.notMade}`)}`);
    body.push(...lines);
    return body;
  };
}
