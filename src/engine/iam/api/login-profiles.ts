// Console passwords: CreateLoginProfile, GetLoginProfile, UpdateLoginProfile, DeleteLoginProfile
// (IAM API Reference, each action's page, https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateLoginProfile.html
// and its neighbours). The password is a parameter and nothing more: iamsim never keeps it, never
// shows it (the call record says <hidden>), and records only whether it must be reset. An account
// password policy (PasswordPolicyViolation) and console sign-in are not modelled.
import { checkLength, checkPattern, checkRequired, type Constraint } from '../../call/validation.js';
import type { IamUser } from '../state.js';
import { findByName, nameParam, noSuchEntity, resourceOf, text } from './names.js';
import type { IamApi, IamOutcome, IamRequest } from './types.js';
import { callerUser } from './users.js';

/** passwordType: 1–128 characters of TAB, LF, CR and U+0020–U+00FF. */
function passwordParam(params: Readonly<Record<string, unknown>>, out: Constraint[], required: boolean): void {
  const value = text(params, 'Password');
  if (required) checkRequired('password', value, out);
  if (value === null) return;
  // AWS's message quotes the offending value; a password is never repeated, so neither is it here
  const hidden: Constraint[] = [];
  checkLength('password', value, 1, 128, hidden);
  checkPattern('password', value, '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+', hidden);
  out.push(...hidden.map((c) => ({ ...c, value: undefined })));
}

/** booleanType: true or false. */
function booleanParam(params: Readonly<Record<string, unknown>>, name: string, out: Constraint[]): boolean | null {
  const value = text(params, name);
  if (value === null) return null;
  if (value !== 'true' && value !== 'false') {
    out.push({ member: name[0]!.toLowerCase() + name.slice(1), value, constraint: 'Member must be a boolean (true or false)' });
    return null;
  }
  return value === 'true';
}

/** The user the call is on: UserName, or, where AWS lets it be left out, the IAM user that signs it. */
function target({ params, account, world, who }: IamRequest, out: Constraint[], optional: boolean) {
  if (optional && text(params, 'UserName') === null) {
    const self = callerUser(who);
    if (self !== null) return { resource: self.arn, notes: [`without UserName, the call is about the caller: user ${self.name}`] };
    checkRequired('userName', null, out);
    return { resource: '*' };
  }
  const name = nameParam(params, 'UserName', 'user', out);
  return { resource: resourceOf(world, 'user', account, name) };
}

function userOf({ params, account, world, who }: IamRequest): IamUser | IamOutcome {
  const name = text(params, 'UserName');
  if (name === null) return callerUser(who)!;
  return findByName(world, 'user', account, name) ?? noSuchEntity('user', name, account);
}

function isUser(x: IamUser | IamOutcome): x is IamUser {
  return !('ok' in x);
}

/** "Login Profile for User X cannot be found." (as AWS answers, e.g. GetLoginProfile for a user without a password). */
function noLoginProfile(user: IamUser): IamOutcome {
  return {
    ok: false,
    code: 'NoSuchEntity',
    message: `Login Profile for User ${user.name} cannot be found.`,
    note: `user ${user.name} has no console password`,
  };
}

function loginProfileShape(user: IamUser, created: string, passwordResetRequired: boolean) {
  return { UserName: user.name, CreateDate: created, PasswordResetRequired: passwordResetRequired };
}

const createLoginProfile: IamApi = {
  params: ['UserName', 'Password', 'PasswordResetRequired'],
  secrets: ['Password'],
  address(request, out) {
    const at = target(request, out, true);
    passwordParam(request.params, out, true);
    booleanParam(request.params, 'PasswordResetRequired', out);
    return at;
  },
  apply(request): IamOutcome {
    const user = userOf(request);
    if (!isUser(user)) return user;
    if (user.loginProfile !== null) {
      return {
        ok: false,
        code: 'EntityAlreadyExists',
        message: `Login Profile for user ${user.name} already exists.`,
        note: `user ${user.name} already has a console password (UpdateLoginProfile changes it)`,
      };
    }
    const reset = booleanParam(request.params, 'PasswordResetRequired', []) ?? false;
    const created = request.world.scenario.clock;
    return {
      ok: true,
      events: [{ type: 'LoginProfileCreated', data: { user: user.arn, passwordResetRequired: reset, created } }],
      response: { LoginProfile: loginProfileShape(user, created, reset) },
      notes: ['the password is not recorded; no account password policy is modelled, so none refuses it'],
    };
  },
};

const getLoginProfile: IamApi = {
  params: ['UserName'],
  address: (request, out) => target(request, out, true),
  apply(request): IamOutcome {
    const user = userOf(request);
    if (!isUser(user)) return user;
    const profile = user.loginProfile;
    if (profile === null) return noLoginProfile(user);
    return { ok: true, events: [], response: { LoginProfile: loginProfileShape(user, profile.created, profile.passwordResetRequired) } };
  },
};

const updateLoginProfile: IamApi = {
  params: ['UserName', 'Password', 'PasswordResetRequired'],
  secrets: ['Password'],
  address(request, out) {
    const at = target(request, out, false);
    passwordParam(request.params, out, false);
    booleanParam(request.params, 'PasswordResetRequired', out);
    return at;
  },
  apply(request): IamOutcome {
    const user = userOf(request);
    if (!isUser(user)) return user;
    const profile = user.loginProfile;
    if (profile === null) return noLoginProfile(user);
    const reset = booleanParam(request.params, 'PasswordResetRequired', []) ?? profile.passwordResetRequired;
    return {
      ok: true,
      events: [{ type: 'LoginProfileUpdated', data: { user: user.arn, passwordResetRequired: reset } }],
      response: {},
      notes: ['the password is not recorded; no account password policy is modelled, so none refuses it'],
    };
  },
};

const deleteLoginProfile: IamApi = {
  params: ['UserName'],
  address: (request, out) => target(request, out, true),
  apply(request): IamOutcome {
    const user = userOf(request);
    if (!isUser(user)) return user;
    if (user.loginProfile === null) return noLoginProfile(user);
    return {
      ok: true,
      events: [{ type: 'LoginProfileDeleted', data: { user: user.arn } }],
      response: {},
      notes: [
        `user ${user.name} can no longer sign in to the console; access keys, if it has any, still work: "Deleting a user's password does not prevent a user from accessing Amazon Web Services through the command line interface or the API" (IAM API Reference, DeleteLoginProfile)`,
      ],
    };
  },
};

export const LOGIN_PROFILE_APIS: Readonly<Record<string, IamApi>> = {
  CreateLoginProfile: createLoginProfile,
  GetLoginProfile: getLoginProfile,
  UpdateLoginProfile: updateLoginProfile,
  DeleteLoginProfile: deleteLoginProfile,
};
