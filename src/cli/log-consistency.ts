// Checks that go beyond each event's shape: a log whose events are each well-formed can still not
// hold together, typically after an edit by hand: a second ScenarioStarted, a policy attached to a
// user that no event created, an SCP attached before the organization exists. Every name an event
// refers to must have been declared by an earlier event, as it was when the engine wrote the log.
import type { LoggedEvent } from '../engine/events.js';
import { joinOr } from '../errors.js';
import { valueAt } from './log-words.js';

export interface Inconsistency {
  readonly index: number; // 0-based, among the events
  readonly path: readonly (string | number)[];
  readonly text: string;
}

type Kind =
  | 'account'
  | 'user'
  | 'group'
  | 'role'
  | 'policy'
  | 'policy version'
  | 'instance profile'
  | 'access key'
  | 'resource'
  | 'organization'
  | 'org policy'
  | 'org parent'
  | 'cluster'
  | 'pod'
  | 'function'
  | 'instance'
  | 'task definition'
  | 'task'
  | 'identity center';

/** What an event declares, by kind (read from its data). */
const DECLARES: Partial<Record<LoggedEvent['type'], (d: never) => [Kind, string][]>> = {
  AccountCreated: (d: { id: string }) => [['account', d.id]],
  UserCreated: (d: { arn: string }) => [['user', d.arn]],
  GroupCreated: (d: { arn: string }) => [['group', d.arn]],
  RoleCreated: (d: { arn: string }) => [['role', d.arn]],
  PolicyCreated: (d: { arn: string; version?: string }) => [
    ['policy', d.arn],
    ['policy version', `${d.arn} ${d.version ?? 'v1'}`],
  ],
  PolicyVersionCreated: (d: { policy: string; versionId: string }) => [['policy version', `${d.policy} ${d.versionId}`]],
  InstanceProfileCreated: (d: { arn: string }) => [['instance profile', d.arn]],
  AccessKeyCreated: (d: { accessKeyId: string }) => [['access key', d.accessKeyId]],
  BucketCreated: (d: { arn: string }) => [['resource', d.arn]],
  KeyCreated: (d: { arn: string }) => [['resource', d.arn]],
  VpcEndpointCreated: (d: { arn: string }) => [['resource', d.arn]],
  ResourceRegistered: (d: { arn: string }) => [['resource', d.arn]],
  OrganizationCreated: (d: { id: string; rootId: string }) => [
    ['organization', d.id],
    ['org parent', d.rootId],
  ],
  OrganizationPolicyCreated: (d: { id: string }) => [['org policy', d.id]],
  OrganizationalUnitCreated: (d: { id: string }) => [['org parent', d.id]],
  ClusterCreated: (d: { cluster: { arn: string } }) => [['cluster', d.cluster.arn]],
  PodAdmitted: (d: { pod: { key: string } }) => [['pod', d.pod.key]],
  FunctionCreated: (d: { function: { arn: string } }) => [['function', d.function.arn]],
  InstanceLaunched: (d: { instance: { arn: string } }) => [['instance', d.instance.arn]],
  TaskDefinitionRegistered: (d: { taskDefinition: { arn: string } }) => [['task definition', d.taskDefinition.arn]],
  TaskStarted: (d: { task: { arn: string } }) => [['task', d.task.arn]],
  IdentityCenterEnabled: (d: { instance: { arn: string } }) => [['identity center', d.instance.arn]],
};

/** What an event deletes: later events may not name it (until an event creates it again). */
const DELETES: Partial<Record<LoggedEvent['type'], (d: never) => [Kind, string][]>> = {
  UserDeleted: (d: { arn: string }) => [['user', d.arn]],
  GroupDeleted: (d: { arn: string }) => [['group', d.arn]],
  RoleDeleted: (d: { arn: string }) => [['role', d.arn]],
  PolicyDeleted: (d: { arn: string }) => [['policy', d.arn]],
  InstanceProfileDeleted: (d: { arn: string }) => [['instance profile', d.arn]],
  AccessKeyDeleted: (d: { accessKeyId: string }) => [['access key', d.accessKeyId]],
  PolicyVersionDeleted: (d: { policy: string; versionId: string }) => [['policy version', `${d.policy} ${d.versionId}`]],
};

