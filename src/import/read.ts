// The input files of `simulate import`, read into one model: each account's users, groups, roles and
// customer managed policies (from every page of its get-account-authorization-details output), the
// AWS managed policies attached anywhere, the organization, and bucket and key policies.
import { isAwsManagedPolicy } from '../engine/iam/aws-managed.js';
import { isObject } from '../json/is-object.js';
import { checkShape, readDocument, required, validateDocument, type InputDocument } from './check.js';
import { at, importError, type SourceFile, type Where } from './source.js';

export interface Named {
  readonly name: string;
  readonly where: Where;
}
export interface Inline extends Named {
  readonly doc: InputDocument;
}
export interface Principal extends Named {
  readonly arn: string;
  readonly path: string;
  readonly inline: Inline[];
  readonly attached: { readonly arn: string; readonly where: Where }[];
  readonly boundary: { readonly arn: string; readonly where: Where } | null;
  readonly tags: Record<string, string>;
}
export interface User extends Principal {
  readonly groups: { readonly name: string; readonly where: Where }[];
}
export type Group = Principal;
export interface Role extends Principal {
  readonly trust: InputDocument;
  readonly instanceProfiles: { readonly name: string; readonly path: string; readonly arn: string }[];
}
export interface ManagedPolicy extends Named {
  readonly arn: string;
  readonly path: string;
  /** the default version's document */
  readonly doc: InputDocument | null;
  /** the default version's id (VersionId), when the input gives it */
  readonly version: string | null;
}
export interface AccountData {
  readonly id: string;
  readonly users: Map<string, User>;
  readonly groups: Map<string, Group>;
  readonly roles: Map<string, Role>;
  /** customer managed policies by ARN */
  readonly policies: Map<string, ManagedPolicy>;
  readonly buckets: { readonly name: string; readonly doc: InputDocument }[];
  readonly keys: { readonly arn: string; readonly doc: InputDocument }[];
  readonly pages: { readonly where: Where; readonly truncated: boolean }[];
}

export interface OrgPolicy {
  readonly id: string;
  readonly name: string;
  readonly type: 'scp' | 'rcp';
  readonly awsManaged: boolean;
  readonly doc: InputDocument;
  readonly targets: string[]; // root, OU and account IDs
}
export interface OrgNode {
  readonly id: string;
  readonly name: string;
  readonly ous: OrgNode[];
  readonly accounts: { readonly id: string; readonly name: string }[];
}
export interface OrganizationData {
  readonly id: string;
  readonly management: string;
  readonly root: OrgNode;
  readonly policies: OrgPolicy[];
  readonly where: Where;
}

export interface ImportModel {
  readonly accounts: Map<string, AccountData>;
  /** AWS managed policies with their documents, by ARN */
  readonly awsManaged: Map<string, ManagedPolicy>;
  organization: OrganizationData | null;
  readonly files: readonly SourceFile[];
}

const IAM_ARN = /^arn:aws[\w-]*:iam::(\d{12}):/;

