// The `--cli-input-json` document of `aws iam simulate-custom-policy` / `simulate-principal-policy`
// (botocore iam 2010-05-08 SimulateCustomPolicyRequest, SimulatePrincipalPolicyRequest), plus the
// iamsim extensions SessionPolicyInputList, OrderedResourceControlPolicyInputList and
// VpcEndpointPolicy. Messages
// follow botocore's parameter validation and IAM's constraint errors.
import { nearest } from '../errors.js';
import type { PolicyKind } from '../policy/index.js';
import { EvalInputError, invalidType, paramName } from './errors.js';
import type { JsonPath } from '../json/locate.js';
import { isObject } from '../json/is-object.js';
import { checkAction, checkLength, maxItems, optString, stringList } from './params.js';
import { trustTarget, type TrustTarget } from './trust.js';

export type SourcePolicyType =
  | 'IAM Policy'
  | 'Resource Policy'
  | 'Permissions Boundary Policy'
  | 'Session Policy'
  | 'Service Control Policy'
  | 'Resource Control Policy'
  | 'VPC Endpoint Policy';

export interface PolicyEntry {
  readonly id: string; // SourcePolicyId: "PolicyInputList.1"
  readonly kind: PolicyKind;
  readonly type: SourcePolicyType;
  readonly path: JsonPath; // where the document is in the input file
  readonly value: string | Record<string, unknown>; // JSON text (as the CLI takes it) or an object
}

export interface EvalInput {
  readonly identity: readonly PolicyEntry[];
  readonly boundary: PolicyEntry | null;
  readonly session: readonly PolicyEntry[] | null;
  /** kind `trust` when ActionNames asks to assume a role that ResourceArns names (trust.ts) */
  readonly resource: PolicyEntry | null;
  /** what makes ResourcePolicy a trust policy; null: it is a resource-based policy */
  readonly trust: TrustTarget | null;
  readonly scpLevels: readonly (readonly PolicyEntry[])[] | null;
  readonly rcpLevels: readonly (readonly PolicyEntry[])[] | null;
  /** the policy of the VPC endpoint the requests are sent through (an extension) */
  readonly endpoint: PolicyEntry | null;
  readonly actions: readonly string[];
  readonly resources: readonly string[] | null; // null: not given (AWS: "*")
  readonly resourceOwner: string | null;
  readonly callerArn: string | null;
  readonly policySourceArn: string | null;
  /**
   * the account of the user, group or role PolicySourceArn names, once its policies were looked up
   * in a world (policy-source.ts); absent when the input alone is simulated
   */
  readonly sourceAccount?: string;
  readonly contextEntries: unknown;
  readonly maxItems: number | null;
  readonly marker: string | null;
}

const AWS_KEYS = [
  'PolicySourceArn',
  'PolicyInputList',
  'PermissionsBoundaryPolicyInputList',
  'OrderedOrganizationPolicyInputList',
  'PolicyExclusionList',
  'ActionNames',
  'ResourceArns',
  'ResourcePolicy',
  'ResourceOwner',
  'CallerArn',
  'ContextEntries',
  'ResourceHandlingOption',
  'MaxItems',
  'Marker',
];
const EXTENSION_KEYS = ['SessionPolicyInputList', 'OrderedResourceControlPolicyInputList', 'VpcEndpointPolicy'];
const KEYS = [...AWS_KEYS, ...EXTENSION_KEYS];

