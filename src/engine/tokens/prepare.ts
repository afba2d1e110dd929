// Before a call is decided, the token service does what needs keys or a pod's files: it reads
// `env VAR` and `file VAR` in the calling pod, signs the tokens a step describes and the projected
// tokens a pod's SDK will read, and verifies every token sent to AssumeRoleWithWebIdentity. What it
// puts into the command is deterministic (src/engine/oidc/token.ts).
import type { CallCommand, ParamValue } from '../call/command.js';
import { isUnsigned } from '../call/stage.js';
import { tokenFile, type Pod } from '../eks/state.js';
import type { PreparedToken } from '../oidc/token.js';
import type { TokenCommand } from '../run.js';
import { chooseRole } from '../saml/sign-in.js';
import type { World } from '../world.js';

type SignInCommand = Extract<TokenCommand, { type: 'SignInWithSaml' }>;
import { createKeyring, type Keyring } from './keyring.js';
import { mintProjected, mintSpec } from './mint.js';
import { inspect } from './verify.js';

const WEB_IDENTITY = 'sts:assumerolewithwebidentity';
const SAML = 'sts:assumerolewithsaml';

/** The token service of one run: its keys, and the calls it prepares (needs-tokens.ts says which). */
export interface TokenService {
  prepare<C extends TokenCommand>(command: C, world: World): Promise<C>;
}

/** A run's token service; `keys` when the keys outlive the run (a server's, made once: src/server/serve.ts). */
export function createTokenService(keys: Keyring = createKeyring()): TokenService {
  return {
    prepare: <C extends TokenCommand>(command: C, world: World) =>
      (command.type === 'Call' ? prepareCall(command, world, keys) : prepareSignIn(command, world, keys)) as Promise<C>,
  };
}

/**
 * A console sign-in's assertion, minted by its IdP and checked against the certificate of the
 * provider of the role the browser signs in to (saml/sign-in.ts chooses it from the Role attribute),
 * as STS checks it when the sign-in endpoint calls AssumeRoleWithSAML.
 */
async function prepareSignIn(command: SignInCommand, world: World, keys: Keyring): Promise<SignInCommand> {
  const value = command.data.assertion;
  if (value.t !== 'assertion') return command;
  const { mintAssertion, inspectAssertion } = await import('./saml.js');
  const minted = await mintAssertion(value.spec, world, keys);
  const read = await inspectAssertion(minted.base64, minted.origin, minted.forgery, null, world, keys);
  const choice = chooseRole(read, command.data.role);
  const assertion =
    choice.kind === 'chosen'
      ? await inspectAssertion(minted.base64, minted.origin, minted.forgery, choice.pair.provider, world, keys)
      : read;
  return { type: 'SignInWithSaml', data: { ...command.data, assertion: { t: 'saml', assertion } } };
}

export async function prepareCall(command: CallCommand, world: World, keys: Keyring): Promise<CallCommand> {
  const d = command.data;
  const pod = d.caller.kind === 'pod' ? (world.eks.pods[d.caller.pod] ?? null) : null;
  const params: Record<string, ParamValue> = {};
  const principal = d.params['PrincipalArn'];
  const principalArn = principal?.t === 'text' ? principal.v : null;
  for (const [key, value] of Object.entries(d.params)) {
    let v = await prepareValue(value, pod, world, keys, principalArn);
    if (key === 'WebIdentityToken' && v.t === 'text' && d.action.toLowerCase() === WEB_IDENTITY) {
      v = { t: 'jwt', token: await inspect(v.v, 'the text given as WebIdentityToken', null, world, keys) };
    }
    if (key === 'SAMLAssertion' && v.t === 'text' && d.action.toLowerCase() === SAML)
      v = await prepareAssertion(v, principalArn, world, keys);
    params[key] = v;
  }
  let caller = d.caller;
  // a signed call: the pod's SDK will read its projected tokens (src/engine/call/stage.ts)
  if (caller.kind === 'pod' && !isUnsigned(d.action))
    caller = { ...caller, tokens: pod === null ? {} : await projectedTokens(pod, world, keys) };
  return { type: 'Call', data: { ...d, caller, params } };
}

