// Customer managed policies and their versions: CreatePolicy, GetPolicy, DeletePolicy,
// CreatePolicyVersion, SetDefaultPolicyVersion, DeletePolicyVersion, GetPolicyVersion,
// ListPolicyVersions (IAM API Reference, each action's page; IAM User Guide "Versioning IAM
// policies"). IAM evaluates a managed policy's default version: making another version the default
// changes every user, group and role it is attached to at once, sessions already issued included.
import { freeze } from 'immer';
import { uniqueId } from '../../ids.js';
import { checkLength, checkPattern, type Constraint } from '../../call/validation.js';
import type { World } from '../../world.js';
import type { ManagedPolicy, PolicyVersion } from '../state.js';
import { documentParam, encodedDocument, readDocument } from './documents.js';
import { entityArn, nameParam, text } from './names.js';
import { arnParam, findPolicy, isFailure, policyToChange } from './policy-refs.js';
import { pageParams } from './paging.js';
import { conflict } from './names.js';
import { tagListParam } from './tags.js';
import { createDate, policyShape, policyUse } from './shapes.js';
import type { IamEvent } from '../events.js';
import type { IamApi, IamOutcome } from './types.js';

/** policyPathType: `/` or `/a/b/`, of letters, digits and `.,+@=_-` (no `*`). */
const POLICY_PATH_PATTERN = '((/[A-Za-z0-9\\.,\\+@=_-]+)*)/';
/** policyVersionIdType */
const VERSION_PATTERN = 'v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?';
/** IAM User Guide "IAM and AWS STS quotas": "Versions of a managed policy that can be stored: 5". */
const MAX_VERSIONS = 5;

function policyPath(params: Readonly<Record<string, unknown>>, param: string, out: Constraint[]): string {
  const member = param[0]!.toLowerCase() + param.slice(1);
  const value = text(params, param);
  checkLength(member, value, 1, 512, out);
  checkPattern(member, value, POLICY_PATH_PATTERN, out);
  return value ?? '/';
}

function versionParam(params: Readonly<Record<string, unknown>>, out: Constraint[]): string {
  const value = text(params, 'VersionId');
  if (value === null) out.push({ member: 'versionId', value: null, constraint: 'Member must not be null' });
  checkPattern('versionId', value, VERSION_PATTERN, out);
  return value ?? '';
}

/** booleanType: `true` or `false` (an SDK sends nothing else; AWS does not document the message for other text). */
function booleanParam(params: Readonly<Record<string, unknown>>, param: string, out: Constraint[]): boolean {
  const value = text(params, param);
  if (value === null) return false;
  const lower = value.toLowerCase();
  if (lower !== 'true' && lower !== 'false') {
    out.push({ member: param[0]!.toLowerCase() + param.slice(1), value, constraint: 'Member must be true or false' });
  }
  return lower === 'true';
}

/** Who a policy applies to, in words: `role app, user bob` (its attachments, then what it bounds). */
function appliesTo(policy: ManagedPolicy, world: World): string {
  const names: string[] = [];
  for (const [kind, table] of [
    ['user', world.iam.users],
    ['group', world.iam.groups],
    ['role', world.iam.roles],
  ] as const) {
    for (const entity of Object.values(table)) {
      if (entity.attached.includes(policy.arn)) names.push(`${kind} ${entity.name}`);
      if ('boundary' in entity && entity.boundary === policy.arn) names.push(`${kind} ${entity.name} (as its permissions boundary)`);
    }
  }
  return names.length === 0 ? 'no user, group or role yet (it is attached to none)' : names.join(', ');
}

function versionCreated(policy: ManagedPolicy, version: PolicyVersion, world: World): string {
  return version.created ?? createDate(policy, world);
}

function noSuchVersion(policy: ManagedPolicy, versionId: string): IamOutcome {
  return {
    ok: false,
    code: 'NoSuchEntity',
    message: `Policy ${policy.arn} version ${versionId} does not exist or is not attachable.`,
    note: `policy ${policy.name} has versions ${policy.versions.map((v) => v.id).join(', ')} (AWS does not document this message; iamsim uses moto's)`,
  };
}

/** The request's policy, by PolicyArn (authorized on that ARN, as the Service Authorization Reference's policy resource). */
function byArn(extra: readonly string[], check?: (params: Readonly<Record<string, unknown>>, out: Constraint[]) => void) {
  return {
    params: ['PolicyArn', ...extra],
    address({ params }: { params: Readonly<Record<string, unknown>> }, out: Constraint[]) {
      const arn = arnParam(params, 'PolicyArn', out);
      check?.(params, out);
      return { resource: arn };
    },
  };
}

