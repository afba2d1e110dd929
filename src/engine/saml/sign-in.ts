// The console sign-in through AWS's SAML endpoint (IAM User Guide "Enable SAML 2.0 federated
// principals to access the AWS Management Console"): the IdP's page makes the user's browser post the
// SAML response to https://signin.aws.amazon.com/saml (or a regional sign-in endpoint, the one the
// assertion names as Recipient); when the Role attribute lists several role/provider pairs the user
// first picks one on the role selection page; the endpoint then calls sts:AssumeRoleWithSAML for the
// user (src/engine/sts/assume-role-with-saml.ts, the one decider of that call: this module only
// posts and reads its answer), makes a console sign-in URL with the credentials and redirects the
// browser to the console. The console session lasts the assertion's SessionDuration attribute
// (900–43200 seconds), else one hour (IAM User Guide "Configure SAML assertions for the
// authentication response", SessionDuration), whatever the role's maximum CLI/API session duration
// (IAM User Guide "Use IAM roles": a console URL made with AssumeRoleWithSAML lasts 15 min–12 h).
//
// What the sign-in page shows when it refuses (IAM User Guide "Troubleshoot SAML 2.0 federation with
// AWS"): "Your request included an invalid SAML response. To logout, click here." when the Role
// attribute is missing; otherwise STS's error, as "MESSAGE (service: AWSSecurityTokenService; status
// code: 400; error code: InvalidIdentityToken)", and for an Issuer the provider does not know,
// "Failed to assume role: Issuer not present in specified provider (service:
// AWSOpenIdDiscoveryService; status code: 400; error code: AuthSamlInvalidSamlResponseException)".
import type { CallData, CallerRef, ParamValue } from '../call/command.js';
import { callRecord } from '../call/record.js';
import type { CallerRecord } from '../call-record.js';
import type { ErrorCode } from '../error-codes.js';
import type { LogType } from '../log-type.js';
import type { LastCall } from '../scenario/state.js';
import type { World } from '../world.js';
import { assertionSummary, assertionText } from './assertion.js';
import type { SamlEvent } from './events.js';
import type { postedSchema } from './schema.js';
import { AWS_ATTRIBUTE, ROLE_ATTRIBUTE, SAML_AUDIENCE, type PreparedAssertion } from './state.js';

/** The page's own refusal of a response without a Role attribute (its title on the troubleshooting page). */
export const INVALID_SAML_RESPONSE = 'Your request included an invalid SAML response. To logout, click here.';
/** The code iamsim gives the page's own refusals: the page shows none (see refusedBySignIn). */
const PAGE_CODE: ErrorCode = 'AuthSamlInvalidSamlResponseException';
const DEFAULT_CONSOLE_SECONDS = 3600;
const CONSOLE_URL = 'https://console.aws.amazon.com/';
const BROWSER: CallerRecord = {
  kind: 'anonymous',
  arn: 'anonymous',
  account: null,
  credentials: 'none',
  accessKeyId: null,
  label: "the user's browser",
};
const ANONYMOUS: CallerRef = { kind: 'anonymous' };

export interface RolePair {
  readonly role: string;
  readonly provider: string;
}

