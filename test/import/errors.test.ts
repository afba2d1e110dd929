// Bad input to `simulate import`: each gives FILE:LINE:COLUMN, what is wrong, what was expected,
// exit code 2, and nothing at -o (the world is written to a temporary file and renamed only when whole).
//   IAM API Reference "GetAccountAuthorizationDetails": IsTruncated "indicates whether there are more
//   items to return. If your results were truncated, you can make a subsequent pagination request
//   using the Marker request parameter to retrieve more items."
//   IAM User Guide "IAM JSON policy elements: Principal": identity-based policies cannot name a principal
//   (IAM answers MalformedPolicyDocument "Policy document should not specify a principal.").
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'iamsim-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const user = (extra: Record<string, unknown> = {}) => ({
  Path: '/',
  UserName: 'alice',
  UserId: 'AIDAEXAMPLE',
  Arn: 'arn:aws:iam::111111111111:user/alice',
  CreateDate: '2025-01-01T00:00:00Z',
  UserPolicyList: [],
  GroupList: [],
  AttachedManagedPolicies: [],
  Tags: [],
  ...extra,
});
const page = (users: unknown[], extra: Record<string, unknown> = {}) => ({
  UserDetailList: users,
  GroupDetailList: [],
  RoleDetailList: [],
  Policies: [],
  IsTruncated: false,
  ...extra,
});

function file(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return path;
}

