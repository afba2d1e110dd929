// sts:DecodeAuthorizationMessage (AWS STS API Reference "DecodeAuthorizationMessage"): the caller
// needs sts:DecodeAuthorizationMessage in an identity-based policy (the action has no resource type,
// so it is authorized on `*`); EncodedMessage is 1 to 10,240 characters; a message that is not valid
// is InvalidAuthorizationMessageException. The answer, DecodedMessage, is the JSON text the denial
// encoded (call/authorization-message.ts).
import type { CallData } from '../call/command.js';
import { decodeAuthorizationMessage } from '../call/authorization-message.js';
import { textParam } from '../call/params.js';
import { checkLength, checkRequired, validationMessage, type Constraint } from '../call/validation.js';
import type { World } from '../world.js';
import { startStsCall } from './call-kit.js';
import type { StsEvent } from './events.js';
import { authorizeStsOnAll } from './identity.js';

const ACTION = 'sts:DecodeAuthorizationMessage';

export function decodeAuthorizationMessageCall(data: CallData, world: World): StsEvent[] {
  const call = startStsCall(data, world);
  const encoded = textParam(call.params, 'EncodedMessage');
  const v: Constraint[] = [];
  checkRequired('encodedMessage', encoded, v);
  checkLength('encodedMessage', encoded, 1, 10240, v);
  if (v.length > 0) return call.failed('ValidationError', validationMessage(v));
  const authorized = authorizeStsOnAll(call, data, world, ACTION);
  if ('refused' in authorized) return authorized.refused;
  const { context, evaluation, decision } = authorized;
  const decoded = decodeAuthorizationMessage(world.scenario.seed, encoded!);
  if (decoded === null) {
    const note =
      'the message does not decode: AWS did not issue it in this world, or it was changed or cut short (an authenticated ' +
      'decryption fails); AWS does not document the text of this error';
    return call.failed('InvalidAuthorizationMessageException', 'The encoded authorization message is invalid.', [note], {
      context,
      evaluations: [evaluation],
      decision,
    });
  }
  const notes = [decodedSummary(decoded)];
  const record = call.record({ context, evaluations: [evaluation], response: { DecodedMessage: decoded }, notes });
  return [{ type: 'AuthorizationMessageDecoded', data: { call: record } }];
}

/** What the decoded message says, in a line for the trace. */
function decodedSummary(json: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    parsed = null;
  }
  if (typeof parsed !== 'object' || parsed === null) return 'the message decodes to a text that is no JSON object';
  const d = parsed as {
    explicitDeny?: boolean;
    matchedStatements?: { items?: { statementId?: string; conditions?: { items?: { key?: string }[] } }[] };
    context?: {
      principal?: { arn?: string };
      action?: string;
      resource?: string;
      conditions?: { items?: { key?: string; values?: { items?: { value?: string }[] } }[] };
    };
  };
  const c = d.context ?? {};
  const refused = `${c.principal?.arn ?? 'the caller'} was refused ${c.action ?? 'the action'} on ${c.resource ?? '*'}`;
  if (!d.explicitDeny) return `the message says: ${refused}, an implicit deny (no statement matched)`;
  const statements = d.matchedStatements?.items ?? [];
  const named = statements.map((s) => (s.statementId ? `statement ${s.statementId}` : 'a statement without Sid')).join(', ');
  // the request's values of the keys the matched statements test
  const keys = new Set(statements.flatMap((s) => (s.conditions?.items ?? []).map((k) => k.key ?? '')));
  const values = (c.conditions?.items ?? [])
    .filter((k) => keys.has(k.key ?? ''))
    .map((k) => `${k.key} ${(k.values?.items ?? []).map((v) => v.value).join(', ')}`);
  return `the message says: ${refused}, an explicit deny by ${named || 'a statement'}${values.length ? `; the request's ${values.join('; ')}` : ''}`;
}