/** The role/provider pairs of the Role attribute, each `ROLE,PROVIDER` in either order (as STS reads them). */
export function rolePairs(a: PreparedAssertion): RolePair[] {
  const pairs: RolePair[] = [];
  for (const value of a.attributes[ROLE_ATTRIBUTE] ?? []) {
    const parts = value.split(',').map((s) => s.trim());
    if (parts.length !== 2) continue;
    const role = parts.find((p) => /^arn:[^:]+:iam::\d{12}:role\//.test(p));
    const provider = parts.find((p) => /^arn:[^:]+:iam::\d{12}:saml-provider\//.test(p));
    if (role !== undefined && provider !== undefined) pairs.push({ role, provider });
  }
  return pairs;
}

export type RoleChoice =
  | { readonly kind: 'chosen'; readonly pair: RolePair; readonly how: string }
  | { readonly kind: 'no-role-attribute' }
  | { readonly kind: 'selection'; readonly pairs: readonly RolePair[] }
  | { readonly kind: 'not-listed'; readonly role: string; readonly pairs: readonly RolePair[] };

/**
 * The role the browser signs in to: the one the user picks (`to ROLE`) among the pairs, the only
 * pair, or none yet (the role selection page). The token service asks this too, to check the
 * assertion's signature against the chosen provider's certificate (tokens/prepare.ts).
 */
export function chooseRole(a: PreparedAssertion, role: string | null): RoleChoice {
  const pairs = rolePairs(a);
  if (pairs.length === 0) return { kind: 'no-role-attribute' };
  if (role !== null) {
    const pair = pairs.find((p) => p.role === role);
    if (pair === undefined) return { kind: 'not-listed', role, pairs };
    return {
      kind: 'chosen',
      pair,
      how: pairs.length === 1 ? 'the only role it lists' : `the user picks it on the role selection page, among ${pairs.length}`,
    };
  }
  if (pairs.length === 1) return { kind: 'chosen', pair: pairs[0]!, how: 'the only role it lists' };
  return { kind: 'selection', pairs };
}

/** Where the browser posts: the sign-in endpoint the assertion names as Recipient, else the global one. */
export function signInEndpoint(a: PreparedAssertion): string {
  return a.recipient !== null && isSignInUrl(a.recipient) ? a.recipient : SAML_AUDIENCE;
}

function isSignInUrl(url: string): boolean {
  return /^https:\/\/([a-z]{2}(-[a-z]+)+-\d\.)?signin\.aws\.amazon\.com\/(static\/)?saml$/.test(url);
}

/** The Region of a sign-in endpoint: a regional one's, else us-east-1 (the global endpoint's). */
function endpointRegion(endpoint: string): string {
  return /^https:\/\/([a-z]{2}(-[a-z]+)+-\d)\.signin/.exec(endpoint)?.[1] ?? 'us-east-1';
}

/** The console session's length: the SessionDuration attribute (900–43200), else one hour; or why the page refuses it. */
function consoleDuration(a: PreparedAssertion): { seconds: number; source: string } | { refused: string } {
  const raw = a.attributes[`${AWS_ATTRIBUTE}SessionDuration`]?.[0];
  if (raw === undefined)
    return { seconds: DEFAULT_CONSOLE_SECONDS, source: 'the assertion has no SessionDuration attribute: the default one hour' };
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= 900 && n <= 43200))
    return {
      refused: `the SessionDuration attribute ${raw} is not a number of seconds from 900 to 43200, the range AWS documents (AWS does not document the page's error for it; iamsim shows the page's invalid SAML response error)`,
    };
  return { seconds: n, source: `the assertion's SessionDuration attribute` };
}

