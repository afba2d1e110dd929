// A pod's signed call as a workflow, given/when/then: the eks decider walks the SDK's chain, the
// workflow answers each stage with the commands that follow, and the engine's loop runs them.
import { describe, expect, it } from 'vitest';
import type { CallCommand } from '../../src/engine/call/command.js';
import { podCall } from '../../src/engine/eks/pod-call.js';
import type { AnyEvent } from '../../src/engine/events.js';
import { evolve } from '../../src/engine/run.js';
import type { World } from '../../src/engine/world.js';
import { account, bucket, given, inline, PROD, role, roleArn, start, when } from './given.js';
import { cluster, irsaTrust, pod, prepared, provider, serviceAccount } from './oidc-helpers.js';

const READER = roleArn(PROD, 'reader');

const irsaWorld = (): World =>
  given([
    start(),
    account(PROD, 'Production'),
    ...cluster(),
    provider(),
    bucket(PROD, 'b'),
    role(PROD, 'reader', irsaTrust()),
    inline(READER, 'Read', [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]),
    serviceAccount('reader', { 'eks.amazonaws.com/role-arn': READER }),
    pod('catalog', 'reader'),
  ]);

const getObject: CallCommand = {
  type: 'Call',
  data: {
    caller: { kind: 'pod', pod: 'Production/demo/shop/catalog' },
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::b/k',
    params: {},
    context: {},
    region: 'us-east-1',
  },
};

const after = (world: World, events: AnyEvent[]): World => events.reduce(evolve, world);

describe("a pod's signed call", () => {
  describe('given a pod whose service account names a role (IRSA)', () => {
    it('goes to its SDK first: the chain finds the web identity token file, and nothing is sent yet', async () => {
      const w = irsaWorld();
      const events = when(w, await prepared(getObject, w));
      expect(events.map((e) => e.type)).toEqual(['CredentialChainResolved']);
    });

    it('then the workflow sends AssumeRoleWithWebIdentity as a hop, and has the SDK keep what it returns', async () => {
      const w = irsaWorld();
      const step = await prepared(getObject, w);
      const [resolved] = when(w, step);
      const follow = podCall.react(resolved!, after(w, [resolved!]), step);
      expect(follow.map((f) => [f.command.type, f.hop])).toEqual([
        ['Call', true],
        ['ObtainPodCredentials', false],
      ]);
      const hop = follow[0]!.command as CallCommand;
      expect(hop.data).toMatchObject({
        action: 'sts:AssumeRoleWithWebIdentity',
        caller: { kind: 'pod', pod: 'Production/demo/shop/catalog' },
      });
      expect(hop.data.params['WebIdentityToken']).toMatchObject({ t: 'jwt' });
    });

    it('once the hop returned credentials, the SDK keeps them and the call goes out signed with them, without the tokens', async () => {
      const w = irsaWorld();
      const step = await prepared(getObject, w);
      const [resolved] = when(w, step);
      let world = after(w, [resolved!]);
      const [hop, obtain] = podCall.react(resolved!, world, step).map((f) => f.command);
      world = after(world, when(world, hop!));
      const obtained = when(world, obtain!);
      expect(obtained).toMatchObject([{ type: 'PodCredentialsObtained', data: { pod: 'Production/demo/shop/catalog' } }]);
      world = after(world, obtained);
      const [call] = podCall.react(obtained[0]!, world, step);
      expect(call).toEqual({
        command: { type: 'Call', data: { ...getObject.data, caller: { kind: 'pod', pod: 'Production/demo/shop/catalog' } } },
        hop: false,
      });
      expect(when(world, call!.command).map((e) => e.type)).toEqual(['RequestAllowed']);
    });
  });

  describe('given the last call returned no credentials', () => {
    it('the SDK keeps nothing, so the workflow sends nothing more', () => {
      const world = given([
        start(),
        account(PROD, 'Production'),
        { type: 'Call', data: { ...getObject.data, caller: { kind: 'anonymous' }, action: 'sts:GetCallerIdentity' } },
      ]);
      expect(when(world, { type: 'ObtainPodCredentials', data: { pod: 'Production/demo/shop/catalog' } })).toEqual([]);
    });
  });
});
