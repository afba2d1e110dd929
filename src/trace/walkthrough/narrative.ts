// A step told in plain sentences, generated from its call record: who calls, what they ask for, the
// rule that applies across or within an account, what AWS decided and why, what came back. Nothing
// is written per scenario; every kind of caller and outcome has its wording here.
import { shortEncoded, shortenEncodedIn } from '../encoded-message.js';
import type { CallRecord } from '../../engine/call-record.js';
import type { TraceStep } from '../model.js';
import type { Facts } from './facts.js';
import { callerPhrase, resourcePhrase } from './phrases.js';
import { stepCalls } from './step-calls.js';

/** How inline code is shown: backticks in Markdown, as is in a terminal. */
export type Code = (text: string) => string;

export function narrate(step: TraceStep, facts: Facts, code: Code): string[] {
  const out: string[] = [];
  const calls = stepCalls(step);
  calls.forEach((call, i) => {
    const first = i === 0 && calls.length > 1 ? 'First, ' : i > 0 ? 'Then ' : '';
    const by = call.onBehalf?.services.join(' then ');
    const who =
      by === undefined
        ? callerPhrase(call.caller, facts, code)
        : call.onBehalf?.credentials === 'caller'
          ? `${code(by)}, for the step's request and with the credentials of ${callerPhrase(call.caller, facts, code).replace(/,$/, '')},`
          : `${code(by)}, for the step's request, as ${callerPhrase(call.caller, facts, code).replace(/,$/, '')},`;
    out.push(sentence(`${first}${who} ${requestPhrase(call, facts, code)}`));
    const scope = scopeSentence(call, facts);
    if (scope !== null) out.push(scope);
    const endpoint = endpointSentence(call, code);
    if (endpoint !== null) out.push(endpoint);
    out.push(...outcomeSentences(call, code));
  });
  if (step.notMade !== null) out.push(sentence(`The call is not made: ${step.notMade}`));
  if (step.changes?.length) {
    // the service of the step's call carries it out: IAM for its own calls, ECS for RunTask …
    const service = step.call === null ? 'IAM' : serviceOf(step.call.action).toUpperCase();
    out.push(sentence(`${service} carries it out, and the world changes for every later step: ${step.changes.join('; ')}`));
  }
  for (const k of step.kept) {
    out.push(
      k.accessKeyId !== null
        ? `The scenario keeps these credentials as ${code(k.name)} (${code(k.accessKeyId)}) for later steps.`
        : sentence(`There are no credentials to keep as ${code(k.name)}: ${k.reason ?? 'the call returned none'}`),
    );
  }
  for (const k of step.keptMessages ?? []) {
    out.push(
      k.message !== null
        ? `The scenario keeps the encoded authorization failure message as ${code(k.name)} (${code(shortEncoded(k.message))}) for a later step to decode.`
        : sentence(`There is no encoded message to keep as ${code(k.name)}: ${k.reason ?? 'the call returned none'}`),
    );
  }
  return out;
}

function requestPhrase(call: CallRecord, facts: Facts, code: Code): string {
  const p = call.params;
  const text = (k: string) => (typeof p[k] === 'string' ? (p[k] as string) : null);
  switch (call.action.toLowerCase()) {
    case 'sts:assumerole': {
      const role = text('RoleArn') ?? call.resource ?? '';
      const name = text('RoleSessionName');
      return `asks STS for a session of ${resourcePhrase(role, facts, code)}${name ? ` named ${code(name)}` : ''} (${code(call.action)})`;
    }
    case 'sts:assumerolewithwebidentity':
      return `exchanges a web identity token for a session of ${resourcePhrase(text('RoleArn') ?? call.resource ?? '', facts, code)} (${code(call.action)})`;
    case 'sts:getsessiontoken': {
      const serial = text('SerialNumber');
      return `asks STS for temporary credentials of its own${serial ? `, proving MFA with ${code(serial)}` : ''} (${code(call.action)})`;
    }
    case 'sts:getfederationtoken':
      return `asks STS for federated-user credentials named ${code(text('Name') ?? '?')} (${code(call.action)})`;
    case 'sts:getcalleridentity':
      return `asks STS who it is (${code(call.action)})`;
    case 'sts:getaccesskeyinfo':
      return `asks STS which account owns the access key ${code(text('AccessKeyId') ?? '?')} (${code(call.action)})`;
    default:
      return `calls ${code(call.action)} on ${call.resource === null ? 'no particular resource' : resourcePhrase(call.resource, facts, code)}`;
  }
}