export function readModel(files: readonly SourceFile[]): ImportModel {
  const model: ImportModel = { accounts: new Map(), awsManaged: new Map(), organization: null, files };
  let lastAccount: string | null = null;
  const resourcePolicies: (() => void)[] = [];
  for (const file of files) {
    const root: Where = { file, path: [] };
    const v = file.value;
    if (!isObject(v)) throw importError(root, 'the file is not a JSON object', { expected: EXPECTED_FILE });
    if ('ListRoots' in v) {
      if (model.organization !== null) throw importError(root, 'a second organization bundle', { expected: 'one organization bundle' });
      checkShape(v, { struct: 'OrganizationBundle' }, root);
      model.organization = readOrganization(v, root);
    } else if ('Bucket' in v || 'KeyId' in v) {
      const kind = 'Bucket' in v ? 'BucketPolicy' : 'KeyPolicy';
      checkShape(v, { struct: kind }, root);
      resourcePolicies.push(() => readResourcePolicy(v, root, kind, model));
    } else if (['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies', 'IsTruncated', 'Marker'].some((k) => k in v)) {
      checkShape(v, { struct: 'GetAccountAuthorizationDetailsResponse' }, root);
      lastAccount = readPage(v, root, model, lastAccount);
    } else {
      throw importError(root, 'this file is none of the inputs simulate import reads', { expected: EXPECTED_FILE });
    }
  }
  for (const read of resourcePolicies) read();
  for (const account of model.accounts.values()) {
    // every page but the last says IsTruncated; a page that says so with no page after it is a truncated read
    const truncated = account.pages.filter((p) => p.truncated);
    if (truncated.length >= account.pages.length) {
      const last = truncated[truncated.length - 1]!;
      throw importError(
        at(last.where, 'IsTruncated'),
        `account ${account.id}: this page is truncated (IsTruncated: true) and no later page of the account was given`,
        {
          expected:
            'every page: call get-account-authorization-details again with --starting-token/Marker until IsTruncated is false, and give every page',
        },
      );
    }
  }
  return model;
}

const EXPECTED_FILE =
  'the output of aws iam get-account-authorization-details (UserDetailList, GroupDetailList, RoleDetailList, Policies), an organization bundle (ListRoots …), or a bucket or key policy wrapper (Bucket/KeyId and Policy)';

function account(model: ImportModel, id: string): AccountData {
  let a = model.accounts.get(id);
  if (!a) {
    a = { id, users: new Map(), groups: new Map(), roles: new Map(), policies: new Map(), buckets: [], keys: [], pages: [] };
    model.accounts.set(id, a);
  }
  return a;
}

/** The account a page belongs to: read from the ARNs in it; a page without one continues the previous file's account. */
function pageAccount(v: Record<string, unknown>, root: Where, previous: string | null): string {
  const ids = new Set<string>();
  for (const listName of ['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies']) {
    const list = v[listName];
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      const arn = isObject(item) && typeof item.Arn === 'string' ? item.Arn : '';
      const m = IAM_ARN.exec(arn);
      if (m) ids.add(m[1]!);
    }
  }
  if (ids.size > 1) {
    throw importError(root, `this page holds entities of several accounts (${[...ids].join(', ')})`, {
      expected: 'one account per get-account-authorization-details output',
    });
  }
  const id = [...ids][0] ?? previous;
  if (id === undefined || id === null) {
    throw importError(root, 'no ARN in this page names its account', {
      expected: 'a page with at least one user, group, role or customer managed policy, or after another page of the same account',
    });
  }
  return id;
}