const createPolicy: IamApi = {
  params: ['PolicyName', 'Path', 'PolicyDocument', 'Description', 'Tags'],
  address({ params, account }, out) {
    const name = nameParam(params, 'PolicyName', 'policy', out);
    const path = policyPath(params, 'Path', out);
    documentParam(params, 'PolicyDocument', out);
    checkLength('description', text(params, 'Description'), 0, 1000, out);
    tagListParam(params, out, false);
    return { resource: entityArn('policy', account, path, name) };
  },
  apply({ params, account, world }) {
    const name = text(params, 'PolicyName')!;
    const path = text(params, 'Path') ?? '/';
    const lower = name.toLowerCase();
    const existing = Object.values(world.iam.policies).find((p) => p.account === account && p.name.toLowerCase() === lower);
    if (existing !== undefined) {
      return {
        ok: false,
        code: 'EntityAlreadyExists',
        message: `A policy called ${name} already exists. Duplicate names are not allowed.`,
        note: `account ${account} already has policy ${existing.name} (${existing.arn})`,
      };
    }
    const read = readDocument(text(params, 'PolicyDocument')!, 'managed', `policy ${name} (PolicyDocument)`);
    if (!read.ok) return read;
    const arn = entityArn('policy', account, path, name);
    const id = uniqueId('ANPA', world.scenario.seed, arn, world.iam.generations[arn] ?? 0);
    const created = world.scenario.clock;
    const description = text(params, 'Description');
    const tagged = tagListParam(params, [], false);
    if (!tagged.ok) return tagged;
    const tags = tagged.tags;
    const policy = {
      arn,
      name,
      path,
      account,
      id,
      created,
      document: freeze(read.document),
      ...(description === null ? {} : { description }),
    };
    const shown: ManagedPolicy = {
      ...policy,
      versions: [{ id: 'v1', document: read.document, created }],
      defaultVersion: 'v1',
      nextVersion: 2,
      tags,
    };
    const events: IamEvent[] = [{ type: 'PolicyCreated', data: policy }];
    if (Object.keys(tags).length > 0) events.push({ type: 'EntityTagged', data: { entity: arn, tags } });
    return { ok: true, events, response: { Policy: policyShape(shown, world) } };
  },
};

const getPolicy: IamApi = {
  ...byArn([]),
  apply({ params, account, world }) {
    const policy = findPolicy(world, text(params, 'PolicyArn')!, account, false);
    if (isFailure(policy)) return policy;
    return { ok: true, events: [], response: { Policy: policyShape(policy, world, account) } };
  },
};

const deletePolicy: IamApi = {
  ...byArn([]),
  apply(request) {
    const { world } = request;
    const policy = policyToChange(request, 'DeletePolicy');
    if (isFailure(policy)) return policy;
    // IAM API Reference, DeletePolicy: detach it from every user, group and role, delete its other versions first
    const use = policyUse(policy, world);
    if (use.attachments > 0 || use.boundaries > 0) {
      return conflict(
        'Cannot delete a policy attached to entities.',
        `policy ${policy.name} is in use by ${appliesTo(policy, world)}; a permissions boundary counts too (AWS-observed, gruntwork-io/cloud-nuke#972)`,
      );
    }
    if (policy.versions.length > 1) {
      return conflict(
        "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
        `policy ${policy.name} has versions ${policy.versions.map((v) => v.id).join(', ')}; the default is ${policy.defaultVersion}`,
      );
    }
    return { ok: true, events: [{ type: 'PolicyDeleted', data: { arn: policy.arn } }], response: {} };
  },
};

