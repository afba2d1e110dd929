// `simulate serve` and encoded authorization failure messages, with the real AWS SDK for JavaScript
// v3: EC2's denial (Amazon EC2 query protocol, `<Response><Errors>`, UnauthorizedOperation 403:
// https://smithy.io/2.0/aws/protocols/aws-ec2-query-protocol.html) carries the engine's encoded
// message ("Encoded authorization failure message: …", AWS Knowledge Center ec2-not-auth-launch),
// and STS's DecodeAuthorizationMessage (AWS STS API Reference, DecodeAuthorizationMessage) answers
// DecodedMessage to a caller allowed sts:DecodeAuthorizationMessage, AccessDenied to one who is not,
// and InvalidAuthorizationMessageException for a message iamsim did not issue.
import { EC2Client, EC2ServiceException, RunInstancesCommand } from '@aws-sdk/client-ec2';
import {
  DecodeAuthorizationMessageCommand,
  InvalidAuthorizationMessageException,
  STSClient,
  STSServiceException,
} from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { BOUNDED, closedAfterEach, findAwsCliV2, runCommand } from './harness.js';
import { serveWorld } from './other-world.js';

const WORLD = `scenario "Encoded messages"
clock 2026-01-01T09:00:00Z

account Development 222222222222 {
  user dev { inline Describe { allow action ec2:DescribeInstances resource * } }
  user ops { inline Troubleshoot { allow action sts:DecodeAuthorizationMessage resource * } }
}
`;

const closed = closedAfterEach();

async function serve() {
  const served = await serveWorld({}, WORLD);
  closed(served.server);
  return served;
}

const PREFIX = 'Encoded authorization failure message: ';

describe('simulate serve: encoded authorization failure messages, through the AWS SDK for JavaScript v3', () => {
  it('given dev may not launch, when RunInstances is refused, then ops decodes its encoded message; dev may not, and a changed message is invalid', async () => {
    const { server, key } = await serve();
    const ec2 = new EC2Client({ ...BOUNDED, endpoint: server.url, region: 'eu-west-1', credentials: key('dev') });
    const denied = await ec2
      .send(new RunInstancesCommand({ ImageId: 'ami-0abcdef1234567890', MinCount: 1, MaxCount: 1 }))
      .catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(EC2ServiceException);
    expect(denied).toMatchObject({ name: 'UnauthorizedOperation', $metadata: { httpStatusCode: 403 } });
    const message = (denied as Error).message;
    expect(message).toMatch(
      /^You are not authorized to perform this operation\. User: arn:aws:iam::222222222222:user\/dev is not authorized/,
    );
    const encoded = message.slice(message.indexOf(PREFIX) + PREFIX.length);
    expect(encoded).toMatch(/^[\w-]+$/);

    const ops = new STSClient({ ...BOUNDED, endpoint: server.url, region: 'eu-west-1', credentials: key('ops') });
    const answer = await ops.send(new DecodeAuthorizationMessageCommand({ EncodedMessage: encoded }));
    const decoded = JSON.parse(answer.DecodedMessage ?? '') as Record<string, unknown>;
    expect(decoded).toMatchObject({
      allowed: false,
      explicitDeny: false,
      matchedStatements: { items: [] },
      failures: { items: [] },
      context: {
        principal: { name: 'dev', arn: 'arn:aws:iam::222222222222:user/dev' },
        action: 'ec2:RunInstances',
        resource: 'arn:aws:ec2:eu-west-1:222222222222:instance/*',
      },
    });
    expect(server.events().at(-1)?.type).toBe('AuthorizationMessageDecoded');

    const dev = new STSClient({ ...BOUNDED, endpoint: server.url, region: 'eu-west-1', credentials: key('dev') });
    const refused = await dev.send(new DecodeAuthorizationMessageCommand({ EncodedMessage: encoded })).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(STSServiceException);
    expect(refused).toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });

    const changed = encoded.slice(0, -2) + (encoded.endsWith('AA') ? 'BB' : 'AA');
    const invalid = await ops.send(new DecodeAuthorizationMessageCommand({ EncodedMessage: changed })).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(InvalidAuthorizationMessageException);
    expect(invalid).toMatchObject({ $metadata: { httpStatusCode: 400 } });
  });

  const awsCli = findAwsCliV2();
  it.skipIf(!('path' in awsCli))(
    `given the AWS CLI v2${'path' in awsCli ? '' : ` (skipped: ${awsCli.reason})`}, when run-instances is refused, then decode-authorization-message decodes its message`,
    async () => {
      const { server, key } = await serve();
      const cli = (user: string, args: string[]) =>
        runCommand(
          (awsCli as { path: string }).path,
          ['--endpoint-url', server.url, '--region', 'eu-west-1', '--output', 'json', ...args],
          {
            AWS_ACCESS_KEY_ID: key(user).accessKeyId,
            AWS_SECRET_ACCESS_KEY: key(user).secretAccessKey,
            AWS_MAX_ATTEMPTS: '1',
            AWS_CONFIG_FILE: '/nonexistent',
            AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
          },
        );
      const refused = (await cli('dev', ['ec2', 'run-instances', '--image-id', 'ami-0abcdef1234567890']).catch((e: unknown) => e)) as Error;
      expect(refused.message).toContain('An error occurred (UnauthorizedOperation) when calling the RunInstances operation');
      const encoded = /Encoded authorization failure message: ([\w-]+)/.exec(refused.message)?.[1] ?? '';
      const { stdout } = await cli('ops', ['sts', 'decode-authorization-message', '--encoded-message', encoded]);
      const decoded = JSON.parse((JSON.parse(stdout) as { DecodedMessage: string }).DecodedMessage) as Record<string, unknown>;
      expect(decoded).toMatchObject({ allowed: false, context: { action: 'ec2:RunInstances' } });
    },
    60_000,
  );
});
