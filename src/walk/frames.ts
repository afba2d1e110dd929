// The frames of `simulate walk`: the world first, then one frame per step or wait with its story,
// its trace and what changed in the world. Pure: built from the event log alone (the world before
// and after each step is the log replayed up to there), one frame at a time.
import type { LoggedEvent } from '../engine/events.js';
import { evolveAll, initialWorld } from '../engine/run.js';
import type { World } from '../engine/world.js';
import type { TraceModel } from '../trace/model.js';
import { createProjection, type TraceItem } from '../trace/project.js';
import { renderRefused, renderStep, renderText } from '../trace/render-text.js';
import type { Style } from '../trace/style.js';
import { factsFold, type Facts } from '../trace/walkthrough/facts.js';
import { narrate } from '../trace/walkthrough/narrative.js';
import { changeLines, worldDiff } from './world-diff.js';

export interface Frame {
  readonly title: string;
  readonly lines: readonly string[];
}

export interface FrameStream {
  /** the frames: the world's, then one per step, wait or refused request */
  readonly frames: Iterable<Frame>;
  /** how many */
  readonly count: number;
  /** whether an expectation failed */
  readonly failed: boolean;
}

/**
 * The frames, made one at a time from a log read twice (`events` gives it again at each call): a
 * first pass gathers the facts the stories name and counts the frames; the second projects each
 * step and evolves the world by that step's events (evolveAll, one draft a step). Holds the world
 * and one step, not the log.
 */
export function walkFrameStream(events: () => Iterable<LoggedEvent>, style: Style): FrameStream {
  const fold = factsFold();
  let items = 0;
  const counting = createProjection(() => items++);
  for (const e of events()) {
    fold.add(e);
    counting.add(e);
  }
  // the world frame shows the whole log's world (a log edited by hand may declare after a step)
  const model = counting.finish();
  const intro = { title: model.title, lines: introLines(model, style) };
  return { frames: frames(events, intro, fold.facts, style), count: items + 1, failed: model.summary.failed > 0 };
}

function* frames(events: () => Iterable<LoggedEvent>, intro: Frame, facts: Facts, style: Style): Generator<Frame> {
  yield intro;
  // An item is complete when the next one starts (or at the end), and so is its segment of the log:
  // the events from its start to the next one's. Both queues fill in the same order.
  const items: TraceItem[] = [];
  const worlds: { before: World; after: World }[] = [];
  const projection = createProjection((item) => items.push(item));
  let world = initialWorld;
  let segment: LoggedEvent[] = [];
  let first = true; // the segment in hand is the world's (before the first item)
  const close = (): void => {
    const after = evolveAll(world, segment);
    if (!first) worlds.push({ before: world, after });
    first = false;
    world = after;
    segment = [];
  };
  const ready = function* (): Generator<Frame> {
    while (items.length > 0 && worlds.length > 0) {
      const { before, after } = worlds.shift()!;
      yield frameOf(items.shift()!, before, after, facts, style);
    }
  };
  for (const e of events()) {
    if (startsSegment(e)) close();
    segment.push(e);
    projection.add(e);
    yield* ready();
  }
  close();
  projection.finish();
  yield* ready();
}

function frameOf(item: TraceItem, world: World, after: World, facts: Facts, style: Style): Frame {
  const lines: string[] = [];
  if (item.kind === 'wait') {
    lines.push(style.cyan(`wait ${item.text}: the clock moves from ${item.from} to ${item.to}`));
  } else if (item.kind === 'refused') {
    lines.push(...renderRefused(item, style).split('\n'));
  } else {
    lines.push(style.bold(`Step ${item.index} · ${item.title}`) + style.dim(`  (${item.at})`), '');
    for (const s of narrate(item, facts, (t) => t)) lines.push(...wrap(s, 78, '  '));
    lines.push('');
    const trace: string[] = [];
    renderStep(item, trace, { style, explain: false });
    lines.push(...trace.slice(1));
  }
  const changes = changeLines(worldDiff(visible(world), visible(after)), visible(world));
  lines.push(
    '',
    style.bold('What changed in the world'),
    ...(changes.length === 0 ? [style.dim('  nothing')] : changes.map((c) => `  ${c}`)),
  );
  const title =
    item.kind === 'wait'
      ? `wait ${item.text}`
      : item.kind === 'refused'
        ? `Refused · ${item.method} ${item.path}`
        : `Step ${item.index} · ${item.title}`;
  return { title, lines };
}

/** The events before the first step are the world's; each step, wait or refused request starts a group of its own (in the trace's order). */
const startsSegment = (e: LoggedEvent): boolean => e.type === 'StepStarted' || e.type === 'ClockAdvanced' || e.type === 'RequestRefused';

/** The world without the engine's bookkeeping (the step counter, the memo of the last call). */
function visible(w: World): unknown {
  const { lastCall: _l, step: _s, ...scenario } = w.scenario as World['scenario'] & { step?: number };
  return { ...w, scenario };
}

function introLines(model: TraceModel, style: Style): string[] {
  const text = renderText({ ...model, items: [] }, { style, explain: false })
    .trimEnd()
    .split('\n');
  return text.slice(0, -2); // without the empty summary
}

function wrap(text: string, width: number, indent: string): string[] {
  const out: string[] = [];
  let line = indent;
  for (const word of text.split(' ')) {
    if (line.length + word.length + 1 > width && line.trim() !== '') {
      out.push(line.trimEnd());
      line = indent;
    }
    line += `${word} `;
  }
  if (line.trim() !== '') out.push(line.trimEnd());
  return out;
}