function readPage(v: Record<string, unknown>, root: Where, model: ImportModel, previous: string | null): string {
  const id = pageAccount(v, root, previous);
  const acc = account(model, id);
  acc.pages.push({ where: root, truncated: v.IsTruncated === true });
  const list = (name: string) =>
    (Array.isArray(v[name]) ? (v[name] as unknown[]) : []).map((item, i) => ({
      item: item as Record<string, unknown>,
      where: at(root, name, i),
    }));

  for (const { item, where } of list('Policies')) {
    const arn = required(item, 'Arn', where, 'ManagedPolicyDetail');
    const name = required(item, 'PolicyName', where, 'ManagedPolicyDetail');
    const versions = Array.isArray(item.PolicyVersionList) ? (item.PolicyVersionList as Record<string, unknown>[]) : [];
    const defaultIndex = versions.findIndex(
      (x) =>
        x.IsDefaultVersion === true ||
        (item.DefaultVersionId !== undefined && x.VersionId === item.DefaultVersionId && x.IsDefaultVersion !== false),
    );
    const aws = isAwsManagedPolicy(arn);
    const label = `${aws ? 'AWS' : 'customer'} managed policy ${name}`;
    let doc: InputDocument | null = null;
    if (defaultIndex >= 0) {
      const vw = at(where, 'PolicyVersionList', defaultIndex, 'Document');
      doc = readDocument(versions[defaultIndex]!.Document, vw, label);
      validateDocument(doc, 'managed', label);
    } else if (!aws) {
      throw importError(at(where, 'PolicyVersionList'), `${label}: no default version (IsDefaultVersion: true) in PolicyVersionList`, {
        expected: 'the policy with its versions, as get-account-authorization-details returns it',
      });
    }
    const m = IAM_ARN.exec(arn);
    if (!aws && m && m[1] !== id) throw importError(at(where, 'Arn'), `policy ${arn} is not of account ${id}, whose page this is`);
    const path = typeof item.Path === 'string' ? item.Path : '/';
    const versionId = defaultIndex >= 0 ? versions[defaultIndex]!.VersionId : undefined;
    const version = typeof versionId === 'string' && /^v[1-9][0-9]{0,8}$/.test(versionId) ? versionId : null;
    const policy: ManagedPolicy = { name, arn, path, doc, version, where };
    if (aws) {
      if (!model.awsManaged.has(arn) || doc !== null) model.awsManaged.set(arn, policy);
    } else acc.policies.set(arn, policy);
  }

  const principal = (item: Record<string, unknown>, where: Where, kind: 'user' | 'group' | 'role'): Principal => {
    const struct = kind === 'user' ? 'UserDetail' : kind === 'group' ? 'GroupDetail' : 'RoleDetail';
    const name = required(item, kind === 'user' ? 'UserName' : kind === 'group' ? 'GroupName' : 'RoleName', where, struct);
    const arn = required(item, 'Arn', where, struct);
    const m = IAM_ARN.exec(arn);
    if (!m || m[1] !== id) throw importError(at(where, 'Arn'), `${kind} ${name}: ${arn} is not an IAM ARN of account ${id}`);
    const listName = kind === 'user' ? 'UserPolicyList' : kind === 'group' ? 'GroupPolicyList' : 'RolePolicyList';
    const inline = ((item[listName] as Record<string, unknown>[] | undefined) ?? []).map((p, i) => {
      const w = at(where, listName, i);
      const pname = required(p, 'PolicyName', w, 'PolicyDetail');
      const label = `inline policy ${pname} of ${kind} ${name}`;
      const doc = readDocument(p.PolicyDocument, at(w, 'PolicyDocument'), label);
      validateDocument(doc, 'identity', label);
      return { name: pname, where: w, doc };
    });
    const attached = ((item.AttachedManagedPolicies as Record<string, unknown>[] | undefined) ?? []).map((p, i) => ({
      arn: required(p, 'PolicyArn', at(where, 'AttachedManagedPolicies', i), 'AttachedPolicy'),
      where: at(where, 'AttachedManagedPolicies', i, 'PolicyArn'),
    }));
    const b = item.PermissionsBoundary as Record<string, unknown> | undefined;
    const boundary = b
      ? {
          arn: required(b, 'PermissionsBoundaryArn', at(where, 'PermissionsBoundary'), 'AttachedPermissionsBoundary'),
          where: at(where, 'PermissionsBoundary', 'PermissionsBoundaryArn'),
        }
      : null;
    const tags: Record<string, string> = {};
    for (const t of (item.Tags as { Key?: string; Value?: string }[] | undefined) ?? []) tags[t.Key ?? ''] = t.Value ?? '';
    const path = typeof item.Path === 'string' ? item.Path : '/';
    return { name, arn, path, inline, attached, boundary, tags, where };
  };
  const unique = <T extends Named>(map: Map<string, T>, value: T, kind: string) => {
    const key = value.name.toLowerCase();
    const earlier = map.get(key);
    if (earlier && earlier.where.file !== value.where.file) {
      // the same entity on two pages (a re-run): the later read wins
    } else if (earlier) throw importError(value.where, `${kind} ${value.name} appears twice in account ${id}`);
    map.set(key, value);
  };
  for (const { item, where } of list('GroupDetailList')) unique(acc.groups, principal(item, where, 'group'), 'group');
  for (const { item, where } of list('UserDetailList')) {
    const p = principal(item, where, 'user');
    const groups = ((item.GroupList as string[] | undefined) ?? []).map((g, i) => ({ name: g, where: at(where, 'GroupList', i) }));
    unique(acc.users, { ...p, groups }, 'user');
  }
  for (const { item, where } of list('RoleDetailList')) {
    const p = principal(item, where, 'role');
    if (item.AssumeRolePolicyDocument === undefined)
      throw importError(where, `role ${p.name} has no AssumeRolePolicyDocument`, { expected: "the role's trust policy: IAM requires one" });
    const label = `trust policy of role ${p.name}`;
    const trust = readDocument(item.AssumeRolePolicyDocument, at(where, 'AssumeRolePolicyDocument'), label);
    validateDocument(trust, 'trust', label);
    const instanceProfiles = ((item.InstanceProfileList as Record<string, unknown>[] | undefined) ?? []).map((ip, i) => ({
      name: required(ip, 'InstanceProfileName', at(where, 'InstanceProfileList', i), 'InstanceProfile'),
      path: typeof ip.Path === 'string' ? ip.Path : '/',
      arn: typeof ip.Arn === 'string' ? ip.Arn : '',
    }));
    unique(acc.roles, { ...p, trust, instanceProfiles }, 'role');
  }
  return id;
}