const createPolicyVersion: IamApi = {
  ...byArn(['PolicyDocument', 'SetAsDefault'], (params, out) => {
    documentParam(params, 'PolicyDocument', out);
    booleanParam(params, 'SetAsDefault', out);
  }),
  apply(request) {
    const { params, world } = request;
    const policy = policyToChange(request, 'CreatePolicyVersion');
    if (isFailure(policy)) return policy;
    if (policy.versions.length >= MAX_VERSIONS) {
      return {
        ok: false,
        code: 'LimitExceeded',
        message: 'A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.',
        note: `policy ${policy.name} already has versions ${policy.versions.map((v) => v.id).join(', ')}`,
      };
    }
    const read = readDocument(text(params, 'PolicyDocument')!, 'managed', `the new version of policy ${policy.name} (PolicyDocument)`);
    if (!read.ok) return read;
    const setAsDefault = booleanParam(params, 'SetAsDefault', []);
    const versionId = `v${policy.nextVersion}`;
    const created = world.scenario.clock;
    const notes = setAsDefault
      ? [
          `${versionId} is now the default version of policy ${policy.name}: IAM evaluates it from now on, at every request, for ${appliesTo(policy, world)} — sessions already issued included`,
        ]
      : [`${versionId} is stored but not the default: IAM still evaluates ${policy.defaultVersion}`];
    return {
      ok: true,
      events: [
        { type: 'PolicyVersionCreated', data: { policy: policy.arn, versionId, document: freeze(read.document), setAsDefault, created } },
      ],
      response: { PolicyVersion: { VersionId: versionId, IsDefaultVersion: setAsDefault, CreateDate: created } },
      notes,
    };
  },
};

const setDefaultPolicyVersion: IamApi = {
  ...byArn(['VersionId'], (params, out) => versionParam(params, out)),
  apply(request) {
    const { params, world } = request;
    const policy = policyToChange(request, 'SetDefaultPolicyVersion');
    if (isFailure(policy)) return policy;
    const versionId = text(params, 'VersionId')!;
    if (!policy.versions.some((v) => v.id === versionId)) return noSuchVersion(policy, versionId);
    return {
      ok: true,
      events: [{ type: 'DefaultPolicyVersionSet', data: { policy: policy.arn, versionId } }],
      response: {},
      notes: [
        `IAM evaluates ${versionId} of policy ${policy.name} from now on, at every request, for ${appliesTo(policy, world)} — sessions already issued included`,
      ],
    };
  },
};

const deletePolicyVersion: IamApi = {
  ...byArn(['VersionId'], (params, out) => versionParam(params, out)),
  apply(request) {
    const { params } = request;
    const policy = policyToChange(request, 'DeletePolicyVersion');
    if (isFailure(policy)) return policy;
    const versionId = text(params, 'VersionId')!;
    if (!policy.versions.some((v) => v.id === versionId)) return noSuchVersion(policy, versionId);
    if (versionId === policy.defaultVersion) {
      return conflict(
        'Cannot delete the default version of a policy.',
        `${versionId} is the default version of policy ${policy.name}: make another version the default first, or delete the policy (DeletePolicy deletes its default version)`,
      );
    }
    return { ok: true, events: [{ type: 'PolicyVersionDeleted', data: { policy: policy.arn, versionId } }], response: {} };
  },
};

const getPolicyVersion: IamApi = {
  ...byArn(['VersionId'], (params, out) => versionParam(params, out)),
  apply({ params, account, world }) {
    const policy = findPolicy(world, text(params, 'PolicyArn')!, account, false);
    if (isFailure(policy)) return policy;
    const versionId = text(params, 'VersionId')!;
    const version = policy.versions.find((v) => v.id === versionId);
    if (version === undefined) return noSuchVersion(policy, versionId);
    const response = {
      PolicyVersion: {
        Document: encodedDocument(version.document),
        VersionId: version.id,
        IsDefaultVersion: version.id === policy.defaultVersion,
        CreateDate: versionCreated(policy, version, world),
      },
    };
    return { ok: true, events: [], response };
  },
};

const listPolicyVersions: IamApi = {
  ...byArn(['Marker', 'MaxItems'], pageParams),
  apply({ params, account, world }) {
    const policy = findPolicy(world, text(params, 'PolicyArn')!, account, false);
    if (isFailure(policy)) return policy;
    const versions = [...policy.versions].reverse().map((v) => ({
      VersionId: v.id,
      IsDefaultVersion: v.id === policy.defaultVersion,
      CreateDate: versionCreated(policy, v, world),
    }));
    return { ok: true, events: [], response: { Versions: versions, IsTruncated: false } };
  },
};

export const MANAGED_POLICY_APIS: Readonly<Record<string, IamApi>> = {
  CreatePolicy: createPolicy,
  GetPolicy: getPolicy,
  DeletePolicy: deletePolicy,
  CreatePolicyVersion: createPolicyVersion,
  SetDefaultPolicyVersion: setDefaultPolicyVersion,
  DeletePolicyVersion: deletePolicyVersion,
  GetPolicyVersion: getPolicyVersion,
  ListPolicyVersions: listPolicyVersions,
};
