// Generated input for `simulate import`, in AWS's documented output shapes (IAM API Reference
// "GetAccountAuthorizationDetails"; botocore's iam and organizations service-2.json, whose member
// names test/import/aws-shapes.json copies): an organization of ACCOUNTS accounts, each with its
// get-account-authorization-details output split into pages (IsTruncated and Marker on every page
// but the last), policy documents URL-encoded as the API returns them on even pages and as JSON
// objects as the CLI prints them on odd ones, an organization bundle with OUs, SCPs and an RCP, and
// a bucket and a key policy. Deterministic (a seeded generator). Used by test/import/*.test.ts,
// test/bench/import.bench.ts and scripts/large-account.ts.
import { mulberry32 } from '../mulberry32.js';

export interface FixtureOptions {
  readonly accounts: number;
  readonly usersPerAccount: number;
  readonly rolesPerAccount: number;
  readonly groupsPerAccount?: number;
  readonly policiesPerAccount?: number;
  /** entities per page of get-account-authorization-details (AWS's MaxItems defaults to 100) */
  readonly pageSize?: number;
  readonly seed?: number;
}

export interface FixtureFile {
  readonly name: string;
  readonly text: string;
}

type Doc = Record<string, unknown>;

export const accountId = (a: number): string => String(111111111111 + a * 1000001).padStart(12, '0');

const ACTIONS = [
  's3:GetObject',
  's3:PutObject',
  's3:ListBucket',
  'ec2:DescribeInstances',
  'dynamodb:GetItem',
  'sqs:SendMessage',
  'logs:CreateLogStream',
  'kms:Decrypt',
];
const READ_ONLY: Doc = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['s3:Get*', 's3:List*', 'ec2:Describe*', 'iam:Get*', 'iam:List*'], Resource: '*' }],
};
const FULL_AWS_ACCESS: Doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
const RCP_FULL_AWS_ACCESS: Doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] };

/** As IAM returns a document: URL-encoded JSON (RFC 3986), which encodeURIComponent gives. */
const encode = (doc: Doc): string => encodeURIComponent(JSON.stringify(doc));
const date = '2025-06-01T12:00:00+00:00';

/** Names the language must quote or that IAM allows and words do not: a keyword, a comma, an @. */
const userName = (a: number, u: number): string =>
  u === 0 ? 'role' : u === 1 ? 'first.last@example.com' : u === 2 ? 'svc,batch' : `user-${a}-${u}`;
const roleName = (a: number, r: number): string => (r === 0 ? 'Admin' : r === 1 ? 'policy' : `role-${a}-${r}`);
const groupName = (g: number): string => (g === 0 ? 'Developers' : g === 1 ? 'allow' : `team-${g}`);

