// Access keys of IAM users: CreateAccessKey, UpdateAccessKey, DeleteAccessKey, ListAccessKeys (IAM
// API Reference, each action's page; IAM User Guide "Manage access keys for IAM users"). A key a
// step creates can be kept (`keep credentials as NAME`) and used (`as NAME`); authentication
// (src/engine/call/caller.ts) refuses it once it is inactive or deleted.
import { checkLength, checkPattern, type Constraint } from '../../call/validation.js';
import type { Caller } from '../../call/caller.js';
import { accessKeyId, secretAccessKey } from '../../ids.js';
import type { World } from '../../world.js';
import type { AccessKey, IamUser } from '../state.js';
import { findByName, nameParam, noSuchEntity, resourceOf, text } from './names.js';
import { listResponse, pageParams } from './paging.js';
import { createDate } from './shapes.js';
import type { IamAddress, IamApi, IamOutcome, IamRequest } from './types.js';

/** IAM User Guide "IAM and AWS STS quotas": two access keys per user, active or inactive. */
export const ACCESS_KEYS_PER_USER = 2;

/** accessKeyIdType: 16–128 word characters. */
function keyIdParam(params: Readonly<Record<string, unknown>>, out: Constraint[]): string {
  const value = text(params, 'AccessKeyId');
  if (value === null) out.push({ member: 'accessKeyId', value: null, constraint: 'Member must not be null' });
  checkLength('accessKeyId', value, 16, 128, out);
  checkPattern('accessKeyId', value, '[\\w]+', out);
  return value ?? '';
}

/** The IAM user a request's credentials belong to, when they are an IAM user's (long-term, or GetSessionToken's). */
function callingUser(who: Caller): IamUser | null {
  if (who.user === null) return null;
  return who.session === null || who.session.kind === 'session-token' ? who.user : null;
}

/**
 * UserName, optional: "If you do not specify a user name, IAM determines the user name implicitly
 * based on the Amazon Web Services access key ID signing the request" (IAM API Reference,
 * CreateAccessKey). The request is authorized on that user.
 */
function userAddress({ params, who, account, world }: IamRequest, out: Constraint[]): IamAddress {
  if (params['UserName'] === undefined || params['UserName'] === null) {
    const self = callingUser(who);
    if (self !== null) return { resource: self.arn, notes: [`without UserName, the request is on the calling user, ${self.name}`] };
    return { resource: '*' };
  }
  const name = nameParam(params, 'UserName', 'user', out);
  return { resource: resourceOf(world, 'user', account, name) };
}

type Target = { readonly ok: true; readonly user: IamUser } | Extract<IamOutcome, { ok: false }>;

function targetUser({ params, who, account, world }: IamRequest): Target {
  const name = text(params, 'UserName');
  if (name === null) {
    const self = callingUser(who);
    if (self !== null) return { ok: true, user: self };
    // AWS-observed (GetUser, ListAccessKeys with role credentials); UpdateAccessKey's page: "If a
    // temporary access key is used, then UserName is required."
    const note =
      who.record.kind === 'root'
        ? 'iamsim does not model access keys of the root user (AWS would manage the root user’s own keys, which AWS advises against): name an IAM user with UserName'
        : 'without UserName IAM acts on the user whose access key signs the request, and these credentials are not an IAM user’s';
    return { ok: false, code: 'ValidationError', message: 'Must specify userName when calling with non-User credentials', note };
  }
  const user = findByName(world, 'user', account, name);
  return user === null ? noSuchEntity('user', name, account) : { ok: true, user };
}

/** The user's key with that ID; a key of another user is not found, as IAM looks it up under the user. */
function keyOf(user: IamUser, keyId: string, world: World): AccessKey | null {
  return user.accessKeys.includes(keyId) ? (world.iam.accessKeys[keyId] ?? null) : null;
}

/** NoSuchEntity for a key (moto's wording: AWS's own text is not documented). */
function noSuchKey(keyId: string, user: IamUser): Extract<IamOutcome, { ok: false }> {
  return {
    ok: false,
    code: 'NoSuchEntity',
    message: `The Access Key with id ${keyId} cannot be found`,
    note: `user ${user.name} has no access key ${keyId} (AWS does not document this message; iamsim uses moto's)`,
  };
}

function metadata(key: AccessKey, user: IamUser, world: World): Record<string, unknown> {
  return { UserName: user.name, AccessKeyId: key.accessKeyId, Status: key.status, CreateDate: createDate(key, world) };
}

