// Builders for the world: scenario settings, accounts and what they hold, EKS and OIDC.

import type {
  AccountDecl,
  AccountMember,
  AttachDecl,
  AwsManagedPolicyDecl,
  BoundaryDecl,
  BucketDecl,
  KmsAliasDecl,
  KmsKeyDecl,
  VpcEndpointDecl,
  VpcEndpointField,
  WorkloadDecl,
  WorkloadField,
  ClusterDecl,
  Entry,
  GroupDecl,
  InlineDecl,
  ManagedPolicyDecl,
  NamespaceDecl,
  OidcIssuerDecl,
  SamlIdpDecl,
  SamlProviderDecl,
  OidcProviderDecl,
  OidcProviderForCluster,
  PathDecl,
  PodDecl,
  PodIdentityDecl,
  PolicyBody,
  Ref,
  ResourceDecl,
  ResourceItem,
  ResourcePolicyDecl,
  RoleDecl,
  RoleMember,
  ServiceAccountDecl,
  TagsDecl,
  Text,
  UserDecl,
  UserMember,
  WorldItem,
} from './ast.js';
import { type Cons, loc, toArray } from './build.js';
import type { Token } from './token.js';

type Members<T> = Cons<T> | null;
type Setting = 'ScenarioTitle' | 'Description' | 'Clock' | 'Region' | 'Wait';
const SETTINGS: ReadonlyMap<string, Setting> = new Map([
  ['scenario', 'ScenarioTitle'],
  ['description', 'Description'],
  ['clock', 'Clock'],
  ['region', 'Region'],
  ['wait', 'Wait'],
]);

/** `scenario "t"`, `description """…"""`, `clock ISO`, `region NAME`, `wait 1h` */
export function setting(keyword: Token, value: Text): WorldItem {
  const at = loc(keyword);
  const kind = SETTINGS.get(keyword.text);
  switch (kind) {
    case 'ScenarioTitle':
      return { kind, title: value, loc: at };
    case 'Description':
      return { kind, text: value, loc: at };
    case 'Clock':
      return { kind, time: value, loc: at };
    case 'Region':
      return { kind, name: value, loc: at };
    case 'Wait':
      return { kind, duration: value, loc: at };
    case undefined:
      throw new Error(`the grammar gave setting() the keyword ${keyword.text}`);
  }
}

export function account(keyword: Token, name: Text, id: Text, members: Members<AccountMember>): AccountDecl {
  return { kind: 'Account', name, id, members: toArray(members), loc: loc(keyword) };
}

export function user(keyword: Token, name: Text, members: Members<UserMember>): UserDecl {
  return { kind: 'User', name, members: toArray(members), loc: loc(keyword) };
}

export function groups(keyword: Token, list: Cons<Text | Ref>): UserMember {
  return { kind: 'Groups', groups: toArray(list), loc: loc(keyword) };
}

export function mfaDevice(keyword: Token, name: Text, code: Text | null): UserMember {
  return { kind: 'MfaDevice', name, code, loc: loc(keyword) };
}

export function accessKey(keyword: Token): UserMember {
  return { kind: 'AccessKey', loc: loc(keyword) };
}

type GroupMember = GroupDecl['members'][number];

export function group(keyword: Token, name: Text, members: Members<GroupMember>): GroupDecl {
  return { kind: 'Group', name, members: toArray(members), loc: loc(keyword) };
}

export function role(keyword: Token, name: Text, members: Members<RoleMember>): RoleDecl {
  return { kind: 'Role', name, members: toArray(members), loc: loc(keyword) };
}

export function maxSessionDuration(keyword: Token, duration: Text): RoleMember {
  return { kind: 'MaxSessionDuration', duration, loc: loc(keyword) };
}

export function trust(keyword: Token, body: PolicyBody): RoleMember {
  return { kind: 'Trust', body, loc: loc(keyword) };
}

export function roleDescription(keyword: Token, text: Text): RoleMember {
  return { kind: 'Description', text, loc: loc(keyword) };
}

export function inline(keyword: Token, name: Text, body: PolicyBody): InlineDecl {
  return { kind: 'Inline', name, body, loc: loc(keyword) };
}

export function attach(keyword: Token, list: Cons<ResourceItem>): AttachDecl {
  return { kind: 'Attach', policies: toArray(list), loc: loc(keyword) };
}

export function boundary(keyword: Token, policy: ResourceItem): BoundaryDecl {
  return { kind: 'Boundary', policy, loc: loc(keyword) };
}

export function tags(keyword: Token, entries: readonly Entry[]): TagsDecl {
  return { kind: 'Tags', entries, loc: loc(keyword) };
}

export function path(keyword: Token, value: Text): PathDecl {
  return { kind: 'Path', path: value, loc: loc(keyword) };
}

/** A managed policy's `path` and `version`, each null when absent. */
type PolicyPlace = readonly [Text | null, Text | null];

export function managedPolicy(keyword: Token, name: Text, place: PolicyPlace, body: PolicyBody): ManagedPolicyDecl {
  return { kind: 'ManagedPolicy', name, path: place[0], version: place[1], body, loc: loc(keyword) };
}

export function awsManagedPolicy(keyword: Token, name: Text, place: PolicyPlace, body: PolicyBody): AwsManagedPolicyDecl {
  return { kind: 'AwsManagedPolicy', name, path: place[0], version: place[1], body, loc: loc(keyword) };
}

type ResourceMember = ResourcePolicyDecl | TagsDecl;

