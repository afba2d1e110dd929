// S3 through `simulate serve` with the AWS CLI version 2 (Debian's `awscli` package), where it is
// installed: `aws s3 cp` up and down, and `aws s3api put-bucket-policy` / `get-bucket-policy` /
// `delete-bucket-policy`. Reported as skipped, by name and with the reason, where no AWS CLI v2 is
// found (harness.ts, findAwsCliV2). Sources: AWS CLI Command Reference, `aws s3 cp`,
// `aws s3api put-bucket-policy`; Amazon S3 API Reference, PutObject, GetObject, HeadObject,
// PutBucketPolicy, GetBucketPolicy, DeleteBucketPolicy.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closedAfterEach, findAwsCliV2, runCommand, serveText } from './harness.js';

const WORLD = `scenario "The AWS CLI and S3"
clock 2026-01-01T09:00:00Z

account Production 111111111111 {
  bucket files
  user admin { inline S3 { allow action s3:* resource arn:aws:s3:::files, arn:aws:s3:::files/* } }
}
`;

const closed = closedAfterEach();
const cli = findAwsCliV2();
const skipped = 'path' in cli ? '' : ` (skipped: ${cli.reason})`;

async function serve() {
  const { server, dir, credentials } = await serveText(WORLD, 'cli.iam', closed);
  const aws = (...args: string[]) =>
    runCommand(
      (cli as { path: string }).path,
      ['--profile', 'Production/admin', '--endpoint-url', server.url, '--region', 'us-east-1', '--output', 'json', ...args],
      { AWS_SHARED_CREDENTIALS_FILE: credentials, AWS_CONFIG_FILE: join(dir, 'config'), AWS_MAX_ATTEMPTS: '1', AWS_PAGER: '' },
    );
  return { server, dir, aws };
}

describe('simulate serve: S3 with the AWS CLI v2', () => {
  it.skipIf(!('path' in cli))(
    `given the AWS CLI v2${skipped}, when it copies a file up with aws s3 cp and back down, then the bytes are the same, each request authorized`,
    async () => {
      const { server, dir, aws } = await serve();
      const file = join(dir, 'report.csv');
      const content = Buffer.from(Array.from({ length: 5000 }, (_, i) => `row ${i},${i * i}\n`).join(''));
      writeFileSync(file, content);
      await aws('s3', 'cp', file, 's3://files/reports/report.csv');
      const back = join(dir, 'back.csv');
      await aws('s3', 'cp', 's3://files/reports/report.csv', back);
      expect(readFileSync(back).equals(content)).toBe(true);
      const listed = JSON.parse((await aws('s3api', 'list-objects-v2', '--bucket', 'files')).stdout) as { Contents: { Key: string }[] };
      expect(listed.Contents.map((c) => c.Key)).toEqual(['reports/report.csv']);
      const actions = server
        .events()
        .filter((e) => e.type === 'RequestAllowed')
        .map((e) => (e.data as { call: { action: string } }).call.action);
      expect(actions).toContain('s3:PutObject');
      expect(actions).toContain('s3:GetObject');
    },
    120_000,
  );

  it.skipIf(!('path' in cli))(
    `given the AWS CLI v2${skipped}, when it puts, gets and deletes a bucket policy with aws s3api, then the world changes and reads back`,
    async () => {
      const { server, aws } = await serve();
      const policy = {
        Version: '2012-10-17',
        Statement: [{ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::files/*' }],
      };
      await aws('s3api', 'put-bucket-policy', '--bucket', 'files', '--policy', JSON.stringify(policy));
      expect(server.world().resources.byArn['arn:aws:s3:::files']?.policy).toEqual(policy);
      const got = JSON.parse((await aws('s3api', 'get-bucket-policy', '--bucket', 'files')).stdout) as { Policy: string };
      expect(JSON.parse(got.Policy)).toEqual(policy);
      const bad = await aws('s3api', 'put-bucket-policy', '--bucket', 'files', '--policy', 'policy.json').catch((e: unknown) => e);
      expect(String(bad)).toContain('An error occurred (MalformedPolicy) when calling the PutBucketPolicy operation');
      expect(String(bad)).toContain("Policies must be valid JSON and the first byte must be '{'");
      await aws('s3api', 'delete-bucket-policy', '--bucket', 'files');
      expect(server.world().resources.byArn['arn:aws:s3:::files']?.policy).toBeNull();
    },
    120_000,
  );

  it.skipIf(!('path' in cli))(
    `given the AWS CLI v2${skipped}, when aws s3 cp copies a 20 MB file (a multipart upload, and ranged downloads), then the bytes come back the same`,
    async () => {
      const { server, dir, aws } = await serve();
      const file = join(dir, 'large.bin');
      const content = Buffer.alloc(20 * 1024 * 1024);
      for (let i = 0; i < content.length; i += 997) content[i] = i % 253;
      writeFileSync(file, content);
      await aws('s3', 'cp', file, 's3://files/large.bin');
      const back = join(dir, 'large-back.bin');
      await aws('s3', 'cp', 's3://files/large.bin', back);
      expect(readFileSync(back).equals(content)).toBe(true);
      const calls = server
        .events()
        .filter((e) => e.type === 'RequestAllowed')
        .map((e) => (e.data as { call: { action: string; params: Record<string, unknown> } }).call);
      // CreateMultipartUpload, three parts of 8 MB at most, CompleteMultipartUpload: each s3:PutObject, the parts with their UploadId
      expect(calls.filter((c) => c.action === 's3:PutObject' && c.params['PartNumber'] !== undefined).length).toBe(3);
    },
    120_000,
  );
});
