// Builders for the STS tests: worlds with users, roles, MFA devices and tags; calls whose parameters
// may be lists and JSON; and a way to run a few commands and keep the credentials they return.
import { expect } from 'vitest';
import type { CallData, CallerRef, ParamValue } from '../../src/engine/call/command.js';
import type { CallRecord } from '../../src/engine/call-record.js';
import type { AnyCommand, AnyEvent } from '../../src/engine/events.js';
import { decide, evolve } from '../../src/engine/run.js';
import type { World } from '../../src/engine/world.js';
import { account, given, inline, PROD, start, user, userArn } from './given.js';

export { account, DEV, given, inline, PROD, role, roleArn, start, trustAccount, user, userArn, when } from './given.js';

export type Param = string | string[] | { readonly json: unknown } | { readonly credentials: string };

function param(v: Param): ParamValue {
  if (typeof v === 'string') return { t: 'text', v };
  if (Array.isArray(v)) return { t: 'list', items: v.map((x) => ({ t: 'text', v: x })) };
  if ('json' in v) return { t: 'json', v: v.json };
  return { t: 'credentials', name: v.credentials };
}

export function sts(caller: CallerRef, action: string, params: Record<string, Param> = {}, context: CallData['context'] = {}): AnyCommand {
  const p: Record<string, ParamValue> = {};
  for (const [k, v] of Object.entries(params)) p[k] = param(v);
  return {
    type: 'Call',
    data: { caller, action: action.includes(':') ? action : `sts:${action}`, resource: null, params: p, context, region: 'us-east-1' },
  };
}

export function s3(caller: CallerRef, action: string, resource: string): AnyCommand {
  return { type: 'Call', data: { caller, action, resource, params: {}, context: {}, region: 'us-east-1' } };
}

export const asUser = (acct: string, name: string): CallerRef => ({ kind: 'user', arn: `arn:aws:iam::${acct}:user/${name}` });
export const asKept = (name: string): CallerRef => ({ kind: 'kept', name });
export const asRoot = (acct: string): CallerRef => ({ kind: 'root', account: acct });

export const mfaDevice = (acct: string, userName: string, device: string, code: string | null): AnyCommand => ({
  type: 'EnableMfaDevice',
  data: { user: `arn:aws:iam::${acct}:user/${userName}`, serialNumber: `arn:aws:iam::${acct}:mfa/${device}`, code },
});

export const tagged = (entity: string, tags: Record<string, string>): AnyCommand => ({ type: 'TagEntity', data: { entity, tags } });

export const managedPolicy = (acct: string, name: string, statements: object[]): AnyCommand => ({
  type: 'CreatePolicy',
  data: {
    arn: `arn:aws:iam::${acct}:policy/${name}`,
    name,
    path: '/',
    account: acct,
    document: { Version: '2012-10-17', Statement: statements },
  },
});

export const bucketWithPolicy = (acct: string, name: string, statements: object[]): AnyCommand[] => [
  { type: 'CreateBucket', data: { arn: `arn:aws:s3:::${name}`, name, account: acct } },
  { type: 'PutResourcePolicy', data: { arn: `arn:aws:s3:::${name}`, document: { Version: '2012-10-17', Statement: statements } } },
];

export const trustWith = (statements: object[]) => ({ Version: '2012-10-17', Statement: statements });

export const rootArn = (acct: string) => `arn:aws:iam::${acct}:root`;

/** Every STS test starts at the same moment in the Production account; `commands` add the rest. */
export const production = (...commands: AnyCommand[]): World => given([start(), account(PROD, 'Production'), ...commands]);

/** A user with the one inline policy that lets it call STS. */
export const userWith = (acct: string, name: string, policy: string, statements: object[]): AnyCommand[] => [
  user(acct, name),
  inline(userArn(acct, name), policy, statements),
];

/** AssumeRole by one caller of one role under one session name: a test passes only the parameters it is about. */
export const assumeRoleAs =
  (caller: CallerRef, roleArn: string, sessionName: string) =>
  (params: Record<string, Param> = {}): AnyCommand =>
    sts(caller, 'AssumeRole', { RoleArn: roleArn, RoleSessionName: sessionName, ...params });

export const wait = (seconds: number): AnyCommand => ({ type: 'AdvanceClock', data: { seconds, text: `${seconds}s` } });

/** Run commands against a world; returns the new world and the events of the last command. */
export function run(world: World, ...commands: AnyCommand[]): { world: World; events: AnyEvent[] } {
  let events: AnyEvent[] = [];
  for (const command of commands) {
    events = decide(command, world);
    for (const e of events) world = evolve(world, e);
  }
  return { world, events };
}

/** Make a call that must issue credentials, and keep them under `name`. */
export function keep(world: World, command: AnyCommand, name: string): World {
  const made = run(world, command);
  const record = callOf(made.events);
  expect(record.error, JSON.stringify(record.error)).toBeNull();
  return run(made.world, { type: 'KeepCredentials', data: { name } }).world;
}

/** The call record, which comes first: an IAM call IAM carries out is followed by what it changed. */
export function callOf(events: AnyEvent[]): CallRecord {
  expect(events.filter((e) => 'call' in e.data)).toHaveLength(1);
  const data = events[0]!.data as { call?: CallRecord };
  if (!data.call) throw new Error(`no call record in ${events[0]!.type}`);
  return data.call;
}

/** The one call record the command produces. */
export function outcome(world: World, command: AnyCommand): CallRecord {
  return callOf(decide(command, world));
}

export function eventType(world: World, command: AnyCommand): string {
  const events = decide(command, world);
  expect(events).toHaveLength(1);
  return events[0]!.type;
}

/** A field of the response by its dotted path (`Credentials.Expiration`), as `expect response` reads it. */
export function field(c: CallRecord, path: string): unknown {
  let node: unknown = c.response;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}
