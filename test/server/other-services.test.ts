// `simulate serve` for services it does not carry out, with the real AWS SDK for JavaScript v3: a
// JSON-protocol service (Secrets Manager, AWS JSON 1.1: https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html)
// and Query-protocol services (SNS: https://docs.aws.amazon.com/sns/latest/api/CommonErrors.html,
// AuthorizationError 403 in Publish's Errors; EC2: UnauthorizedOperation,
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html, answered in EC2's
// `<Response><Errors>` shape, https://smithy.io/2.0/aws/protocols/aws-ec2-query-protocol.html). A
// denial is the service's own error; an allowed call is NotImplemented (501), naming the decision.
import { GetSecretValueCommand, SecretsManagerClient, SecretsManagerServiceException } from '@aws-sdk/client-secrets-manager';
import { AuthorizationErrorException, PublishCommand, SNSClient, SNSServiceException } from '@aws-sdk/client-sns';
import { describe, expect, it } from 'vitest';
import { BOUNDED, closedAfterEach, decidedCalls } from './harness.js';
import type { RunningServer } from '../../src/server/serve.js';
import { serveWorld } from './other-world.js';
import { signedFetch } from './signed-fetch.js';

const closed = closedAfterEach();

async function serve() {
  const served = await serveWorld();
  closed(served.server);
  return served;
}

const bounded = BOUNDED;
const lastCall = (server: RunningServer) => decidedCalls(server).at(-1);

describe('simulate serve: services it does not carry out, through the AWS SDK for JavaScript v3', () => {
  it('given carol may read secrets, when she calls GetSecretValue (JSON 1.1), then the SDK gets NotImplemented (501) naming the Allow, and the step is in the log', async () => {
    const { server, key } = await serve();
    const client = new SecretsManagerClient({ ...bounded, endpoint: server.url, region: 'eu-west-3', credentials: key('carol') });
    const error = await client.send(new GetSecretValueCommand({ SecretId: 'db-password' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SecretsManagerServiceException);
    expect(error).toMatchObject({ name: 'NotImplemented', $metadata: { httpStatusCode: 501 } });
    expect((error as Error).message).toContain('allowed (decision Allow on *)');
    expect((error as Error).message).toContain('secretsmanager:GetSecretValue');
    expect(lastCall(server)).toMatchObject({ action: 'secretsmanager:GetSecretValue', resource: '*', outcome: 'allowed' });
  });

  it('given dave has no policy, when he calls GetSecretValue by ARN, then the SDK raises AccessDeniedException (400) with the engine’s message, decided on the secret’s ARN', async () => {
    const { server, key } = await serve();
    const client = new SecretsManagerClient({ ...bounded, endpoint: server.url, region: 'us-east-1', credentials: key('dave') });
    const arn = 'arn:aws:secretsmanager:us-east-1:222222222222:secret:db-password-AbCdEf';
    const error = await client.send(new GetSecretValueCommand({ SecretId: arn })).catch((e: unknown) => e);
    // Secrets Manager's model has no AccessDeniedException class: the SDK raises its service exception by that name
    expect(error).toBeInstanceOf(SecretsManagerServiceException);
    expect(error).toMatchObject({ name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } });
    expect((error as Error).message).toContain('is not authorized to perform: secretsmanager:GetSecretValue');
    expect(lastCall(server)).toMatchObject({ resource: arn, outcome: 'denied' });
  });

  it('given dave, when he publishes to an SNS topic (Query), then the SDK raises its AuthorizationErrorException (403); carol gets NotImplemented', async () => {
    const { server, key } = await serve();
    const topic = 'arn:aws:sns:eu-west-1:222222222222:alerts';
    const dave = new SNSClient({ ...bounded, endpoint: server.url, region: 'eu-west-1', credentials: key('dave') });
    const denied = await dave.send(new PublishCommand({ TopicArn: topic, Message: 'hi' })).catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(AuthorizationErrorException);
    expect(denied).toMatchObject({ $metadata: { httpStatusCode: 403 } });
    expect(lastCall(server)).toMatchObject({ action: 'sns:Publish', resource: topic, outcome: 'denied' });
    const carol = new SNSClient({ ...bounded, endpoint: server.url, region: 'eu-west-1', credentials: key('carol') });
    const allowed = await carol.send(new PublishCommand({ TopicArn: topic, Message: 'hi' })).catch((e: unknown) => e);
    expect(allowed).toBeInstanceOf(SNSServiceException);
    expect(allowed).toMatchObject({ name: 'NotImplemented', $metadata: { httpStatusCode: 501 } });
  });

  it('given dave, when he calls EC2 DescribeInstances, then the answer is EC2’s <Response><Errors> with UnauthorizedOperation (403)', async () => {
    const { server, key } = await serve();
    const response = await signedFetch(server.url, key('dave'), {
      service: 'ec2',
      region: 'eu-west-1',
      body: 'Action=DescribeInstances&Version=2016-11-15',
      contentType: 'application/x-www-form-urlencoded; charset=utf-8',
    });
    expect(response.status).toBe(403);
    const text = await response.text();
    expect(text).toMatch(
      /^<Response xmlns="http:\/\/ec2\.amazonaws\.com\/doc\/2016-11-15\/"><Errors><Error><Code>UnauthorizedOperation<\/Code>/,
    );
    expect(text).toContain('<RequestID>');
  });

  it('given a JSON request of an operation the service does not have, then UnknownOperationException (400) and no step', async () => {
    const { server, key } = await serve();
    const steps = server.events().length;
    const response = await signedFetch(server.url, key('carol'), {
      service: 'secretsmanager',
      region: 'us-east-1',
      body: '{}',
      contentType: 'application/x-amz-json-1.1',
      target: 'secretsmanager.StealSecret',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    expect(await response.json()).toMatchObject({ __type: 'UnknownOperationException' });
    expect(server.events().filter((e) => e.type === 'StepStarted').length).toBe(
      server
        .events()
        .slice(0, steps)
        .filter((e) => e.type === 'StepStarted').length,
    );
  });

  it('given a request signed for STS that carries an X-Amz-Target header, then STS answers it (the credential scope decides)', async () => {
    const { server, key } = await serve();
    const response = await signedFetch(server.url, key('carol'), {
      service: 'sts',
      region: 'us-east-1',
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
      contentType: 'application/x-www-form-urlencoded; charset=utf-8',
      target: 'secretsmanager.GetSecretValue',
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<Arn>arn:aws:iam::222222222222:user/carol</Arn>');
  });
});
