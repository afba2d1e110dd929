// The round trip of `simulate import` (issue 15): for a realistic import — several hundred
// principals in four accounts, paged output (IsTruncated/Marker), URL-encoded documents as the IAM
// API returns them and decoded ones as the CLI prints them, an organization with OUs, SCPs and an
// RCP, a bucket and a key policy — every policy document of the input equals, as parsed JSON, the
// document the engine holds after running the written world, and every attachment, membership,
// boundary, tag and instance profile is where the input says.
//   IAM API Reference "GetAccountAuthorizationDetails" (https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html):
//   the response lists, IsTruncated and Marker; PolicyDocument "is URL-encoded compliant with RFC 3986".
//   IAM API Reference "PolicyVersion": "The policy document returned in this structure is URL-encoded".
import { describe, expect, it } from 'vitest';
import { importWorld } from '../../src/import/index.js';
import { runScenarioEvents } from '../../src/run-file.js';
import type { World } from '../../src/engine/world.js';
import { awsFixture, type FixtureFile } from './fixtures.js';

type J = Record<string, unknown>;
const decode = (d: unknown): unknown => (typeof d === 'string' ? JSON.parse(/^\s*\{/.test(d) ? d : decodeURIComponent(d)) : d);
const list = (x: unknown): J[] => (Array.isArray(x) ? (x as J[]) : []);

async function importAndRun(files: FixtureFile[]): Promise<{ text: string; world: World }> {
  const { text } = importWorld(files);
  const result = await runScenarioEvents(text, 'imported.iam', { detail: false, until: null });
  return { text, world: result.world };
}

describe('simulate import: the round trip', () => {
  const files = awsFixture({ accounts: 4, usersPerAccount: 120, rolesPerAccount: 40, pageSize: 60 });
  const pages = files.filter((f) => f.name.startsWith('auth-')).map((f) => JSON.parse(f.text) as J);

  it('given a paged, partly URL-encoded export of 640 principals, when the world runs, then every document is the one IAM returned', async () => {
    expect(pages.length).toBeGreaterThan(8);
    expect(pages.some((p) => p.IsTruncated === true && typeof p.Marker === 'string')).toBe(true);
    const { world } = await importAndRun(files);
    // AWS managed policies are attached by their own ARNs, as IAM holds them
    const attachedIn = (_account: string, arns: J[]) => arns.map((a) => a.PolicyArn);
    let documents = 0;
    let principals = 0;
    for (const page of pages) {
      for (const u of list(page.UserDetailList)) {
        const held = world.iam.users[String(u.Arn)]!;
        expect(held, String(u.Arn)).toBeDefined();
        const account = held.account;
        for (const p of list(u.UserPolicyList)) {
          expect(held.inline.find((i) => i.name === p.PolicyName)?.document).toEqual(decode(p.PolicyDocument));
          documents++;
        }
        expect(held.attached).toEqual(attachedIn(account, list(u.AttachedManagedPolicies)));
        expect(held.boundary).toBe((u.PermissionsBoundary as J | undefined)?.PermissionsBoundaryArn ?? null);
        expect(held.tags).toEqual(Object.fromEntries(list(u.Tags).map((t) => [t.Key, t.Value])));
        expect(held.groups).toEqual((u.GroupList as string[]).map((g) => `arn:aws:iam::${account}:group/${g}`));
        principals++;
      }
      for (const g of list(page.GroupDetailList)) {
        const held = world.iam.groups[String(g.Arn)]!;
        for (const p of list(g.GroupPolicyList)) {
          expect(held.inline.find((i) => i.name === p.PolicyName)?.document).toEqual(decode(p.PolicyDocument));
          documents++;
        }
        expect(held.attached).toEqual(attachedIn(held.account, list(g.AttachedManagedPolicies)));
      }
      for (const r of list(page.RoleDetailList)) {
        const held = world.iam.roles[String(r.Arn)]!;
        expect(held, String(r.Arn)).toBeDefined();
        expect(held.trust).toEqual(decode(r.AssumeRolePolicyDocument));
        documents++;
        for (const p of list(r.RolePolicyList)) {
          expect(held.inline.find((i) => i.name === p.PolicyName)?.document).toEqual(decode(p.PolicyDocument));
          documents++;
        }
        expect(held.attached).toEqual(attachedIn(held.account, list(r.AttachedManagedPolicies)));
        expect(held.boundary).toBe((r.PermissionsBoundary as J | undefined)?.PermissionsBoundaryArn ?? null);
        expect(held.tags).toEqual(Object.fromEntries(list(r.Tags).map((t) => [t.Key, t.Value])));
        for (const ip of list(r.InstanceProfileList)) expect(world.iam.instanceProfiles[String(ip.Arn)]?.roles).toEqual([r.Arn]);
        principals++;
      }
      for (const p of list(page.Policies)) {
        const def = list(p.PolicyVersionList).find((v) => v.IsDefaultVersion === true)!;
        const arn = String(p.Arn);
        // an AWS managed policy is held once, under its own ARN, in the account `aws`
        expect(world.iam.policies[arn]?.document).toEqual(decode(def.Document));
        // with the id of its default version (GetPolicy's DefaultVersionId)
        expect(world.iam.policies[arn]?.defaultVersion).toBe(def.VersionId);
        if (arn.startsWith('arn:aws:iam::aws:')) expect(world.iam.policies[arn]?.account).toBe('aws');
        documents++;
      }
    }
    expect(principals).toBe(4 * 160);
    expect(documents).toBeGreaterThan(900);
  });

  it('given the organization bundle, then its OUs, accounts, SCPs and RCPs are where ListTargetsForPolicy puts them', async () => {
    const { world } = await importAndRun(files);
    const bundle = JSON.parse(files.find((f) => f.name === 'organization.json')!.text) as J;
    const org = world.organizations.organization!;
    expect(org.id).toBe('o-a1b2c3d4e5');
    expect(org.managementAccount).toBe('111111111111');
    const described = bundle.DescribePolicy as Record<string, { Policy: { PolicySummary: J; Content: string } }>;
    const targets = bundle.ListTargetsForPolicy as Record<string, { Targets: J[] }>;
    const rootId = ((bundle.ListRoots as J).Roots as J[])[0]!.Id;
    for (const [pid, { Policy }] of Object.entries(described)) {
      const held = Object.values(org.policies).find((p) => p.name === Policy.PolicySummary.Name)!;
      expect(held.document).toEqual(JSON.parse(Policy.Content));
      for (const t of targets[pid]!.Targets) {
        const target = t.TargetId === rootId ? org.rootId : String(t.TargetId);
        expect(org.attached[target], `${pid} at ${target}`).toContain(held.id);
      }
      // and nowhere else
      const expected = new Set(targets[pid]!.Targets.map((t) => (t.TargetId === rootId ? org.rootId : String(t.TargetId))));
      for (const [target, ids] of Object.entries(org.attached))
        if (ids.includes(held.id)) expect(expected.has(target), `${pid} at ${target}`).toBe(true);
    }
    const accountsOf = bundle.ListAccountsForParent as Record<string, { Accounts: J[] }>;
    for (const [parent, { Accounts }] of Object.entries(accountsOf))
      for (const a of Accounts) expect(org.accounts[String(a.Id)]).toBe(parent === rootId ? org.rootId : parent);
  });

  it('given bucket and key policy wrappers, then the bucket and the key hold their policies', async () => {
    const { world } = await importAndRun(files);
    const bucket = JSON.parse(files.find((f) => f.name.startsWith('bucket-'))!.text) as J;
    const key = JSON.parse(files.find((f) => f.name.startsWith('key-'))!.text) as J;
    expect(world.resources.byArn['arn:aws:s3:::shared-reports']?.policy).toEqual(JSON.parse(String(bucket.Policy)));
    expect(world.resources.byArn[String(key.KeyId)]?.policy).toEqual(JSON.parse(String(key.Policy)));
  });

  it('given names the language must quote (a keyword, a comma), then they are quoted and the world still runs', async () => {
    const { text } = await importAndRun(files);
    expect(text).toContain('user "role" {');
    expect(text).toContain('user "svc,batch" {');
    expect(text).toContain('user first.last@example.com {');
    expect(text).toContain('role "policy" {');
    expect(text).toContain('scp "Region Lock"');
  });
});
