// The Markdown walkthrough (`--format markdown`): title and description, the world as tables, then
// each step as a short narrative, a Mermaid sequence diagram of its hops, the decision with the
// statements that decided, and the expectations. Renders on GitHub as it is.
import { shortEncoded } from '../encoded-message.js';
import type { LoggedEvent } from '../../engine/events.js';
import type { TraceModel, TraceStep, TraceSummary } from '../model.js';
import type { TraceWriter } from '../stream.js';
import { stepDiagram } from '../mermaid/render-mermaid.js';
import { collectFacts, type Facts } from '../walkthrough/facts.js';
import { narrate } from '../walkthrough/narrative.js';
import { stepCalls } from '../walkthrough/step-calls.js';
import { decisionBlock } from './decision.js';
import { cell, code } from './escape.js';
import { worldSection } from './world.js';

export function renderMarkdown(model: TraceModel, events: readonly LoggedEvent[]): string {
  const writer = markdownWriter(collectFacts(events), model.summary);
  return [writer.head(model), ...model.items.map((item) => writer.item(item, model)), writer.end(model)].join('');
}

/**
 * The walkthrough in parts. Its first lines show the whole run (the summary; the world's table reads
 * the facts of the whole log): a long run gathers `facts` and `summary` in a first run (src/run-file.ts).
 */
export function markdownWriter(facts: Facts, summary: TraceSummary): TraceWriter {
  const lines = (out: readonly string[]): string => out.map((line) => `${line}\n`).join('');
  return {
    head(model) {
      const out: string[] = [`# ${model.title}`, ''];
      if (model.description) out.push(model.description.trim(), '');
      const sum = summary;
      out.push(
        `${code(model.file)} · clock ${model.clock} · region ${model.region} · ${sum.steps} steps, ${sum.expectations} expectations: ${sum.passed} passed, ${sum.failed} failed`,
        '',
      );
      out.push(...worldSection(model, facts));
      return lines(out);
    },
    item(item) {
      if (item.kind === 'wait') return lines([`> ⏱ **wait ${item.text}**: the clock moves from ${item.from} to ${item.to}.`, '']);
      if (item.kind === 'refused')
        return lines([
          `> ⛔ **refused before the engine**: ${item.method} ${item.path} (${item.service}) from ${item.from}: \`${item.code}\` ${item.message}`,
          '',
        ]);
      return lines(stepSection(item, facts));
    },
    end(model) {
      const sum = model.summary;
      return lines([
        '## Summary',
        '',
        `${sum.steps} steps, ${sum.expectations} expectations: ${sum.passed} passed, ${sum.failed} failed${sum.failed === 0 ? ' — all expectations held.' : '.'}`,
      ]);
    },
  };
}

function stepSection(step: TraceStep, facts: Facts): string[] {
  const out = [`## Step ${step.index} · ${step.title}`, ''];
  out.push(`*${step.at}${step.line === null ? '' : ` · scenario line ${step.line}`}*`, '');
  const story = narrate(step, facts, code);
  if (story.length > 0) out.push(story.join(' '), '');
  const diagram = stepDiagram(step, facts);
  if (diagram !== null) out.push('```mermaid', diagram.trimEnd(), '```', '');
  for (const call of stepCalls(step)) out.push(...decisionBlock(call));
  if (step.changes?.length) {
    out.push('**What changed in the world** (every later step sees it)', '');
    for (const change of step.changes) out.push(`- ${cell(change)}`);
    out.push('');
  }
  if (step.expectations.length > 0 || step.kept.length > 0 || (step.keptMessages?.length ?? 0) > 0) {
    out.push('**Expectations**', '');
    for (const e of step.expectations)
      out.push(
        e.passed
          ? `- ✅ ${code(e.text)}${e.question === true ? ` — answer: ${cell(e.actual)}` : ''}`
          : `- ❌ ${code(e.text)} — actual: ${cell(e.actual)}`,
      );
    for (const k of step.kept) {
      out.push(
        k.accessKeyId !== null
          ? `- 🔑 keep credentials as ${code(k.name)} = ${code(k.accessKeyId)}`
          : `- ❌ keep credentials as ${code(k.name)} — ${cell(k.reason ?? '')}`,
      );
    }
    for (const k of step.keptMessages ?? []) {
      out.push(
        k.message !== null
          ? `- 🔑 keep encoded-message as ${code(k.name)} = ${code(shortEncoded(k.message))}`
          : `- ❌ keep encoded-message as ${code(k.name)} — ${cell(k.reason ?? '')}`,
      );
    }
    out.push('');
  }
  return out;
}