function scopeSentence(call: CallRecord, facts: Facts): string | null {
  const last = ownEvaluation(call);
  if (last === undefined || last.evaluation.policies.length === 0) return null;
  if (call.caller.credentials === 'none' || call.caller.kind === 'service') {
    const unsigned = call.caller.kind === 'service' ? 'An AWS service' : 'An unsigned request';
    return `${unsigned} has no identity-based policies: only the ${last.evaluation.policies.some((v) => v.type === 'trust') ? "role's trust policy" : 'resource-based policy'} can allow it.`;
  }
  const trust = last.evaluation.policies.some((v) => v.type === 'trust');
  if (call.resource !== null && facts.entities.get(call.resource)?.kind === 'key') {
    // AWS KMS Developer Guide "Key policies in AWS KMS": IAM policies grant only where the key policy lets them
    return last.evaluation.sameAccount
      ? 'Caller and key are in the same account, but a key policy is not an ordinary resource-based policy: it must allow the caller itself, or allow the account, and then an identity-based policy must allow as well.'
      : "The key is in another account, so both sides must allow: the caller's identity-based policies and the key policy.";
  }
  const has = trust || last.evaluation.policies.some((v) => v.type === 'resource');
  const resource = trust
    ? "the role's trust policy"
    : has
      ? "the resource's own policy"
      : declaresPolicy(call.resource, facts)
        ? 'a resource-based policy (its own is set aside for this call: see the note)'
        : 'a resource-based policy (this resource has none)';
  if (!last.evaluation.sameAccount) {
    return `The resource is in another account, so both sides must allow: the caller's identity-based policies and ${resource}.`;
  }
  // a trust policy must allow in the same account too (IAM User Guide "Policy evaluation logic")
  return trust
    ? "Caller and role are in the same account, but the role's trust policy must allow all the same: when it names the caller itself, that is enough; when it names the account, the caller's identity-based policies must allow as well."
    : `Caller and resource are in the same account, so one Allow is enough: from the caller's identity-based policies or from ${resource}.`;
}

/**
 * A request sent through a VPC endpoint is also filtered by the endpoint's policy, which never
 * grants (AWS PrivateLink Guide "Control access to VPC endpoints using endpoint policies").
 */
function endpointSentence(call: CallRecord, code: Code): string | null {
  const last = call.evaluations[call.evaluations.length - 1];
  const v = last?.evaluation.policies.find((p) => p.type === 'vpc-endpoint');
  if (v === undefined) return null;
  return `It is sent through VPC endpoint ${code(v.name)}, whose endpoint policy must allow it as well: an endpoint policy filters requests, it grants nothing.`;
}

/**
 * Whether the world declared a resource-based policy for the call's resource, although the
 * evaluation consulted none: S3's lock-out protection sets a bucket policy aside (engine/resources).
 */
function declaresPolicy(resource: string | null, facts: Facts): boolean {
  if (resource === null) return false;
  const entity = facts.entities.get(resource);
  if (entity === undefined) return false;
  const owner = `${entity.kind} ${entity.name}`;
  return facts.policies.some((p) => p.owner === owner && (p.name === 'bucket policy' || p.name === 'resource policy'));
}

/** The service of an action (`s3` of `s3:PutObject`), lower case. */
function serviceOf(action: string): string {
  return action.slice(0, action.indexOf(':')).toLowerCase();
}

/** The last evaluation of the call's own service: not one of a request a service made on the caller's behalf. */
function ownEvaluation(call: CallRecord): CallRecord['evaluations'][number] | undefined {
  const own = call.evaluations.filter((e) => serviceOf(e.action) === serviceOf(call.action));
  return own[own.length - 1];
}

/**
 * The requests the called service made to another with the caller's credentials (S3 asking KMS for
 * a data key, engine/resources/kms.ts), and the permissions it checked (iam:PassRole): each told
 * after the call's own decision.
 */
