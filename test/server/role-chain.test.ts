// A role chain through `simulate serve` with the SDK's own provider, fromTemporaryCredentials of
// @aws-sdk/credential-providers: alice's profile assumes role A, whose session assumes role B, and B
// asks STS who it is. Role chaining (IAM User Guide, "Roles terms and concepts": role chaining
// "limits your AWS CLI or AWS API role session to a maximum of one hour"; STS API Reference,
// AssumeRole, DurationSeconds: "If you use role chaining and specify a DurationSeconds value greater
// than one hour, the operation fails"); transitive session tags and the source identity pass on
// along the chain (IAM User Guide, "Pass session tags in AWS STS", "Chaining roles with session
// tags"; "Monitor and control actions taken with assumed roles": the source identity "persists
// across chained role sessions").
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromIni, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { describe, expect, it } from 'vitest';
import type { RoleSession } from '../../src/engine/sts/state.js';
import { BOUNDED, closedAfterEach, serveText } from './harness.js';

const WORLD = `scenario "A role chain"
clock 2026-01-01T09:00:00Z

account Development 222222222222 {
  user alice {
    inline AssumeA { allow action sts:AssumeRole, sts:TagSession, sts:SetSourceIdentity resource role Development/A }
  }
  role A {
    max-session-duration 12h
    trust { allow principal user Development/alice action sts:AssumeRole, sts:TagSession, sts:SetSourceIdentity }
    inline Next { allow action sts:AssumeRole, sts:TagSession, sts:SetSourceIdentity resource role Development/B }
  }
  role B {
    max-session-duration 12h
    trust { allow principal role Development/A action sts:AssumeRole, sts:TagSession, sts:SetSourceIdentity }
  }
  role C {
    trust { allow principal account Development action sts:AssumeRole }
  }
}
`;

/** a credentials provider (fromIni's and fromTemporaryCredentials' are both) */
type AwsCredentialIdentityProvider = ReturnType<typeof fromIni>;

const ROLE = (name: string) => `arn:aws:iam::222222222222:role/${name}`;
const closed = closedAfterEach();

async function serve() {
  const { server, profile } = await serveText(WORLD, 'chain.iam', closed);
  const clientConfig = { ...BOUNDED, region: 'us-east-1', endpoint: server.url };
  const alice = profile('Development/alice');
  /** a session of role `name`, assumed with `master` by the SDK's provider */
  const assume = (master: AwsCredentialIdentityProvider, name: string, params: Record<string, unknown> = {}) =>
    fromTemporaryCredentials({
      masterCredentials: master,
      clientConfig,
      params: { RoleArn: ROLE(name), RoleSessionName: `to-${name}`, ...params },
    });
  const whoAmI = (credentials: AwsCredentialIdentityProvider) =>
    new STSClient({ ...clientConfig, credentials }).send(new GetCallerIdentityCommand({}));
  /** the sessions of role `name` the engine issued */
  const sessions = (name: string) =>
    Object.values(server.world().sts.sessions).filter((x): x is RoleSession => x.kind === 'role-session' && x.roleArn === ROLE(name));
  return { server, alice, assume, whoAmI, sessions };
}

describe('simulate serve: a role chain through fromTemporaryCredentials', () => {
  it("given alice's profile, when it assumes A with a transitive tag and a source identity and A assumes B, then B answers GetCallerIdentity, chained, capped at an hour, with what A passed on", async () => {
    const { alice, assume, whoAmI, sessions } = await serve();
    const a = assume(alice, 'A', {
      DurationSeconds: 7200, // A is assumed with alice's long-term key: no chaining, its MaxSessionDuration allows it
      Tags: [{ Key: 'team', Value: 'red' }],
      TransitiveTagKeys: ['team'],
      SourceIdentity: 'alice',
    });
    const b = assume(a, 'B');
    const me = await whoAmI(b);
    expect(me).toMatchObject({ Account: '222222222222', Arn: 'arn:aws:sts::222222222222:assumed-role/B/to-B' });

    const [first] = sessions('A');
    expect(first).toMatchObject({ chained: false, sourceIdentity: 'alice', tags: { team: 'red' } });
    const [chained] = sessions('B');
    // B's session is chained, and carries what A's passed on: the transitive tag and the source identity
    expect(chained).toMatchObject({ chained: true, sourceIdentity: 'alice', tags: { team: 'red' }, transitiveTagKeys: ['team'] });
    // the SDK's default duration is an hour, the most a chained session may last; A's lasts the two hours asked
    const left = (x: RoleSession) => Date.parse(x.expiration) - Date.now();
    expect(Math.abs(left(chained!) - 3600_000)).toBeLessThan(10_000);
    expect(Math.abs(left(first!) - 7200_000)).toBeLessThan(10_000);
  });

  it('given B asked for two hours through A, then STS refuses: the 1 hour limit of role chaining (ValidationError)', async () => {
    const { alice, assume, whoAmI } = await serve();
    const b = assume(assume(alice, 'A'), 'B', { DurationSeconds: 7200 });
    await expect(whoAmI(b)).rejects.toMatchObject({
      name: 'ValidationError',
      message: 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it("given a link A's policies do not allow (A to C), then the SDK's provider fails with STS's AccessDenied, and no session of C exists", async () => {
    const { alice, assume, whoAmI, server } = await serve();
    const c = assume(assume(alice, 'A'), 'C');
    const error = await whoAmI(c).catch((e: unknown) => e);
    // the provider's STS client is the SDK's nested STS client: its own ServiceException subclass, named by AWS's code
    expect(error).toMatchObject({ name: 'AccessDenied', $fault: 'client', $metadata: { httpStatusCode: 403 } });
    // STS models no AccessDenied shape: the error is the client's STSServiceException itself, named by the code
    expect(Object.getPrototypeOf(error).constructor.name).toBe('STSServiceException');
    expect((error as Error).message).toContain(
      'assumed-role/A/to-A is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/C',
    );
    expect(Object.values(server.world().sts.sessions).some((s) => s.kind === 'role-session' && s.roleArn === ROLE('C'))).toBe(false);
  });
});