async function importFails(paths: string[]) {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}.iam`);
  const r = await runCli(['import', ...paths, '-o', out]);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(existsSync(out)).toBe(false);
  expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  return r.stderr;
}

describe('simulate import: bad input', () => {
  it('given a file that is not JSON, then the place of the first syntax error', async () => {
    const path = file('not-json.json', '{\n  "UserDetailList": [\n    {"UserName": "alice",}\n  ]\n}\n');
    const err = await importFails([path]);
    expect(err).toContain(`${path}:3:26: error: not JSON: a trailing comma is not allowed in JSON`);
  });

  it('given a page that says IsTruncated with no page after it, then the truncated read is named at IsTruncated', async () => {
    const path = file('truncated.json', page([user()], { IsTruncated: true, Marker: 'AAE' }));
    const err = await importFails([path]);
    expect(err).toMatch(
      /truncated\.json:\d+:\d+: error: account 111111111111: this page is truncated \(IsTruncated: true\) and no later page of the account was given/,
    );
    expect(err).toContain('"IsTruncated": true');
    expect(err).toContain('expected: every page');
  });

  it('given both pages of a paged read, then the import succeeds', async () => {
    const one = file('page1.json', page([user()], { IsTruncated: true, Marker: 'AAE' }));
    const two = file('page2.json', page([user({ UserName: 'bob', Arn: 'arn:aws:iam::111111111111:user/bob' })]));
    const r = await runCli(['import', one, two]);
    expect(r.stderr).toContain('1 accounts, 2 users');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('user alice');
    expect(r.stdout).toContain('user bob');
  });

  it('given a field the model does not have, then it is named with the nearest member', async () => {
    const path = file('unknown-field.json', page([{ ...user(), UserNme: 'x' }]));
    const err = await importFails([path]);
    expect(err).toMatch(/unknown-field\.json:\d+:7: error: unknown field UserNme in UserDetail/);
    expect(err).toContain('did you mean UserName?');
  });

  it('given a field of the wrong shape, then the value is located and the shape expected said', async () => {
    const path = file('wrong-shape.json', page([user({ GroupList: 'Developers' })]));
    const err = await importFails([path]);
    expect(err).toMatch(/wrong-shape\.json:\d+:\d+: error: UserDetail: a JSON array was expected/);
  });

  it("given a decoded inline policy IAM would reject, then IAM's message at the offending element", async () => {
    const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }] };
    const path = file('principal.json', page([user({ UserPolicyList: [{ PolicyName: 'p', PolicyDocument: doc }] })]));
    const err = await importFails([path]);
    expect(err).toMatch(
      /principal\.json:\d+:\d+: error: inline policy p of user alice: MalformedPolicyDocument: Policy document should not specify a principal\./,
    );
    expect(err).toContain('"Principal": "*"');
  });

  it('given a URL-encoded document IAM would reject, then the encoded text is located and the element named', async () => {
    const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Permit', Action: 's3:GetObject', Resource: '*' }] };
    const path = file(
      'encoded.json',
      page([user({ UserPolicyList: [{ PolicyName: 'p', PolicyDocument: encodeURIComponent(JSON.stringify(doc)) }] })]),
    );
    const err = await importFails([path]);
    expect(err).toMatch(
      /encoded\.json:\d+:\d+: error: inline policy p of user alice: MalformedPolicyDocument: .* \(at Statement\[0\]\.Effect of the decoded document\)/,
    );
  });

  it('given a document that is neither JSON nor URL-encoded JSON, then it is refused where it is', async () => {
    const path = file('bad-doc.json', page([user({ UserPolicyList: [{ PolicyName: 'p', PolicyDocument: '%7B%22Version' }] })]));
    const err = await importFails([path]);
    expect(err).toMatch(/bad-doc\.json:\d+:\d+: error: inline policy p of user alice: the policy document is not JSON/);
  });

  it('given an action the catalogue does not know, then the world would not run: refused with the nearest action', async () => {
    const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObjet', Resource: '*' }] };
    const path = file('typo.json', page([user({ UserPolicyList: [{ PolicyName: 'p', PolicyDocument: doc }] })]));
    const err = await importFails([path]);
    expect(err).toContain('unknown action s3:GetObjet');
    expect(err).toContain('did you mean s3:GetObject?');
  });

  it('given a user in a group the import does not hold, then the membership is located', async () => {
    const path = file('no-group.json', page([user({ GroupList: ['Admins'] })]));
    const err = await importFails([path]);
    expect(err).toMatch(/no-group\.json:\d+:\d+: error: user alice is in group Admins, which is not in the import of account 111111111111/);
  });

  it('given an attached customer managed policy missing from Policies, then the attachment is located', async () => {
    const path = file(
      'no-policy.json',
      page([user({ AttachedManagedPolicies: [{ PolicyName: 'x', PolicyArn: 'arn:aws:iam::111111111111:policy/x' }] })]),
    );
    const err = await importFails([path]);
    expect(err).toContain('managed policy arn:aws:iam::111111111111:policy/x is attached here but is not in the import');
  });

  it('given a page without any ARN first, then its account cannot be known', async () => {
    const path = file('no-arn.json', page([]));
    const err = await importFails([path]);
    expect(err).toContain('no ARN in this page names its account');
  });

  it('given a bucket policy without its owner, or a key named by an alias, then the wrapper is refused', async () => {
    const bucket = file('bucket.json', { Bucket: 'reports', Policy: '{"Version":"2012-10-17","Statement":[]}' });
    expect(await importFails([bucket])).toContain('BucketPolicy has no ExpectedBucketOwner');
    const key = file('key.json', { KeyId: 'alias/app', Policy: '{}' });
    expect(await importFails([key])).toContain('KeyId alias/app is not a key ARN');
  });

  it('given a file of none of the shapes, then what is read is said', async () => {
    const path = file('other.json', { Buckets: [] });
    expect(await importFails([path])).toContain('this file is none of the inputs simulate import reads');
  });

  it('given an unreadable file, then exit 2 and nothing written', async () => {
    expect(await importFails([join(dir, 'missing.json')])).toContain('cannot read');
  });

  it('given good input and -o, then the world is there, whole, and no temporary file remains', async () => {
    const out = join(dir, 'world.iam');
    const r = await runCli(['import', file('good.json', page([user()])), '-o', out]);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('account account-111111111111 111111111111 {');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('given an AWS managed policy attached without its document in the input, then it is left out, said in the world and on stderr', async () => {
    const path = file(
      'aws-no-doc.json',
      page([
        user({
          AttachedManagedPolicies: [{ PolicyName: 'AdministratorAccess', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }],
        }),
      ]),
    );
    const r = await runCli(['import', path]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '# arn:aws:iam::aws:policy/AdministratorAccess is attached in this account, but its document is not in the import: left out',
    );
    expect(r.stdout).toContain('user alice\n');
    expect(r.stderr).toContain('left out (no document in the input): arn:aws:iam::aws:policy/AdministratorAccess');
  });

  it('given flags that do not apply, then usage errors', async () => {
    expect((await runCli(['import'])).stderr).toContain('import takes the files to read');
    expect((await runCli(['import', 'x.json', '--format', 'json'])).stderr).toContain('--format applies to scenario runs, not to import');
    expect((await runCli(['x.iam', '-o', 'y'])).stderr).toContain('--output applies to simulate test and simulate import only');
  });
});
