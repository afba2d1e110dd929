// Given/when/then for deciders: build a world from commands, then decide one command against it.
import type { CallData, CallerRef, ParamValue } from '../../src/engine/call/command.js';
import type { AnyCommand, AnyEvent, EngineCommand } from '../../src/engine/events.js';
import { decide, run } from '../../src/engine/run.js';
import type { World } from '../../src/engine/world.js';

export const PROD = '111111111111';
export const DEV = '222222222222';

export function given(commands: AnyCommand[]): World {
  return run(commands.map((command) => ({ command, meta: {} }))).world;
}

export function when(world: World, command: EngineCommand): AnyEvent[] {
  return decide(command, world);
}

export const start = (clock = '2026-01-01T09:00:00Z'): AnyCommand => ({
  type: 'StartScenario',
  data: { title: 'test', description: null, file: 'test.iam', seed: 'test', clock, region: 'us-east-1' },
});

export const account = (id: string, name: string): AnyCommand => ({ type: 'CreateAccount', data: { id, name } });

export const user = (acct: string, name: string): AnyCommand => ({
  type: 'CreateUser',
  data: { arn: `arn:aws:iam::${acct}:user/${name}`, name, path: '/', account: acct },
});

export const role = (acct: string, name: string, trust: object, maxSessionDuration = 3600, path = '/'): AnyCommand => ({
  type: 'CreateRole',
  data: {
    arn: `arn:aws:iam::${acct}:role${path}${name}`,
    name,
    path,
    account: acct,
    maxSessionDuration,
    trust: trust as Record<string, unknown>,
    description: null,
  },
});

export const inline = (entity: string, name: string, statements: object[]): AnyCommand => ({
  type: 'PutInlinePolicy',
  data: { entity, name, document: { Version: '2012-10-17', Statement: statements } },
});

export const text = (v: string): ParamValue => ({ t: 'text', v });

export function call(caller: CallerRef, action: string, params: Record<string, string> = {}, resource: string | null = null): AnyCommand {
  const p: Record<string, ParamValue> = {};
  for (const [k, v] of Object.entries(params)) p[k] = text(v);
  const data: CallData = { caller, action, resource, params: p, context: {}, region: 'us-east-1' };
  return { type: 'Call', data };
}

export const trustAccount = (acct: string) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${acct}:root` }, Action: 'sts:AssumeRole' }],
});

export const userArn = (acct: string, name: string) => `arn:aws:iam::${acct}:user/${name}`;
export const roleArn = (acct: string, name: string) => `arn:aws:iam::${acct}:role/${name}`;

/** A bucket of the account: a bucket no account declares is another account's (resources/decide.ts). */
export const bucket = (acct: string, name: string): AnyCommand => ({
  type: 'CreateBucket',
  data: { name, arn: `arn:aws:s3:::${name}`, account: acct },
});