/** The fields of an event that name something declared before it, and what they may name. */
const REFERS: Partial<Record<LoggedEvent['type'], readonly (readonly [readonly string[], readonly Kind[]])[]>> = {
  InlinePolicyPut: [[['entity'], ['user', 'group', 'role']]],
  PolicyAttached: [
    [['entity'], ['user', 'group', 'role']],
    [['policy'], ['policy']],
  ],
  PermissionsBoundarySet: [[['entity'], ['user', 'role']]],
  UserDeleted: [[['arn'], ['user']]],
  GroupDeleted: [[['arn'], ['group']]],
  RoleDeleted: [[['arn'], ['role']]],
  PolicyDeleted: [[['arn'], ['policy']]],
  InstanceProfileDeleted: [[['arn'], ['instance profile']]],
  UserRemovedFromGroup: [
    [['user'], ['user']],
    [['group'], ['group']],
  ],
  InlinePolicyDeleted: [[['entity'], ['user', 'group', 'role']]],
  PolicyDetached: [[['entity'], ['user', 'group', 'role']]],
  PermissionsBoundaryDeleted: [[['entity'], ['user', 'role']]],
  EntityUntagged: [[['entity'], ['user', 'role', 'instance profile']]],
  TrustPolicyUpdated: [[['role'], ['role']]],
  PolicyVersionCreated: [[['policy'], ['policy']]],
  DefaultPolicyVersionSet: [[['policy'], ['policy']]],
  PolicyVersionDeleted: [[['policy'], ['policy']]],
  AccessKeyStatusChanged: [[['accessKeyId'], ['access key']]],
  AccessKeyDeleted: [[['accessKeyId'], ['access key']]],
  LoginProfileCreated: [[['user'], ['user']]],
  LoginProfileUpdated: [[['user'], ['user']]],
  LoginProfileDeleted: [[['user'], ['user']]],
  RoleAddedToInstanceProfile: [
    [['profile'], ['instance profile']],
    [['role'], ['role']],
  ],
  RoleRemovedFromInstanceProfile: [
    [['profile'], ['instance profile']],
    [['role'], ['role']],
  ],
  UserAddedToGroup: [
    [['user'], ['user']],
    [['group'], ['group']],
  ],
  EntityTagged: [[['entity'], ['user', 'role', 'instance profile', 'policy']]],
  AccessKeyCreated: [[['user'], ['user']]],
  MfaDeviceEnabled: [[['user'], ['user']]],
  RoleAssumed: [[['session', 'roleArn'], ['role']]],
  RoleAssumedWithWebIdentity: [[['session', 'roleArn'], ['role']]],
  RoleAssumedWithSAML: [[['session', 'roleArn'], ['role']]],
  ResourcePolicyPut: [[['arn'], ['resource']]],
  ResourcePolicyDeleted: [[['arn'], ['resource']]],
  ResourceTagged: [[['arn'], ['resource']]],
  OrganizationalUnitCreated: [[['parent'], ['org parent']]],
  AccountJoinedOrganization: [[['parent'], ['org parent']]],
  OrganizationPolicyAttached: [
    [['policy'], ['org policy']],
    [['target'], ['org parent', 'account']],
  ],
  OrganizationPolicyDetached: [
    [['policy'], ['org policy']],
    [['target'], ['org parent', 'account']],
  ],
  NamespaceCreated: [[['cluster'], ['cluster']]],
  ServiceAccountCreated: [[['serviceAccount', 'cluster'], ['cluster']]],
  PodIdentityAssociationCreated: [[['association', 'cluster'], ['cluster']]],
  PodAdmitted: [[['pod', 'cluster'], ['cluster']]],
  CredentialChainResolved: [[['pod'], ['pod']]],
  CredentialChainFailed: [[['pod'], ['pod']]],
  PodIdentityTokenExchanged: [[['pod'], ['pod']]],
  PodIdentityTokenRefused: [[['pod'], ['pod']]],
  PodCredentialsObtained: [[['pod'], ['pod']]],
  FunctionCreated: [[['function', 'account'], ['account']]],
  FunctionUpdated: [[['arn'], ['function']]],
  InstanceLaunched: [[['instance', 'account'], ['account']]],
  InstanceProfileAssociated: [[['instance'], ['instance']]],
  TaskDefinitionRegistered: [[['taskDefinition', 'account'], ['account']]],
  TaskStarted: [
    [['task', 'account'], ['account']],
    [['task', 'taskDefinition'], ['task definition']],
  ],
  IdentityCenterEnabled: [[['instance', 'account'], ['account']]],
  AccountAssignmentCreated: [[['assignment', 'account'], ['account']]],
  PermissionSetProvisioned: [[['role', 'account'], ['account']]],
};