export function awsFixture(o: FixtureOptions): FixtureFile[] {
  const rnd = mulberry32(o.seed ?? 15);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const groups = o.groupsPerAccount ?? 5;
  const policies = o.policiesPerAccount ?? 5;
  const pageSize = o.pageSize ?? 100;
  const files: FixtureFile[] = [];
  const mgmt = accountId(0);

  for (let a = 0; a < o.accounts; a++) {
    const id = accountId(a);
    const iamArn = (kind: string, path: string, name: string) => `arn:aws:iam::${id}:${kind}${path}${name}`;
    const policyArn = (p: number) => iamArn('policy', p % 3 === 0 ? '/team/' : '/', `policy-${a}-${p}`);
    const roleArn = (acct: number, r: number) => `arn:aws:iam::${accountId(acct)}:role/${r % 4 === 3 ? 'app/' : ''}${roleName(acct, r)}`;
    const items: { list: 'UserDetailList' | 'GroupDetailList' | 'RoleDetailList' | 'Policies'; make: (encodeDocs: boolean) => Doc }[] = [];
    const doc = (d: Doc, encoded: boolean): unknown => (encoded ? encode(d) : d);
    const identityDoc = (seed: number): Doc => ({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: `S${seed}`,
          Effect: 'Allow',
          Action: [pick(ACTIONS), pick(ACTIONS)].filter((x, i, xs) => xs.indexOf(x) === i),
          Resource: [`arn:aws:s3:::bucket-${a}-${seed % 7}/*`],
          ...(seed % 4 === 0
            ? {
                Condition: {
                  StringEquals: { 'aws:PrincipalTag/team': `team-${seed % 5}` },
                  IpAddress: { 'aws:SourceIp': '203.0.113.0/24' },
                },
              }
            : {}),
        },
        ...(seed % 5 === 0 ? [{ Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*' }] : []),
      ],
    });
    for (let p = 0; p < policies; p++) {
      const document = identityDoc(1000 + p);
      items.push({
        list: 'Policies',
        make: (e) => ({
          PolicyName: `policy-${a}-${p}`,
          PolicyId: `ANPA${id}${String(p).padStart(8, '0')}`,
          Arn: policyArn(p),
          Path: p % 3 === 0 ? '/team/' : '/',
          DefaultVersionId: 'v2',
          AttachmentCount: 1,
          PermissionsBoundaryUsageCount: 0,
          IsAttachable: true,
          CreateDate: date,
          UpdateDate: date,
          PolicyVersionList: [
            { Document: doc(document, e), VersionId: 'v2', IsDefaultVersion: true, CreateDate: date },
            {
              Document: doc({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }, e),
              VersionId: 'v1',
              IsDefaultVersion: false,
              CreateDate: date,
            },
          ],
        }),
      });
    }
    // an AWS managed policy, attached in every account, listed with its document
    items.push({
      list: 'Policies',
      make: (e) => ({
        PolicyName: 'ReadOnlyAccess',
        PolicyId: 'ANPAILL3HVNFSB6DCOWYQ',
        Arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
        Path: '/',
        DefaultVersionId: 'v120',
        AttachmentCount: 2,
        PermissionsBoundaryUsageCount: 0,
        IsAttachable: true,
        CreateDate: date,
        UpdateDate: date,
        PolicyVersionList: [{ Document: doc(READ_ONLY, e), VersionId: 'v120', IsDefaultVersion: true, CreateDate: date }],
      }),
    });
    for (let g = 0; g < groups; g++) {
      items.push({
        list: 'GroupDetailList',
        make: (e) => ({
          Path: '/',
          GroupName: groupName(g),
          GroupId: `AGPA${id}${g}`,
          Arn: iamArn('group', '/', groupName(g)),
          CreateDate: date,
          GroupPolicyList: g % 2 === 0 ? [{ PolicyName: `group-inline-${g}`, PolicyDocument: doc(identityDoc(2000 + g), e) }] : [],
          AttachedManagedPolicies:
            g === 0
              ? [{ PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }]
              : [{ PolicyName: `policy-${a}-${g % policies}`, PolicyArn: policyArn(g % policies) }],
        }),
      });
    }
    for (let u = 0; u < o.usersPerAccount; u++) {
      const name = userName(a, u);
      // users may assume a role of their account or of the next account
      const target = roleArn((a + (u % 2)) % o.accounts, u % o.rolesPerAccount);
      items.push({
        list: 'UserDetailList',
        make: (e) => ({
          Path: u % 10 === 9 ? '/staff/' : '/',
          UserName: name,
          UserId: `AIDA${id}${u}`,
          Arn: iamArn('user', u % 10 === 9 ? '/staff/' : '/', name),
          CreateDate: date,
          UserPolicyList: [
            {
              PolicyName: 'assume',
              PolicyDocument: doc(
                { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: target }] },
                e,
              ),
            },
            ...(u % 3 === 0 ? [{ PolicyName: `inline-${u}`, PolicyDocument: doc(identityDoc(u), e) }] : []),
          ],
          GroupList: [groupName(u % groups), ...(u % 4 === 0 && groups > 1 ? [groupName((u + 1) % groups)] : [])],
          AttachedManagedPolicies: u % 5 === 0 ? [{ PolicyName: `policy-${a}-${u % policies}`, PolicyArn: policyArn(u % policies) }] : [],
          ...(u % 7 === 0
            ? { PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: policyArn((u + 1) % policies) } }
            : {}),
          Tags:
            u % 2 === 0
              ? [
                  { Key: 'team', Value: `team-${u % 5}` },
                  { Key: 'cost:center', Value: 'R&D 42' },
                ]
              : [],
        }),
      });
    }
    for (let r = 0; r < o.rolesPerAccount; r++) {
      const name = roleName(a, r);
      const path = r % 4 === 3 ? '/app/' : '/';
      const trusted =
        r % 5 === 0
          ? { Service: pick(['ec2.amazonaws.com', 'lambda.amazonaws.com']) }
          : r % 5 === 1
            ? { AWS: `arn:aws:iam::${accountId((a + o.accounts - 1) % o.accounts)}:root` }
            : r % 5 === 2
              ? {
                  AWS: [
                    roleArn((a + 1) % o.accounts, (r + 1) % o.rolesPerAccount),
                    `arn:aws:iam::${id}:user/${userName(a, r % o.usersPerAccount)}`,
                  ],
                }
              : { AWS: `arn:aws:iam::${id}:root` };
      const trust: Doc = {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: trusted,
            Action: 'sts:AssumeRole',
            ...(r % 5 === 1 ? { Condition: { StringEquals: { 'sts:ExternalId': `ext-${a}` } } } : {}),
          },
        ],
      };
      const profile = r % 5 === 0 && trusted.Service === 'ec2.amazonaws.com';
      items.push({
        list: 'RoleDetailList',
        make: (e) => ({
          Path: path,
          RoleName: name,
          RoleId: `AROA${id}${r}`,
          Arn: roleArn(a, r),
          CreateDate: date,
          AssumeRolePolicyDocument: doc(trust, e),
          InstanceProfileList: profile
            ? [
                {
                  Path: '/',
                  InstanceProfileName: `${name}-profile`,
                  InstanceProfileId: `AIPA${id}${r}`,
                  Arn: iamArn('instance-profile', '/', `${name}-profile`),
                  CreateDate: date,
                  Roles: [
                    {
                      Path: path,
                      RoleName: name,
                      RoleId: `AROA${id}${r}`,
                      Arn: roleArn(a, r),
                      CreateDate: date,
                      AssumeRolePolicyDocument: doc(trust, e),
                      MaxSessionDuration: 3600,
                      RoleLastUsed: {},
                    },
                  ],
                },
              ]
            : [],
          RolePolicyList: r % 2 === 0 ? [{ PolicyName: `role-inline-${r}`, PolicyDocument: doc(identityDoc(3000 + r), e) }] : [],
          AttachedManagedPolicies:
            r === 0
              ? [{ PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }]
              : r % 3 === 0
                ? [{ PolicyName: `policy-${a}-${r % policies}`, PolicyArn: policyArn(r % policies) }]
                : [],
          ...(r % 6 === 5
            ? { PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: policyArn(r % policies) } }
            : {}),
          Tags: r % 3 === 0 ? [{ Key: 'env', Value: r % 2 === 0 ? 'prod' : 'dev' }] : [],
          RoleLastUsed: r % 2 === 0 ? { LastUsedDate: date, Region: 'us-east-1' } : {},
        }),
      });
    }
    // pages: AWS returns the lists in this order, a page at most pageSize entities long
    const pageCount = Math.max(1, Math.ceil(items.length / pageSize));
    for (let p = 0; p < pageCount; p++) {
      const page: Doc = { UserDetailList: [], GroupDetailList: [], RoleDetailList: [], Policies: [] };
      for (const item of items.slice(p * pageSize, (p + 1) * pageSize)) (page[item.list] as Doc[]).push(item.make(p % 2 === 0));
      page.IsTruncated = p < pageCount - 1;
      if (p < pageCount - 1) page.Marker = `AAEAA${a}x${p}Marker`;
      files.push({ name: `auth-${id}-page${p + 1}.json`, text: JSON.stringify(page, null, 2) });
    }
  }
  files.push({ name: 'organization.json', text: JSON.stringify(organizationBundle(o.accounts), null, 2) });
  const shared = accountId(1 % o.accounts);
  files.push({
    name: 'bucket-shared-reports.json',
    text: JSON.stringify({
      Bucket: 'shared-reports',
      ExpectedBucketOwner: shared,
      Policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'OrgRead',
            Effect: 'Allow',
            Principal: '*',
            Action: 's3:GetObject',
            Resource: 'arn:aws:s3:::shared-reports/*',
            Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
          },
          {
            Sid: 'Admin',
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${mgmt}:role/Admin` },
            Action: 's3:*',
            Resource: ['arn:aws:s3:::shared-reports', 'arn:aws:s3:::shared-reports/*'],
          },
        ],
      }),
    }),
  });
  const keyArn = `arn:aws:kms:us-east-1:${shared}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
  files.push({
    name: 'key-shared.json',
    text: JSON.stringify({
      KeyId: keyArn,
      PolicyName: 'default',
      Policy: JSON.stringify({
        Version: '2012-10-17',
        Id: 'key-default-1',
        Statement: [
          {
            Sid: 'Enable IAM User Permissions',
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${shared}:root` },
            Action: 'kms:*',
            Resource: '*',
          },
          {
            Sid: 'Allow use of the key',
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${shared}:role/Admin` },
            Action: ['kms:Encrypt', 'kms:Decrypt'],
            Resource: '*',
          },
        ],
      }),
    }),
  });
  return files;
}

/** Root → Workloads (→ Prod, Dev) and Sandbox; the management account at the root; SCPs and an RCP. */
function organizationBundle(accounts: number): Doc {
  const org = 'o-a1b2c3d4e5';
  const mgmt = accountId(0);
  const root = 'r-a1b2';
  const ou = (name: string, n: number) => ({
    Id: `ou-a1b2-${String(n).padStart(8, '0')}`,
    Arn: `arn:aws:organizations::${mgmt}:ou/${org}/ou-a1b2-${String(n).padStart(8, '0')}`,
    Name: name,
  });
  const workloads = ou('Workloads', 11111111);
  const sandbox = ou('Sandbox', 22222222);
  const prod = ou('Prod', 33333333);
  const dev = ou('Dev', 44444444);
  const acct = (a: number) => ({
    Id: accountId(a),
    Arn: `arn:aws:organizations::${mgmt}:account/${org}/${accountId(a)}`,
    Email: `aws+${a}@example.com`,
    Name: a === 0 ? 'Management' : a === 1 ? 'Shared Services' : `workload ${a}`,
    Status: 'ACTIVE',
    JoinedMethod: a === 0 ? 'CREATED' : 'INVITED',
    JoinedTimestamp: '2024-01-01T00:00:00+00:00',
  });
  const parents: Record<string, number[]> = { [root]: [], [prod.Id]: [], [dev.Id]: [], [sandbox.Id]: [] };
  for (let a = 0; a < accounts; a++) {
    const where = a <= 1 ? root : a % 3 === 0 ? prod.Id : a % 3 === 1 ? dev.Id : sandbox.Id;
    parents[where]!.push(a);
  }
  const policy = (id: string, name: string, type: string, awsManaged: boolean, content: Doc) => ({
    Policy: {
      PolicySummary: {
        Id: id,
        Arn: `arn:aws:organizations::${awsManaged ? 'aws' : mgmt}:policy/${awsManaged ? '' : org + '/'}${type.toLowerCase()}/${id}`,
        Name: name,
        Description: name,
        Type: type,
        AwsManaged: awsManaged,
      },
      Content: JSON.stringify(content),
    },
  });
  const target = (id: string, name: string, type: string) => ({
    TargetId: id,
    Arn: `arn:aws:organizations::${mgmt}:${type.toLowerCase()}/${org}/${id}`,
    Name: name,
    Type: type,
  });
  const allTargets = [
    target(root, 'Root', 'ROOT'),
    ...[workloads, sandbox, prod, dev].map((x) => target(x.Id, x.Name, 'ORGANIZATIONAL_UNIT')),
  ];
  const sandboxAccounts = parents[sandbox.Id]!;
  // FullAWSAccess is detached from the first sandbox account, which runs on an allow list
  const allowListed = sandboxAccounts[0];
  for (let a = 0; a < accounts; a++) if (a !== allowListed) allTargets.push(target(accountId(a), acct(a).Name, 'ACCOUNT'));
  return {
    ListRoots: {
      Roots: [
        {
          Id: root,
          Arn: `arn:aws:organizations::${mgmt}:root/${org}/${root}`,
          Name: 'Root',
          PolicyTypes: [
            { Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' },
            { Type: 'RESOURCE_CONTROL_POLICY', Status: 'ENABLED' },
          ],
        },
      ],
    },
    ListOrganizationalUnitsForParent: {
      [root]: { OrganizationalUnits: [workloads, sandbox] },
      [workloads.Id]: { OrganizationalUnits: [prod, dev] },
      [prod.Id]: { OrganizationalUnits: [] },
      [dev.Id]: { OrganizationalUnits: [] },
      [sandbox.Id]: { OrganizationalUnits: [] },
    },
    ListAccountsForParent: Object.fromEntries(
      Object.entries(parents)
        .map(([p, as]) => [p, { Accounts: as.map(acct) }])
        .concat([[workloads.Id, { Accounts: [] }]]),
    ),
    ListPolicies: {
      SERVICE_CONTROL_POLICY: { Policies: [] },
    },
    DescribePolicy: {
      'p-FullAWSAccess': policy('p-FullAWSAccess', 'FullAWSAccess', 'SERVICE_CONTROL_POLICY', true, FULL_AWS_ACCESS),
      'p-RCPFullAWSAccess': policy('p-RCPFullAWSAccess', 'RCPFullAWSAccess', 'RESOURCE_CONTROL_POLICY', true, RCP_FULL_AWS_ACCESS),
      'p-denyleave1': policy('p-denyleave1', 'DenyLeaving', 'SERVICE_CONTROL_POLICY', false, {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }],
      }),
      'p-region0001': policy('p-region0001', 'Region Lock', 'SERVICE_CONTROL_POLICY', false, {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'OnlyUsEast1',
            Effect: 'Deny',
            NotAction: ['iam:*', 'sts:*', 'organizations:*'],
            Resource: '*',
            Condition: { StringNotEquals: { 'aws:RequestedRegion': 'us-east-1' } },
          },
        ],
      }),
      'p-allowlst1': policy('p-allowlst1', 'SandboxAllowList', 'SERVICE_CONTROL_POLICY', false, {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: ['s3:*', 'ec2:Describe*', 'sts:AssumeRole'], Resource: '*' }],
      }),
      'p-orgonly01': policy('p-orgonly01', 'OrgOnlyS3', 'RESOURCE_CONTROL_POLICY', false, {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Deny',
            Principal: '*',
            Action: 's3:*',
            Resource: '*',
            Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': org }, BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' } },
          },
        ],
      }),
    },
    ListTargetsForPolicy: {
      'p-FullAWSAccess': { Targets: allTargets },
      'p-RCPFullAWSAccess': {
        Targets: allTargets.concat(allowListed === undefined ? [] : [target(accountId(allowListed), acct(allowListed).Name, 'ACCOUNT')]),
      },
      'p-denyleave1': { Targets: [target(root, 'Root', 'ROOT')] },
      'p-region0001': {
        Targets: [target(workloads.Id, 'Workloads', 'ORGANIZATIONAL_UNIT'), target(sandbox.Id, 'Sandbox', 'ORGANIZATIONAL_UNIT')],
      },
      'p-allowlst1': { Targets: allowListed === undefined ? [] : [target(accountId(allowListed), acct(allowListed).Name, 'ACCOUNT')] },
      'p-orgonly01': { Targets: [target(root, 'Root', 'ROOT')] },
    },
  };
}