export function bucket(keyword: Token, name: Text, members: Members<ResourceMember>): BucketDecl {
  return { kind: 'Bucket', name, members: toArray(members), loc: loc(keyword) };
}

export function resource(keyword: Token, arn: Text, members: Members<ResourceMember>): ResourceDecl {
  return { kind: 'Resource', arn, members: toArray(members), loc: loc(keyword) };
}

export function kmsKey(keyword: Token, name: Text, members: Members<KmsKeyMember>): KmsKeyDecl {
  return { kind: 'KmsKey', name, members: toArray(members), loc: loc(keyword) };
}

export function kmsAlias(keyword: Token, name: Text): KmsAliasDecl {
  return { kind: 'KmsAlias', name, loc: loc(keyword) };
}

type KmsKeyMember = KmsKeyDecl['members'][number];

export function vpcEndpoint(keyword: Token, name: Text, members: Members<VpcEndpointDecl['members'][number]>): VpcEndpointDecl {
  return { kind: 'VpcEndpoint', name, members: toArray(members), loc: loc(keyword) };
}

export function vpcEndpointField(keyword: Token, value: Text): VpcEndpointField {
  const field = keyword.value === 'id' ? 'id' : keyword.value === 'vpc' ? 'vpc' : 'service';
  return { kind: 'VpcEndpointField', field, value, loc: loc(keyword) };
}

export function resourcePolicy(keyword: Token, body: PolicyBody): ResourcePolicyDecl {
  return { kind: 'ResourcePolicy', body, loc: loc(keyword) };
}

type ClusterMember = ClusterDecl['members'][number];

export function cluster(keyword: Token, name: Text, members: Members<ClusterMember>): ClusterDecl {
  return { kind: 'Cluster', name, members: toArray(members), loc: loc(keyword) };
}

export function clusterRegion(keyword: Token, name: Text): ClusterMember {
  return { kind: 'Region', name, loc: loc(keyword) };
}

export function oidcIssuerId(keyword: Token, id: Text): ClusterMember {
  return { kind: 'OidcIssuerId', id, loc: loc(keyword) };
}

type NamespaceMember = NamespaceDecl['members'][number];

export function namespace(keyword: Token, name: Text, members: Members<NamespaceMember>): NamespaceDecl {
  return { kind: 'Namespace', name, members: toArray(members), loc: loc(keyword) };
}

export function serviceAccount(keyword: Token, name: Text, members: Members<Entry | PodIdentityDecl>): ServiceAccountDecl {
  const all = toArray(members);
  const annotations = all.filter((m): m is Entry => m.kind === 'Entry');
  // the last `pod-identity` wins; the resolver refuses a second one
  const podIdentity = all.filter((m): m is PodIdentityDecl => m.kind === 'PodIdentity');
  const base = { kind: 'ServiceAccount' as const, name, annotations, loc: loc(keyword) };
  return podIdentity.length === 0 ? base : { ...base, podIdentity: podIdentity[podIdentity.length - 1]! };
}

export function podIdentity(keyword: Token, role: ResourceItem): PodIdentityDecl {
  return { kind: 'PodIdentity', role, loc: loc(keyword) };
}

export function pod(keyword: Token, name: Text, serviceAccount: Text | null): PodDecl {
  return { kind: 'Pod', name, serviceAccount, loc: loc(keyword) };
}

type OidcMember = OidcProviderDecl['members'][number];

/** `oidc-provider URL {…}`; for `oidc-provider for cluster NAME` the keyword is the source node. */
export function oidcProvider(
  first: Token | OidcProviderForCluster,
  source: Text | OidcProviderForCluster,
  members: Members<OidcMember>,
): OidcProviderDecl {
  const at = 'kind' in first ? first.loc : loc(first);
  return { kind: 'OidcProvider', source, members: toArray(members), loc: at };
}

export function clientIds(keyword: Token, ids: Cons<Text>): OidcMember {
  return { kind: 'ClientIds', ids: toArray(ids), loc: loc(keyword) };
}

export function thumbprints(keyword: Token, list: Cons<Text>): OidcMember {
  return { kind: 'Thumbprints', thumbprints: toArray(list), loc: loc(keyword) };
}

export function oidcIssuer(keyword: Token, name: Text, url: Text): OidcIssuerDecl {
  return { kind: 'OidcIssuer', name, url, loc: loc(keyword) };
}

/** `instance-profile NAME {…}`, `function NAME {…}`, `instance NAME {…}`: the keyword says which */
export function workload(keyword: Token, name: Text, members: Members<WorkloadDecl['members'][number]>): WorkloadDecl {
  const of = keyword.text === 'function' ? 'function' : keyword.text === 'instance' ? 'instance' : 'instance-profile';
  return { kind: 'Workload', of, name, members: toArray(members), loc: loc(keyword) };
}

export function workloadField(keyword: Token, value: ResourceItem): WorkloadField {
  return { kind: 'WorkloadField', field: keyword.text === 'role' ? 'role' : 'instance-profile', value, loc: loc(keyword) };
}

export function samlUser(keyword: Token, name: Text, attributes: readonly Entry[] | null): SamlIdpDecl['users'][number] {
  return { name, attributes, loc: loc(keyword) };
}

export function samlIdp(keyword: Token, name: Text, entityId: Text, users: Cons<SamlIdpDecl['users'][number]> | null): SamlIdpDecl {
  return { kind: 'SamlIdp', name, entityId, users: toArray(users), loc: loc(keyword) };
}

export function samlProvider(keyword: Token, name: Text, idp: Text): SamlProviderDecl {
  return { kind: 'SamlProvider', name, idp, loc: loc(keyword) };
}