function readResourcePolicy(v: Record<string, unknown>, root: Where, kind: 'BucketPolicy' | 'KeyPolicy', model: ImportModel): void {
  if (kind === 'BucketPolicy') {
    const bucket = required(v, 'Bucket', root, kind);
    const owner = required(v, 'ExpectedBucketOwner', root, kind);
    if (!/^\d{12}$/.test(owner))
      throw importError(at(root, 'ExpectedBucketOwner'), `ExpectedBucketOwner ${owner} is not an account ID`, {
        expected: '12 digits: the account that owns the bucket',
      });
    const label = `bucket policy of ${bucket}`;
    const doc = readDocument(v.Policy, at(root, 'Policy'), label);
    validateDocument(doc, 'resource', label);
    account(model, owner).buckets.push({ name: bucket, doc });
  } else {
    const arn = required(v, 'KeyId', root, kind);
    const m = /^arn:aws[\w-]*:kms:[a-z0-9-]+:(\d{12}):key\/[\w-]+$/.exec(arn);
    if (!m)
      throw importError(at(root, 'KeyId'), `KeyId ${arn} is not a key ARN`, {
        expected: "the key's ARN, arn:aws:kms:REGION:ACCOUNT:key/KEY-ID: it names the key's account and Region",
      });
    const label = `key policy of ${arn}`;
    const doc = readDocument(v.Policy, at(root, 'Policy'), label);
    validateDocument(doc, 'resource', label);
    account(model, m[1]!).keys.push({ arn, doc });
  }
}

