// The trace is a pure projection of the event log: fold every event into the trace model.
import type { CallRecord } from '../engine/call-record.js';
import type { LoggedEvent } from '../engine/events.js';
import { AWS_POLICY_ACCOUNT } from '../engine/iam/aws-managed.js';
import type { TraceModel, TraceStep, WorldEntity } from './model.js';
import { formatSeconds } from './format.js';
import { projectEks, projectOidc, setCall, stackNote } from './project-eks.js';
import { projectOrganization } from './project-org.js';
import { changeText, isIamChange } from './changes.js';
import { projectServices, serviceChangeText } from './project-services.js';
import { projectSso } from './project-sso.js';

export function project(events: readonly LoggedEvent[]): TraceModel {
  const projection = createProjection();
  for (const event of events) projection.add(event);
  return projection.finish();
}

/** A step, a wait or a refused request of the trace. */
export type TraceItem = TraceModel['items'][number];

/** The projection folding one event at a time (project folds a whole log; a long run streams). */
export interface Projection {
  /** the model so far: its world is complete when the first item starts */
  readonly model: TraceModel;
  add(event: LoggedEvent): void;
  /** the model with its summary */
  finish(): TraceModel;
}

/**
 * The trace's fold. Without `onItem`, the model keeps every item; with it, each item goes to
 * `onItem` once complete (when the next one starts, or at finish) and the model keeps none: the
 * summary is counted as they pass.
 */