export function readInput(doc: unknown): EvalInput {
  if (!isObject(doc)) {
    const what = Array.isArray(doc) ? 'a list' : doc === null ? 'null' : `a ${typeof doc}`;
    throw new EvalInputError(`the input must be an object of parameters, as --cli-input-json takes, not ${what}`, { path: [] });
  }
  for (const key of Object.keys(doc)) {
    if (!KEYS.includes(key)) {
      throw new EvalInputError(
        `Unknown parameter in input: "${key}", must be one of: ${KEYS.join(', ')}`,
        { path: [key], key: true },
        nearest(key, KEYS),
      );
    }
  }
  const policySourceArn = optString(doc, 'PolicySourceArn');
  if (doc['PolicyInputList'] === undefined && policySourceArn === null) {
    throw new EvalInputError('Missing required parameter in input: "PolicyInputList"', { path: [] });
  }
  const exclusions = doc['PolicyExclusionList'];
  if (exclusions !== undefined && !(Array.isArray(exclusions) && exclusions.length === 0)) {
    throw new EvalInputError(
      'PolicyExclusionList names attached policies, which cannot be looked up without a scenario: ' +
        'leave the excluded policies out of PolicyInputList instead',
      { path: ['PolicyExclusionList'], key: true },
    );
  }
  const boundary = policyList(doc, 'PermissionsBoundaryPolicyInputList', 'boundary');
  if (boundary !== null && boundary.length > 1) {
    throw new EvalInputError('You can input only one permissions boundary (PermissionsBoundaryPolicyInputList)', {
      path: ['PermissionsBoundaryPolicyInputList', 1],
    });
  }
  const actions = stringList(doc, 'ActionNames');
  if (actions === null) throw new EvalInputError('Missing required parameter in input: "ActionNames"', { path: [] });
  actions.forEach((a, i) => checkAction(a, ['ActionNames', i]));
  const resources = stringList(doc, 'ResourceArns');
  resources?.forEach((r, i) => checkLength(r, ['ResourceArns', i], 1, 2048));
  optString(doc, 'ResourceHandlingOption'); // accepted; it only names EC2 scenarios' required resources
  const trust = trustTarget(actions, resources);
  return {
    identity: policyList(doc, 'PolicyInputList', 'identity') ?? [],
    boundary: boundary?.[0] ?? null,
    session: policyList(doc, 'SessionPolicyInputList', 'session'),
    resource: policyValue(doc['ResourcePolicy'], ['ResourcePolicy'], 'ResourcePolicy', trust === null ? 'resource' : 'trust'),
    trust,
    scpLevels: levels(doc, 'OrderedOrganizationPolicyInputList', 'ServiceControlPolicyInputList', 'scp'),
    rcpLevels: levels(doc, 'OrderedResourceControlPolicyInputList', 'ResourceControlPolicyInputList', 'rcp'),
    endpoint: policyValue(doc['VpcEndpointPolicy'], ['VpcEndpointPolicy'], 'VpcEndpointPolicy', 'endpoint'),
    actions,
    resources,
    resourceOwner: optString(doc, 'ResourceOwner'),
    callerArn: optString(doc, 'CallerArn'),
    policySourceArn,
    contextEntries: doc['ContextEntries'],
    maxItems: maxItems(doc['MaxItems']),
    marker: optString(doc, 'Marker'),
  };
}

const TYPE: Readonly<Record<'identity' | 'boundary' | 'session' | 'resource' | 'trust' | 'scp' | 'rcp' | 'endpoint', SourcePolicyType>> = {
  identity: 'IAM Policy',
  boundary: 'Permissions Boundary Policy',
  session: 'Session Policy',
  resource: 'Resource Policy',
  trust: 'Resource Policy', // given as ResourcePolicy, as every resource-based policy
  scp: 'Service Control Policy',
  rcp: 'Resource Control Policy',
  endpoint: 'VPC Endpoint Policy', // an endpoint policy is validated as a resource-based policy
};

function policyValue(v: unknown, path: JsonPath, id: string, kind: keyof typeof TYPE): PolicyEntry | null {
  if (v === undefined) return null;
  if (typeof v !== 'string' && !isObject(v)) throw invalidType(path, v, 'string (policy JSON), object');
  return { id, kind: kind === 'endpoint' ? 'resource' : kind, type: TYPE[kind], path, value: v };
}

function policyList(doc: Record<string, unknown>, key: string, kind: keyof typeof TYPE): PolicyEntry[] | null {
  const v = doc[key];
  if (v === undefined) return null;
  if (!Array.isArray(v)) throw invalidType([key], v, 'list');
  return v.map((p: unknown, i) => policyValue(p, [key, i], `${key}.${i + 1}`, kind)!);
}

/** [{ "ServiceControlPolicyInputList": [...] }, …]: org levels from the root down to the account. */
function levels(doc: Record<string, unknown>, key: string, inner: string, kind: 'scp' | 'rcp'): PolicyEntry[][] | null {
  const v = doc[key];
  if (v === undefined) return null;
  if (!Array.isArray(v)) throw invalidType([key], v, 'list');
  return v.map((level: unknown, l) => {
    if (!isObject(level)) throw invalidType([key, l], level, 'object');
    for (const k of Object.keys(level)) {
      if (k !== inner) {
        throw new EvalInputError(`Unknown parameter in input: "${paramName([key, l, k])}", must be one of: ${inner}`, {
          path: [key, l, k],
          key: true,
        });
      }
    }
    const list = level[inner] ?? [];
    if (!Array.isArray(list)) throw invalidType([key, l, inner], list, 'list');
    if (kind === 'scp' && list.length === 0) {
      const msg = `level ${l + 1} of ${key} has no SCP: every level has at least one (FullAWSAccess unless replaced)`;
      throw new EvalInputError(msg, { path: [key, l] });
    }
    return list.map((p: unknown, i) => {
      const id = `${key}.${l + 1}.${inner}.${i + 1}`;
      return policyValue(p, [key, l, inner, i], id, kind)!;
    });
  });
}