async function projectedTokens(pod: Pod, world: World, keys: Keyring): Promise<Record<string, PreparedToken>> {
  const tokens: Record<string, PreparedToken> = {};
  for (const volume of pod.tokens) {
    const minted = await mintProjected(pod, volume, world, keys);
    tokens[volume.volume] = await inspect(minted.compact, minted.origin, null, world, keys);
  }
  return tokens;
}

async function prepareValue(
  value: ParamValue,
  pod: Pod | null,
  world: World,
  keys: Keyring,
  principalArn: string | null = null,
): Promise<ParamValue> {
  switch (value.t) {
    case 'token': {
      if (value.spec.source.kind === 'oauth') return { t: 'jwt', token: accessToken(value.spec.source) };
      const minted = await mintSpec(value.spec, world, keys);
      return { t: 'jwt', token: await inspect(minted.compact, minted.origin, minted.forgery, world, keys) };
    }
    case 'env': {
      const v = pod?.env[value.name];
      if (pod === null)
        return {
          t: 'unset',
          name: value.name,
          reason: `env ${value.name} reads a pod's environment, and the caller is not a pod`,
          fatal: true,
        };
      return v === undefined
        ? {
            t: 'unset',
            name: value.name,
            reason: `${value.name} is not set in pod ${pod.key} — ${notMutated(pod)} — so the request leaves the parameter out`,
            fatal: false,
          }
        : { t: 'text', v };
    }
    case 'file': {
      if (pod === null)
        return {
          t: 'unset',
          name: value.name,
          reason: `file ${value.name} reads a file in a pod, and the caller is not a pod`,
          fatal: true,
        };
      const path = pod.env[value.name];
      if (path === undefined)
        return {
          t: 'unset',
          name: value.name,
          reason: `${value.name} is not set in pod ${pod.key}, so the program has no file to read: ${notMutated(pod)}`,
          fatal: true,
        };
      const volume = pod.tokens.find((t) => tokenFile(t) === path);
      if (!volume) return { t: 'unset', name: value.name, reason: `pod ${pod.key} has no file ${path}`, fatal: true };
      const minted = await mintProjected(pod, volume, world, keys);
      return { t: 'jwt', token: await inspect(minted.compact, minted.origin, null, world, keys) };
    }
    case 'list':
      return { t: 'list', items: await Promise.all(value.items.map((i) => prepareValue(i, pod, world, keys, principalArn))) };
    case 'assertion':
      return prepareAssertion(value, principalArn, world, keys);
    case 'text':
    case 'json':
    case 'credentials':
    case 'encoded-message':
    case 'jwt':
    case 'saml':
    case 'unset':
      return value;
    default: {
      const unreachable: never = value;
      throw new Error(`bug: unknown parameter ${JSON.stringify(unreachable)}`);
    }
  }
}

/**
 * A SAML assertion a step describes, minted by its IdP, or text given as SAMLAssertion, checked
 * against the certificate of the SAML provider PrincipalArn names (saml.ts, loaded on first use).
 */
async function prepareAssertion(
  value: Extract<ParamValue, { t: 'assertion' } | { t: 'text' }>,
  principalArn: string | null,
  world: World,
  keys: Keyring,
): Promise<ParamValue> {
  const { mintAssertion, inspectAssertion } = await import('./saml.js');
  if (value.t === 'text')
    return { t: 'saml', assertion: await inspectAssertion(value.v, 'the text given as SAMLAssertion', null, principalArn, world, keys) };
  const minted = await mintAssertion(value.spec, world, keys);
  return { t: 'saml', assertion: await inspectAssertion(minted.base64, minted.origin, minted.forgery, principalArn, world, keys) };
}

function notMutated(pod: Pod): string {
  return pod.identity === null
    ? `the webhook did not mutate it: service account ${pod.serviceAccount} has no role-arn annotation`
    : 'the webhook did not inject it';
}

/**
 * An OAuth 2.0 access token a provider issued: opaque text that only the provider can resolve to
 * its app and user. AWS does not document these tokens' length; iamsim takes 200 characters.
 */
function accessToken(source: { readonly provider: string; readonly appId: string; readonly userId: string }): PreparedToken {
  const { provider, appId, userId } = source;
  return {
    origin: `an access token ${provider} issued to user ${userId} of app ${appId}`,
    length: 200,
    header: null,
    claims: null,
    signature: { result: 'opaque' },
    forgery: null,
    accessToken: { provider, appId, userId },
  };
}
