// MFA for AssumeRole and GetSessionToken: SerialNumber names a device of the calling IAM user and
// TokenCode must be the code the simulated device shows (`mfa-device NAME code 123456`). AWS's
// messages differ by action (AWS STS API Reference "Common Errors").
import type { Caller } from '../call/caller.js';
import { textParam } from '../call/params.js';
import type { World } from '../world.js';
import type { MfaAuth } from './state.js';
import { checkLength, checkPattern, type Constraint } from '../call/validation.js';

const SERIAL = '[\\w+=/:,.@-]*';
const TOKEN_CODE = '[\\d]*';

/** SerialNumber and TokenCode, which AssumeRole and GetSessionToken take under the same model constraints. */
export function readMfaParams(
  params: Record<string, unknown>,
  v: Constraint[],
): { readonly serialNumber: string | null; readonly tokenCode: string | null } {
  const serialNumber = textParam(params, 'SerialNumber');
  checkLength('serialNumber', serialNumber, 9, 256, v);
  checkPattern('serialNumber', serialNumber, SERIAL, v);
  const tokenCode = textParam(params, 'TokenCode');
  checkLength('tokenCode', tokenCode, 6, 6, v);
  checkPattern('tokenCode', tokenCode, TOKEN_CODE, v);
  return { serialNumber, tokenCode };
}

export type MfaCheck =
  | { readonly ok: true; readonly mfa: MfaAuth | null; readonly note: string | null }
  | { readonly ok: false; readonly message: string; readonly note: string };

const BOTH = 'MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code.';
const INVALID_CODE = 'MultiFactorAuthentication failed with invalid MFA one time pass code.';
const UNVALIDATED =
  'MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.';

export function checkMfa(
  action: 'AssumeRole' | 'GetSessionToken',
  serial: string | null,
  code: string | null,
  caller: Caller,
  world: World,
): MfaCheck {
  if (serial === null && code === null) return { ok: true, mfa: null, note: null };
  if (serial === null || code === null) {
    return { ok: false, message: BOTH, note: 'SerialNumber and TokenCode go together: AWS refuses one without the other' };
  }
  const device = world.iam.mfaDevices[serial];
  const user = caller.user;
  if (!device || user === null || device.user !== user.arn) {
    const whose = device ? `belongs to ${device.user}` : 'is not an MFA device of the scenario';
    const who = user === null ? 'the caller is not an IAM user, so it has no MFA device' : `it is not a device of ${user.arn}`;
    return { ok: false, message: UNVALIDATED, note: `${serial} ${whose}; ${who}` };
  }
  if (device.code === null || device.code !== code) {
    const shows =
      device.code === null
        ? 'the scenario gives the device no code (write `mfa-device NAME code 123456`)'
        : `the device shows ${device.code}`;
    return { ok: false, message: action === 'AssumeRole' ? INVALID_CODE : UNVALIDATED, note: `TokenCode ${code} is wrong: ${shows}` };
  }
  const mfa = { serialNumber: serial, authenticatedAt: world.scenario.clock };
  return { ok: true, mfa, note: `MFA device ${serial} accepted code ${code}: the session carries aws:MultiFactorAuthPresent = true` };
}

/**
 * The MFA keys of a request made with temporary credentials (IAM User Guide "AWS global condition
 * context keys").
 */
export function mfaContext(mfa: MfaAuth | null, clock: string): Record<string, string> {
  if (mfa === null) return { 'aws:MultiFactorAuthPresent': 'false' };
  const age = Math.max(0, Math.floor((Date.parse(clock) - Date.parse(mfa.authenticatedAt)) / 1000));
  return { 'aws:MultiFactorAuthPresent': 'true', 'aws:MultiFactorAuthAge': String(age) };
}
