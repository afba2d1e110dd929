// The frames of `simulate walk`: the world first, then one frame per step or wait with its story,
// its trace and what changed in the world. Pure: built from the event log alone (the world before
// and after each step is the log replayed up to there).
import type { LoggedEvent } from '../engine/events.js';
import { evolveAll, initialWorld } from '../engine/run.js';
import type { World } from '../engine/world.js';
import type { TraceModel } from '../trace/model.js';
import { project } from '../trace/project.js';
import { renderRefused, renderStep, renderText } from '../trace/render-text.js';
import type { Style } from '../trace/style.js';
import { collectFacts } from '../trace/walkthrough/facts.js';
import { narrate } from '../trace/walkthrough/narrative.js';
import { changeLines, worldDiff } from './world-diff.js';

export interface Frame {
  readonly title: string;
  readonly lines: readonly string[];
}

export function walkFrames(events: readonly LoggedEvent[], style: Style): Frame[] {
  const model = project(events);
  const facts = collectFacts(events);
  const segments = split(events);
  const frames: Frame[] = [{ title: model.title, lines: intro(model, style) }];
  let world = evolveAll(initialWorld, segments[0] ?? []);
  const items = model.items;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const after = evolveAll(world, segments[i + 1] ?? []);
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
    frames.push({ title, lines });
    world = after;
  }
  return frames;
}

/** The events before the first step, then one group per step or wait (in the trace's order). */
function split(events: readonly LoggedEvent[]): LoggedEvent[][] {
  const groups: LoggedEvent[][] = [[]];
  for (const e of events) {
    if (e.type === 'StepStarted' || e.type === 'ClockAdvanced' || e.type === 'RequestRefused') groups.push([]);
    groups[groups.length - 1]!.push(e);
  }
  return groups;
}

/** The world without the engine's bookkeeping (the step counter, the memo of the last call). */
function visible(w: World): unknown {
  const { lastCall: _l, step: _s, ...scenario } = w.scenario as World['scenario'] & { step?: number };
  return { ...w, scenario };
}

function intro(model: TraceModel, style: Style): string[] {
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