export function createProjection(onItem?: (item: TraceItem, model: TraceModel) => void): Projection {
  const model: TraceModel = {
    title: '',
    description: null,
    file: '',
    clock: '',
    region: '',
    accounts: [],
    organization: null,
    issuers: [],
    items: [],
    summary: { steps: 0, expectations: 0, passed: 0, failed: 0 },
  };
  const entities = new Map<string, WorldEntity>();
  const add = (account: string, entity: WorldEntity) => {
    model.accounts.find((a) => a.id === account)?.entities.push(entity);
    entities.set(entity.arn, entity);
  };
  let step: TraceStep | null = null;
  // the last item: events may still add to it
  let open: TraceItem | null = null;
  const counts = { steps: 0, expectations: 0, passed: 0 };
  const close = (item: TraceItem): void => {
    if (item.kind === 'step') {
      counts.steps++;
      for (const passed of checksOf(item)) {
        counts.expectations++;
        if (passed) counts.passed++;
      }
    }
    onItem?.(item, model);
  };
  const push = (item: TraceItem): void => {
    if (open !== null) close(open);
    open = item;
    if (onItem === undefined) model.items.push(item);
  };
  const fold = (event: LoggedEvent): void => {
    if (step !== null && isIamChange(event)) {
      // a change a step's IAM call made: shown in the step, not in the declared world
      (step.changes ??= []).push(changeText(event));
      return;
    }
    const serviceChange = step === null ? null : serviceChangeText(event);
    if (step !== null && serviceChange !== null) {
      // a function or instance a step's call made (services/)
      (step.changes ??= []).push(serviceChange);
      return;
    }
    switch (event.type) {
      case 'ScenarioStarted':
        Object.assign(model, {
          title: event.data.title,
          description: event.data.description,
          file: event.data.file,
          clock: event.data.clock,
          region: event.data.region,
        });
        break;
      case 'AccountCreated':
        model.accounts.push({ id: event.data.id, name: event.data.name, entities: [] });
        break;
      case 'UserCreated':
        add(event.data.account, { kind: 'user', name: event.data.name, arn: event.data.arn, id: event.data.id, details: [] });
        break;
      case 'GroupCreated':
        add(event.data.account, { kind: 'group', name: event.data.name, arn: event.data.arn, id: event.data.id, details: [] });
        break;
      case 'RoleCreated':
        add(event.data.account, {
          kind: 'role',
          name: event.data.name,
          arn: event.data.arn,
          id: event.data.id,
          details: [`max session ${formatSeconds(event.data.maxSessionDuration)}`],
        });
        break;
      case 'PolicyCreated':
        // AWS managed policies (account `aws`) are listed as if in an account of their own, first
        if (event.data.account === AWS_POLICY_ACCOUNT && !model.accounts.some((a) => a.id === AWS_POLICY_ACCOUNT))
          model.accounts.unshift({ id: AWS_POLICY_ACCOUNT, name: 'AWS', entities: [] });
        add(event.data.account, {
          kind: 'policy',
          name: event.data.name,
          arn: event.data.arn,
          id: event.data.id,
          details: event.data.version === undefined ? [] : [`default version ${event.data.version}`],
        });
        break;
      case 'BucketCreated':
        add(event.data.account, { kind: 'bucket', name: event.data.name, arn: event.data.arn, id: null, details: [] });
        break;
      case 'KeyCreated':
        add(event.data.account, {
          kind: 'key',
          name: event.data.name,
          arn: event.data.arn,
          id: null,
          details: [...event.data.aliases],
        });
        break;
      case 'VpcEndpointCreated':
        add(event.data.account, {
          kind: 'vpc-endpoint',
          name: event.data.name,
          arn: event.data.arn,
          id: event.data.id,
          details: [`${event.data.vpc}`, `service ${event.data.service}`],
        });
        break;
      case 'ResourceRegistered':
        add(event.data.account, { kind: 'resource', name: event.data.arn, arn: event.data.arn, id: null, details: [] });
        break;
      case 'UserAddedToGroup':
        entities.get(event.data.user)?.details.push(`in group ${entities.get(event.data.group)?.name ?? event.data.group}`);
        break;
      case 'InlinePolicyPut':
        entities.get(event.data.entity)?.details.push(`inline ${event.data.name}`);
        break;
      case 'PolicyAttached':
        entities.get(event.data.entity)?.details.push(`attached ${entities.get(event.data.policy)?.name ?? event.data.policy}`);
        break;
      case 'PermissionsBoundarySet':
        entities.get(event.data.entity)?.details.push(`boundary ${entities.get(event.data.policy)?.name ?? event.data.policy}`);
        break;
      case 'EntityTagged':
      case 'ResourceTagged': {
        const arn = 'entity' in event.data ? event.data.entity : event.data.arn;
        const tags = Object.entries(event.data.tags)
          .map(([k, v]) => `${k}=${v}`)
          .join(', ');
        entities.get(arn)?.details.push(`tags ${tags}`);
        break;
      }
      case 'ResourcePolicyPut':
        {
          const e = entities.get(event.data.arn);
          e?.details.push(e.kind === 'key' ? 'key policy' : 'resource policy');
          break;
        }
        break;
      case 'AccessKeyCreated':
        entities.get(event.data.user)?.details.push(`access key ${event.data.accessKeyId}`);
        break;
      case 'MfaDeviceEnabled':
        entities.get(event.data.user)?.details.push(`MFA device ${event.data.serialNumber}`);
        break;
      case 'UserDeleted':
      case 'GroupDeleted':
      case 'RoleDeleted':
      case 'PolicyDeleted':
      case 'UserRemovedFromGroup':
      case 'InlinePolicyDeleted':
      case 'ResourcePolicyDeleted':
      case 'PolicyDetached':
      case 'PermissionsBoundaryDeleted':
      case 'EntityUntagged':
      case 'TrustPolicyUpdated':
      case 'PolicyVersionCreated':
      case 'DefaultPolicyVersionSet':
      case 'PolicyVersionDeleted':
      case 'AccessKeyStatusChanged':
      case 'AccessKeyDeleted':
      case 'LoginProfileCreated':
      case 'LoginProfileUpdated':
      case 'LoginProfileDeleted':
        // only IAM calls in steps make these (shown above as the step's changes)
        break;
      case 'InstanceProfileCreated':
        // a declared instance profile (services/declare.ts); one a step made is a change above
        add(event.data.account, { kind: 'instance-profile', name: event.data.name, arn: event.data.arn, id: event.data.id, details: [] });
        break;
      case 'RoleAddedToInstanceProfile':
        entities.get(event.data.profile)?.details.push(`role ${event.data.role.slice(event.data.role.lastIndexOf('/') + 1)}`);
        break;
      case 'InstanceProfileDeleted':
      case 'RoleRemovedFromInstanceProfile':
        break;
      case 'StepStarted':
        step = {
          kind: 'step',
          index: event.data.index,
          title: event.data.title,
          at: event.data.at,
          line: event.meta.line ?? null,
          call: null,
          notMade: null,
          expectations: [],
          kept: [],
        };
        push(step);
        break;
      case 'ClockAdvanced':
        push({ kind: 'wait', text: event.data.text, from: event.data.from, to: event.data.to });
        step = null;
        break;
      case 'RequestRefused': {
        const { at, ...refused } = event.data;
        push({ kind: 'refused', ...refused, at });
        step = null;
        break;
      }
      case 'CallNotMade':
        if (step) step.notMade = event.data.reason;
        break;
      case 'ExpectationChecked':
        step?.expectations.push({
          text: event.data.text,
          passed: event.data.passed,
          actual: event.data.actual,
          ...(event.data.spec.kind === 'who-can' || event.data.spec.kind === 'path' ? { question: true as const } : {}),
        });
        break;
      case 'CredentialsKept':
        step?.kept.push({ name: event.data.name, accessKeyId: event.data.accessKeyId, reason: null });
        break;
      case 'CredentialsNotKept':
        step?.kept.push({ name: event.data.name, accessKeyId: null, reason: event.data.reason });
        break;
      case 'EncodedMessageKept':
        if (step) (step.keptMessages ??= []).push({ name: event.data.name, message: event.data.message, reason: null });
        break;
      case 'EncodedMessageNotKept':
        if (step) (step.keptMessages ??= []).push({ name: event.data.name, message: null, reason: event.data.reason });
        break;
      case 'RoleAssumed':
      case 'AssumeRoleDenied':
      case 'AssumeRoleFailed':
      case 'SessionTokenIssued':
      case 'FederationTokenIssued':
      case 'CallerIdentityReturned':
      case 'AccessKeyInfoReturned':
      case 'AuthorizationMessageDecoded':
      case 'StsCallFailed':
      case 'RequestAllowed':
      case 'RequestDenied':
      case 'RequestFailed':
      case 'RoleAssumedWithWebIdentity':
      case 'AssumeRoleWithWebIdentityDenied':
      case 'AssumeRoleWithWebIdentityFailed':
      case 'PortalCallFailed':
      case 'PortalCallAnswered':
      case 'RoleAssumedWithSAML':
      case 'AssumeRoleWithSAMLDenied':
      case 'AssumeRoleWithSAMLFailed':
        if (step) setCall(step, (event.data as { call: CallRecord }).call);
        break;
      case 'SecretCreated':
        break;
      case 'StackCreated':
      case 'StackCreateFailed':
        if (step) (step.after ??= []).push(stackNote(event));
        break;
      case 'OidcIssuerRegistered':
      case 'OpenIDConnectProviderCreated':
        projectOidc(model, event, add);
        break;
      case 'ClusterCreated':
      case 'NamespaceCreated':
      case 'ServiceAccountCreated':
      case 'PodIdentityAssociationCreated':
      case 'PodAdmitted':
      case 'CredentialChainResolved':
      case 'CredentialChainFailed':
      case 'PodIdentityTokenExchanged':
      case 'PodIdentityTokenRefused':
      case 'PodCredentialsObtained':
        projectEks(model, event, add, step);
        break;
      case 'FunctionCreated':
      case 'FunctionUpdated':
      case 'InstanceLaunched':
      case 'InstanceProfileAssociated':
      case 'TaskDefinitionRegistered':
      case 'TaskStarted':
      case 'WorkloadSessionRequested':
      case 'WorkloadCallFailed':
      case 'WorkloadCredentialsObtained':
        projectServices(event, add, step);
        break;
      case 'SamlIdentityProviderRegistered':
        break; // outside AWS: its assertions show where they are presented
      case 'SamlResponsePosted':
        if (step)
          (step.hops ??= []).push({
            kind: 'note',
            label: `the browser posts the IdP's SAML response to ${event.data.endpoint}`,
            lines: event.data.lines,
            by: 'sign-in',
          });
        break;
      case 'PortalSignInStarted':
        if (step)
          (step.hops ??= []).push({
            kind: 'note',
            label: `${event.data.user} opens the console from the AWS access portal ${event.data.url}`,
            lines: event.data.lines,
            by: 'sign-in',
          });
        break;
      case 'ConsoleSignInAnswered':
      case 'ConsoleSignInRefused':
        if (step) setCall(step, event.data.call);
        break;
      case 'SAMLProviderCreated': {
        const p = event.data.provider;
        add(p.account, {
          kind: 'saml-provider',
          name: p.name,
          arn: p.arn,
          id: null,
          details: [
            `metadata of ${p.idp} (entity ID ${p.entityId}, signing certificate ${p.certificate.subject}, serial ${p.certificate.serial})`,
          ],
        });
        break;
      }
      case 'OrganizationCreated':
      case 'OrganizationPolicyCreated':
      case 'OrganizationalUnitCreated':
      case 'AccountJoinedOrganization':
      case 'OrganizationPolicyAttached':
      case 'OrganizationPolicyDetached':
        projectOrganization(model, event);
        break;
      case 'IdentityCenterEnabled':
      case 'AccountAssignmentCreated':
      case 'PermissionSetProvisioned':
        projectSso(event, add, entities, model.accounts);
        break;
      default: {
        const unreachable: never = event;
        throw new Error(`bug: the trace does not know event ${JSON.stringify(unreachable)}`);
      }
    }
  };
  return {
    model,
    add: fold,
    finish() {
      if (open !== null) close(open);
      open = null;
      model.summary = { ...counts, failed: counts.expectations - counts.passed };
      return model;
    },
  };
}

/** A step's checks, each passed or not: its expectations, the credentials and messages it keeps. */
function checksOf(s: TraceStep): boolean[] {
  return [
    ...s.expectations.map((e) => e.passed),
    ...s.kept.map((k) => k.accessKeyId !== null),
    ...(s.keptMessages ?? []).map((k) => k.message !== null),
  ];
}