/** The browser's POST of the SAML response, decided: the role it signs in to, or the page the sign-in endpoint shows. */
export function decideSignIn(assertionValue: ParamValue, role: string | null, world: World): SamlEvent[] {
  if (assertionValue.t !== 'saml') throw new Error(`bug: a sign-in's assertion reached the engine unprepared (${assertionValue.t})`);
  const a = assertionValue.assertion;
  const endpoint = signInEndpoint(a);
  const region = endpointRegion(endpoint);
  const lines = [`assertion ${assertionSummary(a)}`];
  if (a.recipient !== endpoint)
    lines.push(
      `its Recipient ${a.recipient ?? '(none)'} is not an AWS sign-in endpoint: the IdP's form posts to AWS's ${endpoint} all the same`,
    );
  const choice = a.signature.result === 'malformed' ? ({ kind: 'no-role-attribute' } as const) : chooseRole(a, role);
  const params: Record<string, unknown> = { SAMLResponse: assertionText(a) };
  if (role !== null) params['RoleArn'] = role;
  const data: CallData = { caller: ANONYMOUS, action: 'signin:ConsoleLogin', resource: null, params: {}, context: {}, region };
  const posted = (chosen: RolePair | null, more: string[]): SamlEvent => ({
    type: 'SamlResponsePosted',
    data: { endpoint, region, assertion: a, role: chosen?.role ?? null, provider: chosen?.provider ?? null, lines: [...lines, ...more] },
  });
  const answer = (notes: string[], parts: { error?: { code: ErrorCode; message: string }; response?: Record<string, unknown> }) =>
    callRecord(data, world, { caller: BROWSER, params, resource: role, notes, ...parts, decision: parts.error ? null : 'Allow' });
  switch (choice.kind) {
    case 'no-role-attribute':
      return [
        posted(null, []),
        {
          type: 'ConsoleSignInRefused',
          data: {
            call: answer([`the SAML response has no ${ROLE_ATTRIBUTE} attribute with a role/provider pair`, pageCodeNote()], {
              error: { code: PAGE_CODE, message: INVALID_SAML_RESPONSE },
            }),
          },
        },
      ];
    case 'not-listed':
      return [
        posted(null, [`the Role attribute lists ${choice.pairs.map((p) => p.role).join(', ')}`]),
        {
          type: 'ConsoleSignInRefused',
          data: {
            call: answer(
              [
                `the role selection page offers only the roles the Role attribute lists, not ${choice.role} (AWS documents no error for posting another; iamsim shows the page's invalid SAML response error)`,
                pageCodeNote(),
              ],
              { error: { code: PAGE_CODE, message: INVALID_SAML_RESPONSE } },
            ),
          },
        },
      ];
    case 'selection':
      return [
        posted(null, [`the Role attribute lists ${choice.pairs.length} roles and the step picks none`]),
        {
          type: 'ConsoleSignInAnswered',
          data: {
            call: answer(
              [
                'the sign-in endpoint shows the role selection page: "Select a role", each role under its account, and Sign in (IAM User Guide: "the user is first prompted to select the role")',
                'no role is assumed until the user picks one: name it with `sign-in … to ROLE`',
              ],
              { response: { Page: 'Select a role', Roles: choice.pairs.map((p) => p.role) } },
            ),
          },
        },
      ];
    case 'chosen': {
      const duration = consoleDuration(a);
      const picked = `the Role attribute lists ${choice.pair.role} with ${choice.pair.provider}: ${choice.how}`;
      if ('refused' in duration)
        return [
          posted(null, [picked]),
          {
            type: 'ConsoleSignInRefused',
            data: { call: answer([duration.refused, pageCodeNote()], { error: { code: PAGE_CODE, message: INVALID_SAML_RESPONSE } }) },
          },
        ];
      return [
        posted(choice.pair, [
          picked,
          `the sign-in endpoint calls sts:AssumeRoleWithSAML for the user with that pair and the assertion; the console session is to last ${duration.seconds} seconds (${duration.source})`,
        ]),
      ];
    }
    default: {
      const unreachable: never = choice;
      throw new Error(`bug: unknown role choice ${JSON.stringify(unreachable)}`);
    }
  }
}

function pageCodeNote(): string {
  return `the page shows no error code; iamsim gives ${PAGE_CODE}, the code AWS's troubleshooting page shows for the sign-in endpoint's refusal of a response whose Issuer the provider does not know`;
}

/** The call the sign-in endpoint makes for the user once the role is chosen: through STS's one decider. */
export function signInAssumeRole(posted: Posted): CallData {
  const seconds = consoleDuration(posted.assertion);
  if (posted.role === null || posted.provider === null || 'refused' in seconds) throw new Error('bug: a sign-in with no role calls STS');
  return {
    caller: ANONYMOUS,
    action: 'sts:AssumeRoleWithSAML',
    resource: null,
    params: {
      RoleArn: { t: 'text', v: posted.role },
      PrincipalArn: { t: 'text', v: posted.provider },
      SAMLAssertion: { t: 'saml', assertion: posted.assertion },
    },
    context: {},
    region: posted.region,
    console: { endpoint: posted.endpoint, seconds: seconds.seconds, source: seconds.source },
  };
}