function onBehalfSentences(call: CallRecord, code: Code): string[] {
  const service = serviceOf(call.action).toUpperCase();
  return call.evaluations
    .filter((e) => serviceOf(e.action) !== serviceOf(call.action))
    .map((e) => {
      const d = e.evaluation;
      const other = serviceOf(e.action).toUpperCase();
      const verdict =
        d.decision === 'Allow'
          ? `${other} allows it: ${d.reason}`
          : `${other} refuses it with ${d.decision === 'ExplicitDeny' ? 'an explicit deny' : 'an implicit deny'}: ${d.reason}, so the call fails with ${code(call.error?.code ?? '')}`;
      // iam:PassRole is a permission only: the service checks that the caller may hand it the role (services/pass-role.ts)
      const asked =
        e.action.toLowerCase() === 'iam:passrole'
          ? `${service} is handed a role, so it checks that the caller may pass it, ${code(e.action)} on ${code(e.resource)}`
          : `${service} then calls ${other} with the caller's credentials, ${code(e.action)} on ${code(e.resource)}`;
      return sentence(`${asked}, and ${verdict}`);
    });
}

function outcomeSentences(call: CallRecord, code: Code): string[] {
  const behalf = onBehalfSentences(call, code);
  if (behalf.length === 0) return ownOutcomeSentences(call, code);
  const own = ownEvaluation(call)?.evaluation.reason ?? null;
  return [sentence(`${serviceOf(call.action).toUpperCase()} allows it${own === null ? '' : `: ${own}`}`), ...behalf];
}

function ownOutcomeSentences(call: CallRecord, code: Code): string[] {
  const last = call.evaluations[call.evaluations.length - 1];
  const reason = last?.evaluation.reason ?? null;
  switch (call.outcome) {
    case 'allowed': {
      const out = [sentence(reason === null ? 'AWS allows it without consulting any policy' : `AWS allows it: ${reason}`)];
      const answer = responseSentence(call, code);
      if (answer !== null) out.push(answer);
      return out;
    }
    case 'denied': {
      const kind = call.decision === 'ExplicitDeny' ? 'an explicit deny' : 'an implicit deny';
      return [sentence(`AWS refuses it with ${kind}${reason ? `: ${reason}` : ''}`)];
    }
    case 'error': {
      const error = call.error ?? { code: 'Error', message: '' };
      if (last !== undefined && last.evaluation.decision === 'Allow') {
        return [sentence(`The request is authorized, but fails with ${code(error.code)}: ${shortenEncodedIn(error.message)}`)];
      }
      return [
        sentence(
          `It fails with ${code(error.code)} before any policy is consulted${call.notes[0] ? `: ${call.notes[0]}` : `: ${error.message}`}`,
        ),
      ];
    }
  }
}

function responseSentence(call: CallRecord, code: Code): string | null {
  const r = call.response;
  if (r === null) return null;
  const creds = r['Credentials'] as Record<string, unknown> | undefined;
  if (creds !== undefined) {
    const who = (r['AssumedRoleUser'] ?? r['FederatedUser']) as Record<string, unknown> | undefined;
    const arn = typeof who?.['Arn'] === 'string' ? `, for ${code(who['Arn'])}` : '';
    // a console sign-in's answer (saml/sign-in.ts): the console opens with the session it got
    const returns = call.action === 'signin:ConsoleLogin' ? 'The console opens with' : 'STS returns';
    return `${returns} temporary credentials ${code(String(creds['AccessKeyId']))}${arn}, valid until ${String(creds['Expiration'])}.`;
  }
  if (typeof r['DecodedMessage'] === 'string') {
    // the decoded JSON is long; the call's note says what it means, the JSON trace has it whole
    return `STS returns the decoded message, a JSON text of ${r['DecodedMessage'].length} characters (the note below says what it tells).`;
  }
  const fields = Object.entries(r).filter(([, v]) => typeof v === 'string' || typeof v === 'number');
  if (fields.length === 0) return null;
  return `The answer: ${fields.map(([k, v]) => `${k} ${code(String(v))}`).join(', ')}.`;
}

function sentence(text: string): string {
  const t = text.trim();
  const capital = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