/** IAM Identity Center's events that need its instance (an IdentityCenterEnabled event first). */
const SSO_EVENTS = new Set(['AccountAssignmentCreated', 'PermissionSetProvisioned']);

const ORG_EVENTS = new Set([
  'OrganizationPolicyCreated',
  'OrganizationalUnitCreated',
  'AccountJoinedOrganization',
  'OrganizationPolicyAttached',
  'OrganizationPolicyDetached',
]);

export function checkConsistency(events: readonly LoggedEvent[]): Inconsistency | null {
  const checker = consistencyChecker();
  for (const [index, e] of events.entries()) {
    const found = checker.add(e, index);
    if (found !== null) return found;
  }
  return null;
}

/** The check of checkConsistency, one event at a time (a log read line by line): what each event adds, and its first problem. */
export function consistencyChecker(): { add(e: LoggedEvent, index: number): Inconsistency | null } {
  const known = new Map<Kind, Set<string>>();
  const has = (kind: Kind, name: string) => known.get(kind)?.has(name) === true;
  return {
    add(e, index) {
      if (index > 0 && e.type === 'ScenarioStarted')
        return { index, path: ['type'], text: 'a log has one ScenarioStarted, its first event' };
      if (ORG_EVENTS.has(e.type) && (known.get('organization')?.size ?? 0) === 0) {
        return { index, path: ['type'], text: 'no organization exists yet (an OrganizationCreated event comes first)' };
      }
      if (SSO_EVENTS.has(e.type) && (known.get('identity center')?.size ?? 0) === 0) {
        return { index, path: ['type'], text: 'no IAM Identity Center instance exists yet (an IdentityCenterEnabled event comes first)' };
      }
      if (e.type === 'IdentityCenterEnabled' && (known.get('identity center')?.size ?? 0) > 0) {
        return { index, path: ['type'], text: 'a second IAM Identity Center instance (a scenario has one, enabled once)' };
      }
      if (e.type === 'OrganizationCreated' && (known.get('organization')?.size ?? 0) > 0) {
        return { index, path: ['type'], text: 'a second organization (a scenario has one, created once)' };
      }
      for (const [path, kinds] of REFERS[e.type] ?? []) {
        const name = valueAt(e.data, path).value as string;
        if (!kinds.some((k) => has(k, name))) {
          return {
            index,
            path: ['data', ...path],
            text: `data.${path.join('.')} names ${JSON.stringify(name)}, and no event before it created that ${joinOr(kinds)}`,
          };
        }
      }
      // the version a policy's default becomes must exist (PolicyVersionCreated names its own)
      if (e.type === 'DefaultPolicyVersionSet' && !has('policy version', `${e.data.policy} ${e.data.versionId}`)) {
        return {
          index,
          path: ['data', 'versionId'],
          text: `data.versionId names ${JSON.stringify(e.data.versionId)}, and no event before it created that version of ${e.data.policy}`,
        };
      }
      if (e.type === 'AccountJoinedOrganization') add(known, 'account', e.data.account);
      const deletes = DELETES[e.type] as ((d: unknown) => [Kind, string][]) | undefined;
      for (const [kind, name] of deletes?.(e.data) ?? []) known.get(kind)?.delete(name);
      const declares = DECLARES[e.type] as ((d: unknown) => [Kind, string][]) | undefined;
      for (const [kind, name] of declares?.(e.data) ?? []) add(known, kind, name);
      return null;
    },
  };
}

function add(known: Map<Kind, Set<string>>, kind: Kind, name: string): void {
  const set = known.get(kind) ?? new Set<string>();
  set.add(name);
  known.set(kind, set);
}