const createAccessKey: IamApi = {
  params: ['UserName'],
  address: userAddress,
  apply(request): IamOutcome {
    const target = targetUser(request);
    if (!target.ok) return target;
    const { user } = target;
    const { world } = request;
    if (user.accessKeys.length >= ACCESS_KEYS_PER_USER) {
      return {
        ok: false,
        code: 'LimitExceeded',
        message: `Cannot exceed quota for AccessKeysPerUser: ${ACCESS_KEYS_PER_USER}`,
        note: `user ${user.name} already has ${user.accessKeys.join(' and ')}; an inactive key counts too (IAM User Guide "IAM and AWS STS quotas")`,
      };
    }
    // minted as a declared `access-key` is (src/engine/iam/decide.ts): a new one for each key made
    const id = accessKeyId('AKIA', user.account, world.scenario.seed, `${user.arn}#${world.iam.keysMinted[user.arn] ?? 0}`);
    const created = world.scenario.clock;
    const key = {
      UserName: user.name,
      AccessKeyId: id,
      Status: 'Active',
      SecretAccessKey: secretAccessKey(world.scenario.seed, id),
      CreateDate: created,
    };
    return {
      ok: true,
      events: [{ type: 'AccessKeyCreated', data: { user: user.arn, account: user.account, accessKeyId: id, created } }],
      response: { AccessKey: key },
      notes: ['the secret access key is returned only now: IAM cannot show it again (IAM User Guide "Manage access keys for IAM users")'],
    };
  },
};

const updateAccessKey: IamApi = {
  params: ['UserName', 'AccessKeyId', 'Status'],
  address(request, out) {
    const address = userAddress(request, out);
    keyIdParam(request.params, out);
    const status = text(request.params, 'Status');
    if (status === null) out.push({ member: 'status', value: null, constraint: 'Member must not be null' });
    else if (status !== 'Active' && status !== 'Inactive') {
      // statusType also lists Expired, which iamsim does not model
      out.push({ member: 'status', value: status, constraint: 'Member must satisfy enum value set: [Active, Inactive]' });
    }
    return address;
  },
  apply(request): IamOutcome {
    const target = targetUser(request);
    if (!target.ok) return target;
    const keyId = text(request.params, 'AccessKeyId')!;
    const key = keyOf(target.user, keyId, request.world);
    if (key === null) return noSuchKey(keyId, target.user);
    const status = text(request.params, 'Status') as 'Active' | 'Inactive';
    const notes =
      status === 'Inactive'
        ? [`requests signed with ${keyId} are refused from now on (InvalidClientTokenId), until it is made Active again`]
        : [`requests signed with ${keyId} are accepted again`];
    return { ok: true, events: [{ type: 'AccessKeyStatusChanged', data: { accessKeyId: keyId, status } }], response: {}, notes };
  },
};

const deleteAccessKey: IamApi = {
  params: ['UserName', 'AccessKeyId'],
  address(request, out) {
    const address = userAddress(request, out);
    keyIdParam(request.params, out);
    return address;
  },
  apply(request): IamOutcome {
    const target = targetUser(request);
    if (!target.ok) return target;
    const keyId = text(request.params, 'AccessKeyId')!;
    if (keyOf(target.user, keyId, request.world) === null) return noSuchKey(keyId, target.user);
    return {
      ok: true,
      events: [{ type: 'AccessKeyDeleted', data: { accessKeyId: keyId } }],
      response: {},
      notes: [`requests signed with ${keyId} are refused from now on (InvalidClientTokenId); a deleted key cannot be restored`],
    };
  },
};

const listAccessKeys: IamApi = {
  params: ['UserName', 'Marker', 'MaxItems'],
  address(request, out) {
    const address = userAddress(request, out);
    pageParams(request.params, out);
    return address;
  },
  apply(request): IamOutcome {
    const target = targetUser(request);
    if (!target.ok) return target;
    const { user } = target;
    const keys = user.accessKeys.flatMap((id) => request.world.iam.accessKeys[id] ?? []);
    const response = listResponse(
      keys,
      'AccessKeyMetadata',
      (k) => k.accessKeyId,
      request.params,
      (k) => metadata(k, user, request.world),
    );
    return { ok: true, events: [], response };
  },
};

export const ACCESS_KEY_APIS: Readonly<Record<string, IamApi>> = {
  CreateAccessKey: createAccessKey,
  UpdateAccessKey: updateAccessKey,
  DeleteAccessKey: deleteAccessKey,
  ListAccessKeys: listAccessKeys,
};