/** The sign-in endpoint's POST as the SamlResponsePosted event records it. */
export type Posted = LogType<typeof postedSchema>;

/**
 * What the sign-in endpoint does with STS's answer (the world's last call: the AssumeRoleWithSAML it
 * just made): a redirect to the console with the session, or its error page.
 */
export function finishSignIn(posted: Posted, sts: LastCall | null, world: World): SamlEvent[] {
  if (sts === null) throw new Error('bug: a sign-in finishes before its AssumeRoleWithSAML');
  const params: Record<string, unknown> = { SAMLResponse: assertionText(posted.assertion), RoleArn: posted.role };
  const at = { region: posted.region, params, resource: posted.role };
  if (sts.error !== null) {
    const issuer = sts.error.message === 'Issuer not present in specified provider';
    const code: ErrorCode = issuer ? PAGE_CODE : (sts.error.code as ErrorCode);
    const message = issuer
      ? 'Failed to assume role: Issuer not present in specified provider (service: AWSOpenIdDiscoveryService; status code: 400; error code: AuthSamlInvalidSamlResponseException)'
      : `${sts.error.message} (service: AWSSecurityTokenService; status code: ${sts.error.code === 'AccessDenied' ? 403 : 400}; error code: ${sts.error.code})`;
    return consoleRefused(world, at, sts.decision, { code, message }, [
      `sts:AssumeRoleWithSAML refused the sign-in endpoint's call: the sign-in page shows its error as IAM User Guide "Troubleshoot SAML 2.0 federation with AWS" quotes it`,
    ]);
  }
  const response = sts.response ?? {};
  return consoleOpened(world, at, response['Credentials'], response['AssumedRoleUser'], 'the sign-in endpoint');
}

interface ConsoleAt {
  readonly region: string;
  readonly params: Record<string, unknown>;
  readonly resource: string | null;
}

function consoleData(region: string): CallData {
  return { caller: ANONYMOUS, action: 'signin:ConsoleLogin', resource: null, params: {}, context: {}, region };
}

/** The console opened with a session's credentials (a SAML sign-in's, or the access portal's). */
export function consoleOpened(world: World, at: ConsoleAt, credentials: unknown, assumedRoleUser: unknown, by: string): SamlEvent[] {
  const c = credentials as { Expiration?: string } | undefined;
  const user = assumedRoleUser as { Arn?: string } | undefined;
  const notes = [
    `${by} makes a console sign-in URL with the session's credentials and redirects the browser to ${CONSOLE_URL}`,
    `the console acts as ${user?.Arn ?? 'the role session'} until ${c?.Expiration ?? '(no expiration)'}`,
  ];
  const response = { ConsoleLogin: 'Success', Destination: CONSOLE_URL, Credentials: credentials, AssumedRoleUser: assumedRoleUser };
  const call = callRecord(consoleData(at.region), world, {
    caller: BROWSER,
    params: at.params,
    resource: at.resource,
    decision: 'Allow',
    notes,
    response,
  });
  return [{ type: 'ConsoleSignInAnswered', data: { call } }];
}

/** The console not opened: the page's error. */
export function consoleRefused(
  world: World,
  at: ConsoleAt,
  decision: LastCall['decision'],
  error: { code: ErrorCode; message: string },
  notes: string[],
): SamlEvent[] {
  const call = callRecord(consoleData(at.region), world, {
    caller: BROWSER,
    params: at.params,
    resource: at.resource,
    decision,
    error,
    notes,
  });
  return [{ type: 'ConsoleSignInRefused', data: { call } }];
}