function readOrganization(v: Record<string, unknown>, root: Where): OrganizationData {
  const roots = ((v.ListRoots as Record<string, unknown>).Roots as Record<string, unknown>[] | undefined) ?? [];
  const r = roots[0];
  if (!r) throw importError(at(root, 'ListRoots'), 'ListRoots holds no root', { expected: 'the output of aws organizations list-roots' });
  const rootArn = required(r, 'Arn', at(root, 'ListRoots', 'Roots', 0), 'Root');
  const m = /^arn:aws[\w-]*:organizations::(\d{12}):root\/(o-[a-z0-9]+)\/(r-[a-z0-9]+)$/.exec(rootArn);
  if (!m)
    throw importError(at(root, 'ListRoots', 'Roots', 0, 'Arn'), `${rootArn} is not the ARN of an organization's root`, {
      expected: 'arn:aws:organizations::MANAGEMENT-ACCOUNT:root/o-…/r-…',
    });
  const [, management, orgId, rootId] = m as unknown as [string, string, string, string];
  const ousOf = (v.ListOrganizationalUnitsForParent ?? {}) as Record<string, { OrganizationalUnits?: Record<string, unknown>[] }>;
  const accountsOf = (v.ListAccountsForParent ?? {}) as Record<string, { Accounts?: Record<string, unknown>[] }>;
  const seen = new Set<string>();
  const node = (id: string, name: string, depth: number): OrgNode => {
    if (seen.has(id))
      throw importError(at(root, 'ListOrganizationalUnitsForParent', id), `${id} is reached twice in the organization tree`);
    seen.add(id);
    const ous = (ousOf[id]?.OrganizationalUnits ?? []).map((ou, i) => {
      const w = at(root, 'ListOrganizationalUnitsForParent', id, 'OrganizationalUnits', i);
      return node(required(ou, 'Id', w, 'OrganizationalUnit'), required(ou, 'Name', w, 'OrganizationalUnit'), depth + 1);
    });
    const accounts = (accountsOf[id]?.Accounts ?? []).map((a, i) => {
      const w = at(root, 'ListAccountsForParent', id, 'Accounts', i);
      const aid = required(a, 'Id', w, 'Account');
      if (!/^\d{12}$/.test(aid)) throw importError(at(w, 'Id'), `account ID ${aid} is not 12 digits`);
      return { id: aid, name: typeof a.Name === 'string' ? a.Name : '' };
    });
    return { id, name, ous, accounts };
  };
  const tree = node(rootId, 'Root', 0);
  for (const key of Object.keys(ousOf))
    if (!seen.has(key))
      throw importError(at(root, 'ListOrganizationalUnitsForParent', key), `parent ${key} is not in the organization tree`, {
        key: true,
        expected: "the root's ID or an OU listed under another parent",
      });
  for (const key of Object.keys(accountsOf))
    if (!seen.has(key))
      throw importError(at(root, 'ListAccountsForParent', key), `parent ${key} is not in the organization tree`, {
        key: true,
        expected: "the root's ID or an OU listed under another parent",
      });

  const described = (v.DescribePolicy ?? {}) as Record<string, { Policy?: { PolicySummary?: Record<string, unknown>; Content?: unknown } }>;
  const targetsOf = (v.ListTargetsForPolicy ?? {}) as Record<string, { Targets?: Record<string, unknown>[] }>;
  const policies: OrgPolicy[] = [];
  for (const [pid, out] of Object.entries(described)) {
    const w = at(root, 'DescribePolicy', pid, 'Policy');
    const summary = out.Policy?.PolicySummary;
    if (!summary)
      throw importError(w, `policy ${pid} has no PolicySummary`, { expected: 'the output of aws organizations describe-policy' });
    const type = summary.Type === 'SERVICE_CONTROL_POLICY' ? 'scp' : summary.Type === 'RESOURCE_CONTROL_POLICY' ? 'rcp' : null;
    if (type === null) continue; // tag, backup … policies do not take part in authorization
    const name = required(summary, 'Name', at(w, 'PolicySummary'), 'PolicySummary');
    const label = `${type.toUpperCase()} ${name}`;
    const doc = readDocument(out.Policy?.Content, at(w, 'Content'), label);
    validateDocument(doc, type, label);
    const targets = (targetsOf[pid]?.Targets ?? []).map((t, i) => {
      const tid = required(t, 'TargetId', at(root, 'ListTargetsForPolicy', pid, 'Targets', i), 'PolicyTargetSummary');
      if (!seen.has(tid) && !/^\d{12}$/.test(tid))
        throw importError(at(root, 'ListTargetsForPolicy', pid, 'Targets', i, 'TargetId'), `target ${tid} is not in the organization tree`);
      return tid;
    });
    policies.push({ id: pid, name, type, awsManaged: summary.AwsManaged === true, doc, targets });
  }
  for (const key of Object.keys(targetsOf))
    if (!(key in described))
      throw importError(at(root, 'ListTargetsForPolicy', key), `policy ${key} has targets but no DescribePolicy output`, {
        key: true,
        expected: `"DescribePolicy": { "${key}": <the output of aws organizations describe-policy --policy-id ${key}> }`,
      });
  return { id: orgId, management, root: tree, policies, where: root };
}
