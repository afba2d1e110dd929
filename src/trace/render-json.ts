// The JSON trace of cli.md: one document per run, with stable field names, written as the run goes
// (jsonWriter: the opening, each step, the closing; the bytes of JSON.stringify(traceJson(model), null, 2)).
import type { TraceModel, TraceStep } from './model.js';
import { indentLines, type TraceWriter } from './stream.js';

export function traceJson(model: TraceModel): unknown {
  const steps = model.items.filter((i): i is TraceStep => i.kind === 'step');
  return { ...traceHeadJson(model), steps: steps.map(stepJson), summary: model.summary };
}

/** The fields before the steps. */
export function traceHeadJson(model: TraceModel): Record<string, unknown> {
  return { scenario: model.title, file: model.file, clock: model.clock, region: model.region };
}

/** One step of the JSON trace. */
export function stepJson(step: TraceStep): unknown {
  const call = step.call;
  const last = call?.evaluations[call.evaluations.length - 1] ?? null;
  return {
    index: step.index,
    title: step.title,
    at: step.at,
    principal: call?.caller.arn ?? null,
    action: call?.action ?? null,
    resource: call?.resource ?? null,
    outcome: call?.outcome ?? 'error',
    decision: call?.decision ?? null,
    error: call?.error ?? (step.notMade !== null ? { code: 'NotMade', message: step.notMade } : null),
    response: call?.response ?? null,
    evaluation: last === null ? null : { ...last.evaluation, statements: last.statements },
    caller: call?.caller ?? null,
    params: call?.params ?? null,
    context: call?.context ?? null,
    notes: call?.notes ?? [],
    expectations: step.expectations.map((e) => ({ text: e.text, passed: e.passed, actual: e.actual })),
    kept: step.kept,
    // `keep encoded-message as NAME`
    ...(step.keptMessages?.length ? { keptMessages: step.keptMessages } : {}),
    // what happened before the call (a pod's credential chain and the calls made for it)
    ...(step.hops?.length ? { hops: step.hops } : {}),
    // what a service did for the call after it (CloudFormation creating a stack's resources)
    ...(step.after?.length ? { after: step.after } : {}),
    // what the step's IAM call changed in the world
    ...(step.changes?.length ? { changes: step.changes } : {}),
  };
}

export function renderJson(model: TraceModel): string {
  const out: string[] = [];
  const writer = jsonWriter();
  out.push(writer.head(model));
  for (const item of model.items) out.push(writer.item(item, model));
  out.push(writer.end(model));
  return out.join('');
}

/** The JSON trace in parts, with JSON.stringify's indentation of two spaces: the steps at depth 2. */
export function jsonWriter(): TraceWriter {
  let steps = 0;
  return {
    head: (model) => `${JSON.stringify(traceHeadJson(model), null, 2).slice(0, -2)},\n  "steps": [`,
    item: (item) =>
      item.kind === 'step' ? `${steps++ === 0 ? '\n' : ',\n'}${indentLines(JSON.stringify(stepJson(item), null, 2), '    ')}` : '',
    end: (model) =>
      `${steps === 0 ? ']' : '\n  ]'},\n  "summary": ${indentLines(JSON.stringify(model.summary, null, 2), '  ', false)}\n}\n`,
  };
}
