// `--format cloudtrail`: the calls of a run as the CloudTrail log file AWS would deliver, one record
// per API call that reached AWS (two for a cross-account call, one per account) in a `Records` list,
// with CloudTrail's field names, order and shapes (CloudTrail User Guide, "record contents" and
// "userIdentity element"). IDs are derived from the scenario and step, so the output is the same on
// every run. The network facts AWS records and iamsim does not model take fixed values: the
// request's aws:SourceIp if the step gave one, else 203.0.113.10 (TEST-NET-3).
import { createHash } from 'node:crypto';
import { reachedAws, type CallRecord } from '../../engine/call-record.js';
import type { LoggedEvent } from '../../engine/events.js';
import { arnAccount } from '../../engine/resources/owner.js';
import type { TraceModel } from '../model.js';
import { indentLines, type TraceWriter } from '../stream.js';
import { collectFacts, type Facts } from '../walkthrough/facts.js';
import { stepCalls } from '../walkthrough/step-calls.js';
import { requestParameters, resources, responseElements } from './elements.js';
import { userIdentity } from './user-identity.js';

export const EVENT_VERSION = '1.08'; // the version whose fields cover everything written here
export const USER_AGENT = 'aws-cli/2.27.0 iamsim/0.1.0';
const DEFAULT_IP = '203.0.113.10';
/** A console sign-in (src/engine/saml/sign-in.ts), which CloudTrail logs as a sign-in event, not an API call. */
const CONSOLE_LOGIN = 'signin:ConsoleLogin';

export function renderCloudTrail(model: TraceModel, events: readonly LoggedEvent[]): string {
  const writer = cloudTrailWriter(collectFacts(events));
  return [writer.head(model), ...model.items.map((item) => writer.item(item, model)), writer.end(model)].join('');
}

/**
 * The log file in parts, with JSON.stringify's indentation of two spaces (the records at depth 2);
 * `facts` are the whole run's (a long run gathers them in a first run, src/run-file.ts).
 */
export function cloudTrailWriter(facts: Facts): TraceWriter {
  let records = 0;
  return {
    head: () => '{\n  "Records": [',
    item(item, model) {
      if (item.kind !== 'step') return '';
      const out: string[] = [];
      const calls = stepCalls(item);
      calls.forEach((call, i) => {
        if (!reachedAws(call)) return; // the SDK found no credentials and sent nothing
        if (call.action === CONSOLE_LOGIN && call.outcome === 'allowed' && call.response?.['ConsoleLogin'] === undefined) return; // the role selection page: no sign-in yet
        const seed = `${model.file}|${model.title}|${item.index}${i === calls.length - 1 ? '' : `|hop ${i + 1}`}`;
        for (const record of trailRecords(call, seed, facts))
          out.push(`${records++ === 0 ? '\n' : ',\n'}${indentLines(JSON.stringify(record, null, 2), '    ')}`);
      });
      return out.join('');
    },
    end: () => (records === 0 ? ']\n}\n' : '\n  ]\n}\n'),
  };
}

/**
 * The records of one call. A call that one account makes on another's resource and that succeeds is
 * delivered to both accounts (CloudTrail User Guide, "sharedEventID example"): two records of the
 * same request, each with its own eventID and recipientAccountId, joined by one sharedEventID. The
 * guide documents this for allowed calls; a refused cross-account call is written once, to the
 * caller's account.
 */
function trailRecords(call: CallRecord, seed: string, facts: Facts): Record<string, unknown>[] {
  if (call.action === CONSOLE_LOGIN) return [consoleSignIn(trailRecord(call, seed, facts), call)];
  const rec = trailRecord(call, seed, facts);
  const caller = call.caller.account;
  const owner = resourceAccount(call);
  if (call.error !== null || caller === null || owner === null || caller === owner) return [rec];
  const shared = uuid(`${seed}|shared`);
  const copy = (recipient: string, eventID: string): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(rec)) {
      if (k === 'eventCategory') out['sharedEventID'] = shared;
      out[k] = k === 'eventID' ? eventID : k === 'recipientAccountId' ? recipient : v;
    }
    return out;
  };
  return [copy(caller, rec['eventID'] as string), copy(owner, uuid(`${seed}|event|${owner}`))];
}

