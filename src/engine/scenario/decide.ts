// The scenario's decide.
import type { CallCommand } from '../call/command.js';
import { notMadeReason } from '../call/stage.js';
import type { World } from '../world.js';
import { isoSeconds } from './state.js';
import type { ScenarioCommand } from './commands.js';
import type { ScenarioEvent } from './events.js';
import { checkExpectation } from './expect.js';
import { answerQuestion, isQuestion } from './question.js';
import { encodedMessageOf } from '../call/authorization-message.js';

export function decideScenario(command: ScenarioCommand | CallCommand, world: World): ScenarioEvent[] {
  switch (command.type) {
    case 'StartScenario':
      return [{ type: 'ScenarioStarted', data: { ...command.data, detail: command.data.detail ?? true } }];
    case 'AdvanceClock': {
      const from = world.scenario.clock;
      const to = isoSeconds(Date.parse(from) + command.data.seconds * 1000);
      return [{ type: 'ClockAdvanced', data: { from, to, text: command.data.text } }];
    }
    case 'StartStep':
      return [{ type: 'StepStarted', data: { index: command.data.index, title: command.data.title, at: world.scenario.clock } }];
    case 'CheckExpectation': {
      const spec = command.data.spec;
      const verdict = isQuestion(spec) ? answerQuestion(spec, world) : checkExpectation(spec, world.scenario.lastCall);
      return [{ type: 'ExpectationChecked', data: { ...command.data, ...verdict } }];
    }
    case 'KeepCredentials': {
      const call = world.scenario.lastCall;
      // temporary credentials (STS, or the access portal's roleCredentials) or a new access key (iam:CreateAccessKey)
      const creds = (call?.response?.Credentials ?? call?.response?.AccessKey) as { AccessKeyId?: unknown } | undefined;
      const portal = call?.response?.roleCredentials as { accessKeyId?: unknown } | undefined;
      const keyId = creds?.AccessKeyId ?? portal?.accessKeyId;
      if (typeof keyId === 'string') {
        return [{ type: 'CredentialsKept', data: { name: command.data.name, accessKeyId: keyId } }];
      }
      const reason = call === null ? 'the call was not made' : `the call returned no credentials (${call.outcome})`;
      return [{ type: 'CredentialsNotKept', data: { name: command.data.name, reason } }];
    }
    case 'KeepEncodedMessage': {
      const call = world.scenario.lastCall;
      const message = call?.error ? encodedMessageOf(call.error.message) : null;
      if (message !== null) return [{ type: 'EncodedMessageKept', data: { name: command.data.name, message } }];
      const reason =
        call === null
          ? 'the call was not made'
          : call.error === null
            ? 'the call succeeded: only a denial carries an encoded authorization failure message'
            : `its error (${call.error.code}) carries no encoded authorization failure message: only EC2's denials do, but for its Describe* actions`;
      return [{ type: 'EncodedMessageNotKept', data: { name: command.data.name, reason } }];
    }
    case 'RefuseRequest':
      return [{ type: 'RequestRefused', data: { ...command.data, at: world.scenario.clock } }];
    case 'Call': {
      // a call the step cannot make: the scenario records why, and nothing is sent
      const reason = notMadeReason(command, world);
      if (reason === null) throw new Error(`bug: the scenario was handed ${command.data.action}, which can be made`);
      return [{ type: 'CallNotMade', data: { action: command.data.action, reason } }];
    }
    default: {
      const unreachable: never = command;
      throw new Error(`bug: unknown scenario command ${JSON.stringify(unreachable)}`);
    }
  }
}
