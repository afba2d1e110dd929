// The JSON trace of cli.md: one document per run, with stable field names.
import type { TraceModel, TraceStep } from './model.js';

export function traceJson(model: TraceModel): unknown {
  const steps = model.items.filter((i): i is TraceStep => i.kind === 'step');
  return {
    scenario: model.title,
    file: model.file,
    clock: model.clock,
    region: model.region,
    steps: steps.map((step) => {
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
    }),
    summary: model.summary,
  };
}

export function renderJson(model: TraceModel): string {
  return JSON.stringify(traceJson(model), null, 2) + '\n';
}