function trailRecord(call: CallRecord, seed: string, facts: Facts): Record<string, unknown> {
  const colon = call.action.indexOf(':');
  const service = call.action.slice(0, colon).toLowerCase();
  const name = eventName(call.action);
  const byService = call.caller.kind === 'service';
  // a request sent through a VPC endpoint is logged with its address in the VPC and the endpoint's
  // ID, last (AWS KMS Developer Guide "Logging AWS KMS requests that use a VPC endpoint")
  const vpce = call.context['aws:SourceVpce'];
  const vpcIp = call.context['aws:VpcSourceIp'];
  const ip = typeof vpce === 'string' && typeof vpcIp === 'string' ? vpcIp : call.context['aws:SourceIp'];
  // a request a service made for a principal: CloudTrail names the service as its source and in
  // userIdentity.invokedBy (CloudTrail User Guide "CloudTrail userIdentity element": "invokedBy – The
  // name of the AWS service that made the request"; "sourceIPAddress … If the request was made by an
  // AWS service, the DNS name of the service is displayed")
  const invoker = call.onBehalf?.services[call.onBehalf.services.length - 1];
  const identity = userIdentity(call.caller, facts, call);
  const rec: Record<string, unknown> = {
    eventVersion: EVENT_VERSION,
    userIdentity: invoker === undefined || byService ? identity : { ...identity, invokedBy: invoker },
    eventTime: call.at,
    eventSource: `${service}.amazonaws.com`,
    eventName: name,
    awsRegion: call.region,
    sourceIPAddress: byService ? call.caller.arn : (invoker ?? (typeof ip === 'string' ? ip : DEFAULT_IP)),
    userAgent: byService ? call.caller.arn : (invoker ?? USER_AGENT),
  };
  if (call.error !== null) {
    rec['errorCode'] = call.error.code;
    rec['errorMessage'] = call.error.message;
  }
  rec['requestParameters'] = requestParameters(call);
  rec['responseElements'] = responseElements(call);
  rec['requestID'] = uuid(`${seed}|request`);
  rec['eventID'] = uuid(`${seed}|event`);
  rec['readOnly'] = service === 'sts' || /^(Get|List|Describe|Head)/.test(name);
  const res = resources(call, facts);
  if (res !== undefined) rec['resources'] = res;
  rec['eventType'] = 'AwsApiCall';
  const data = isDataEvent(call.action);
  rec['managementEvent'] = !data;
  rec['recipientAccountId'] = call.caller.account ?? resourceAccount(call) ?? '';
  rec['eventCategory'] = data ? 'Data' : 'Management';
  if (typeof vpce === 'string') rec['vpcEndpointId'] = vpce;
  return rec;
}

/** CloudTrail names the API operation; a few IAM actions differ from it (s3:ListBucket is ListObjects). */
function eventName(action: string): string {
  const name = action.slice(action.indexOf(':') + 1);
  return action.toLowerCase() === 's3:listbucket' ? 'ListObjects' : name;
}

/** Object-level S3 operations and a few other per-item APIs are data events, not management events. */
function isDataEvent(action: string): boolean {
  const [service = '', name = ''] = action.toLowerCase().split(':');
  if (service === 's3') return name.includes('object') || name === 'listbucket' || name.includes('multipart');
  if (service === 'dynamodb') return /item$|^query$|^scan$/.test(name);
  if (service === 'lambda') return name === 'invokefunction' || name === 'invoke';
  return (service === 'sqs' && /message/.test(name)) || (service === 'sns' && name === 'publish');
}

/** The account that owns what the call is on: from the request context, else from the ARN the call names. */
function resourceAccount(call: CallRecord): string | null {
  const v = call.context['aws:ResourceAccount'];
  if (typeof v === 'string') return v;
  return call.resource === null ? null : arnAccount(call.resource);
}

/** A UUID-shaped id derived from the text (version 5 layout, SHA-256 based: stable across runs). */
function uuid(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * A console sign-in as CloudTrail logs it (CloudTrail User Guide "AWS Management Console sign-in
 * events": eventType AwsConsoleSignIn, responseElements {"ConsoleLogin": "Success" | "Failure"}, no
 * request parameters or resources; a federated user's sign-in is the role session's, userIdentity
 * AssumedRole). The role selection page is no sign-in yet: it has no record.
 */
function consoleSignIn(rec: Record<string, unknown>, call: CallRecord): Record<string, unknown> {
  const user = call.response?.['AssumedRoleUser'] as { AssumedRoleId?: string; Arn?: string } | undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rec)) {
    if (k === 'userIdentity' && user?.Arn !== undefined)
      out[k] = { type: 'AssumedRole', principalId: user.AssumedRoleId ?? '', arn: user.Arn, accountId: arnAccount(user.Arn) ?? '' };
    else if (k === 'requestParameters') out[k] = null;
    else if (k === 'responseElements') out[k] = { ConsoleLogin: call.outcome === 'allowed' ? 'Success' : 'Failure' };
    else if (k === 'eventType') out[k] = 'AwsConsoleSignIn';
    else if (k === 'readOnly') out[k] = false;
    else if (k === 'resources')
      continue; // a sign-in event names no resources
    else out[k] = v;
  }
  return out;
}
