// The scenario's evolve. It also watches every call outcome to remember the last call.
import type { Draft } from 'immer';
import type { CallRecord } from '../call-record.js';
import type { ScenarioEvent } from './events.js';
import type { ScenarioState } from './state.js';

export function evolveScenario(draft: Draft<ScenarioState>, event: ScenarioEvent): void {
  switch (event.type) {
    case 'ScenarioStarted':
      Object.assign(draft, {
        title: event.data.title,
        file: event.data.file,
        seed: event.data.seed,
        clock: event.data.clock,
        started: event.data.clock,
        region: event.data.region,
        detail: event.data.detail ?? true,
      });
      return;
    case 'ClockAdvanced':
      draft.clock = event.data.to;
      return;
    case 'StepStarted':
      draft.step = event.data.index;
      draft.lastCall = null;
      return;
    case 'CallNotMade':
      draft.lastCall = null;
      return;
    case 'ExpectationChecked':
    case 'RequestRefused':
      return;
    case 'CredentialsKept':
      draft.kept[event.data.name] = event.data.accessKeyId;
      return;
    case 'CredentialsNotKept':
      delete draft.kept[event.data.name];
      return;
    case 'EncodedMessageKept':
      draft.messages[event.data.name] = event.data.message;
      return;
    case 'EncodedMessageNotKept':
      delete draft.messages[event.data.name];
      return;
    default: {
      const unreachable: never = event;
      throw new Error(`bug: unknown scenario event ${JSON.stringify(unreachable)}`);
    }
  }
}

export function rememberCall(draft: Draft<ScenarioState>, call: CallRecord): void {
  const last = call.evaluations[call.evaluations.length - 1];
  draft.lastCall = {
    outcome: call.outcome,
    decision: call.decision,
    error: call.error,
    response: call.response as Draft<CallRecord['response']>,
    decidedBy: last?.evaluation.decidedBy ?? null,
  };
}
