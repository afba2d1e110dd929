// Which renderer prints a run: every format is a pure function of the trace model and the event log.
// The rarely used formats are loaded on demand, so that `simulate` starts fast.
import type { LoggedEvent } from '../engine/events.js';
import type { TraceModel } from '../trace/model.js';
import { renderJson, traceJson } from '../trace/render-json.js';
import { renderText } from '../trace/render-text.js';
import { COLOUR, PLAIN } from '../trace/style.js';
import type { Args } from './args.js';

export interface RenderIo {
  readonly isTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export async function render(
  model: TraceModel,
  events: readonly LoggedEvent[],
  args: Pick<Args, 'format' | 'explain' | 'color'>,
  io: RenderIo,
): Promise<string> {
  switch (args.format) {
    case 'json':
      return renderJson(model);
    case 'yaml': {
      const { stringify } = await import('yaml');
      return stringify(traceJson(model), { aliasDuplicateObjects: false, lineWidth: 0 });
    }
    case 'markdown': {
      const { renderMarkdown } = await import('../trace/markdown/render-markdown.js');
      return renderMarkdown(model, events);
    }
    case 'mermaid': {
      const { scenarioDiagram } = await import('../trace/mermaid/render-mermaid.js');
      const { collectFacts } = await import('../trace/walkthrough/facts.js');
      return scenarioDiagram(model, collectFacts(events));
    }
    case 'cloudtrail': {
      const { renderCloudTrail } = await import('../trace/cloudtrail/render-cloudtrail.js');
      return renderCloudTrail(model, events);
    }
    case 'text': {
      const colour = args.color ?? (io.isTTY && !io.env.NO_COLOR && io.env.TERM !== 'dumb');
      return renderText(model, { style: colour ? COLOUR : PLAIN, explain: args.explain });
    }
    default: {
      const unreachable: never = args.format;
      throw new Error(`bug: unknown format ${String(unreachable)}`);
    }
  }
}

/** The world state after a step, as YAML (without the engine's memo of the last call and settings). */
export async function worldYaml(world: { readonly scenario: object }): Promise<string> {
  const { stringify } = await import('yaml');
  const { lastCall: _omit, detail: _setting, ...scenario } = world.scenario as { lastCall?: unknown; detail?: unknown };
  return stringify({ ...world, scenario }, { aliasDuplicateObjects: false, lineWidth: 0 });
}
