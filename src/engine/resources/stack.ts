// CloudFormation's CreateStack: the request, authorized on the stack, and the plan of the calls
// CloudFormation then makes to create the stack's resources (stack-workflow.ts sends them).
//
// Sources: AWS CloudFormation API Reference "CreateStack"
// (https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateStack.html): RoleARN
// "If you don't specify a value, CloudFormation uses the role that was previously associated with the
// stack. If no role is available, CloudFormation uses a temporary session that is generated from
// your user credentials"; AWS CloudFormation User Guide "CloudFormation service role"
// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-iam-servicerole.html): the
// caller needs iam:PassRole on the role, which must trust cloudformation.amazonaws.com; the session
// CloudFormation opens on it is named AWSCloudFormation (observed: `…:assumed-role/ROLE/AWSCloudFormation`,
// aws-solutions/aws-waf-security-automations#33); Service Authorization Reference, AWS CloudFormation
// (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awscloudformation.html):
// resource type stack `arn:aws:cloudformation:REGION:ACCOUNT:stack/NAME/ID`, condition keys
// cloudformation:RoleArn and cloudformation:ResourceTypes.
import { createHash } from 'node:crypto';
import type { ContextValue } from '../../policy/types.js';
import type { CallCommand } from '../call/command.js';
import type { ErrorCode } from '../error-codes.js';
import type { World } from '../world.js';
import { authorizePassRole } from '../call/pass-role.js';
import { decideRequest, type ServiceAddressing } from './decide.js';
import type { ResourcesEvent } from './events.js';
import { accessDeniedCode } from './owner.js';

export const CLOUDFORMATION = 'cloudformation.amazonaws.com';

/** The session name CloudFormation gives its session on a stack's role (observed, see the header). */
export const STACK_SESSION_NAME = 'AWSCloudFormation';

export function isCreateStack(action: string): boolean {
  return action.toLowerCase() === 'cloudformation:createstack';
}

/** One call CloudFormation makes to create a stack's resource. */
export interface PlannedCall {
  readonly logicalId: string;
  readonly type: string;
  readonly action: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** the resource's physical ID (its name) */
  readonly physicalId: string;
}

export interface StackPlan {
  readonly name: string;
  readonly stackId: string;
  readonly account: string;
  readonly region: string;
  readonly roleArn: string | null;
  readonly calls: readonly PlannedCall[];
  /** resource types iamsim does not create, by logical ID */
  readonly skipped: readonly { readonly logicalId: string; readonly type: string }[];
  readonly types: readonly string[];
}

type Read = { readonly ok: true; readonly plan: StackPlan } | { readonly ok: false; readonly code: ErrorCode; readonly message: string };

/** The stack's ID: its ARN, with a UUID made from the seed and the stack's name (stable across runs). */
export function stackId(seed: string, account: string, region: string, name: string): string {
  const h = createHash('sha256').update(seed).update('\u0000').update(`stack|${account}|${region}|${name}`).digest('hex');
  const uuid = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  return `arn:aws:cloudformation:${region}:${account}:stack/${name}/${uuid}`;
}

/**
 * The name CloudFormation makes up for a resource whose template gives none: STACK-LOGICALID-SUFFIX
 * (AWS CloudFormation User Guide "Name type": "a unique physical ID … the stack name, the logical ID
 * …, and a random string"), cut to the type's limit; lower case for a bucket.
 */
function generatedName(seed: string, stack: string, logicalId: string, max: number): string {
  const h = createHash('sha256').update(seed).update('\u0000').update(`name|${stack}|${logicalId}`).digest();
  let suffix = '';
  for (let i = 0; i < 12; i++) suffix += 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'[h[i]! % 36];
  const head = `${stack}-${logicalId}`.slice(0, max - suffix.length - 1);
  return `${head}-${suffix}`;
}

/** The template, from TemplateBody: a JSON text or (as a scenario may write it) a JSON object. */
function template(
  body: unknown,
): { readonly ok: true; readonly value: Record<string, unknown> } | { readonly ok: false; readonly message: string } {
  let value = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body);
    } catch {
      // AWS adds the line and column; iamsim does not
      return { ok: false, message: 'Template format error: JSON not well-formed.' };
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return { ok: false, message: 'Template format error: JSON not well-formed.' };
  return { ok: true, value: value as Record<string, unknown> };
}

const asText = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const asJsonText = (v: unknown): unknown => (v !== null && typeof v === 'object' ? JSON.stringify(v) : v);

/**
 * The stack a CreateStack request asks for, or CloudFormation's error (AWS CloudFormation API
 * Reference "CreateStack", Errors; messages as CloudFormation answers them: "Template format
 * error: …" is the prefix of its template validation errors).
 */
export function readStack(params: Readonly<Record<string, unknown>>, account: string, region: string, world: World): Read {
  const name = asText(params['StackName']);
  if (name === null || name === '')
    return {
      ok: false,
      code: 'ValidationError',
      message: "1 validation error detected: Value null at 'stackName' failed to satisfy constraint: Member must not be null",
    };
  if (params['TemplateBody'] === undefined)
    return { ok: false, code: 'ValidationError', message: 'Either Template URL or Template Body must be specified.' };
  const t = template(params['TemplateBody']);
  if (!t.ok) return { ok: false, code: 'ValidationError', message: t.message };
  const resources = t.value['Resources'];
  if (resources === null || typeof resources !== 'object' || Array.isArray(resources) || Object.keys(resources).length === 0)
    return { ok: false, code: 'ValidationError', message: 'Template format error: At least one Resources member must be defined.' };
  const seed = world.scenario.seed;
  const calls: PlannedCall[] = [];
  const skipped: { logicalId: string; type: string }[] = [];
  const types: string[] = [];
  for (const [logicalId, resource] of Object.entries(resources as Record<string, unknown>)) {
    const r = (resource ?? {}) as Record<string, unknown>;
    const type = asText(r['Type']);
    if (type === null)
      return {
        ok: false,
        code: 'ValidationError',
        message: `Template format error: [/Resources/${logicalId}] Every Resources object must contain a Type member.`,
      };
    if (!types.includes(type)) types.push(type);
    const props = (r['Properties'] ?? {}) as Record<string, unknown>;
    const planned = plannedCalls(logicalId, type, props, name, seed);
    if (planned === null) skipped.push({ logicalId, type });
    else calls.push(...planned);
  }
  const roleArn = asText(params['RoleARN']);
  return { ok: true, plan: { name, stackId: stackId(seed, account, region, name), account, region, roleArn, calls, skipped, types } };
}

/**
 * The calls CloudFormation makes to create a resource of a type iamsim models, in order; null for
 * another type. AWS::IAM::Role: iam:CreateRole, then iam:PutRolePolicy for each of its Policies and
 * iam:AttachRolePolicy for each of its ManagedPolicyArns (AWS CloudFormation User Guide
 * "AWS::IAM::Role"); AWS::S3::Bucket: s3:CreateBucket ("AWS::S3::Bucket").
 */
function plannedCalls(logicalId: string, type: string, props: Record<string, unknown>, stack: string, seed: string): PlannedCall[] | null {
  switch (type) {
    case 'AWS::IAM::Role': {
      const roleName = asText(props['RoleName']) ?? generatedName(seed, stack, logicalId, 64);
      const create: Record<string, unknown> = {
        RoleName: roleName,
        AssumeRolePolicyDocument: asJsonText(props['AssumeRolePolicyDocument']),
      };
      for (const k of ['Path', 'Description', 'MaxSessionDuration', 'PermissionsBoundary', 'Tags'])
        if (props[k] !== undefined) create[k] = props[k];
      const out: PlannedCall[] = [{ logicalId, type, action: 'iam:CreateRole', params: create, physicalId: roleName }];
      const inline = Array.isArray(props['Policies']) ? (props['Policies'] as Record<string, unknown>[]) : [];
      for (const p of inline)
        out.push({
          logicalId,
          type,
          action: 'iam:PutRolePolicy',
          params: { RoleName: roleName, PolicyName: p['PolicyName'], PolicyDocument: asJsonText(p['PolicyDocument']) },
          physicalId: roleName,
        });
      const managed = Array.isArray(props['ManagedPolicyArns']) ? (props['ManagedPolicyArns'] as unknown[]) : [];
      for (const arn of managed)
        out.push({ logicalId, type, action: 'iam:AttachRolePolicy', params: { RoleName: roleName, PolicyArn: arn }, physicalId: roleName });
      return out;
    }
    case 'AWS::S3::Bucket': {
      const bucket = asText(props['BucketName']) ?? generatedName(seed, stack, logicalId, 63).toLowerCase();
      return [{ logicalId, type, action: 's3:CreateBucket', params: { Bucket: bucket }, physicalId: bucket }];
    }
    default:
      return null;
  }
}

/**
 * cloudformation:CreateStack: CloudFormation's validation (before authorization, as IAM's is), the
 * request authorized on the stack with cloudformation:RoleArn and cloudformation:ResourceTypes,
 * then — with RoleARN — the caller's iam:PassRole on the role (iam:PassedToService
 * cloudformation.amazonaws.com; IAM User Guide "Grant a user permissions to pass a role to an AWS
 * service"). Allowed, it answers the StackId; the resources are created after it (stack-workflow.ts).
 */
export function decideCreateStack(command: CallCommand, world: World): ResourcesEvent[] {
  let plan: StackPlan | null = null;
  const { events, granted } = decideRequest(command, world, (params, who): ServiceAddressing => {
    const account = who.record.account;
    if (account === null) return { resource: null, keys: {}, notes: [], error: null };
    const read = readStack(params, account, command.data.region, world);
    if (!read.ok)
      return { resource: null, keys: {}, notes: [], error: { ...read, note: 'CloudFormation refuses the request before authorizing it' } };
    const existing = world.resources.stacks[read.plan.stackId];
    if (existing !== undefined) {
      const error = {
        code: 'AlreadyExistsException' as const,
        message: `Stack [${read.plan.name}] already exists`,
        note: `stack ${read.plan.name} exists (${existing.status})`,
      };
      return { resource: read.plan.stackId, keys: {}, notes: [], error };
    }
    plan = read.plan;
    const keys: Record<string, ContextValue> = { 'cloudformation:ResourceTypes': [...read.plan.types] };
    if (read.plan.roleArn !== null) keys['cloudformation:RoleArn'] = read.plan.roleArn;
    const notes = read.plan.skipped.map(
      (r) => `iamsim does not model ${r.type} (${r.logicalId}): CloudFormation would create it; iamsim makes no call for it`,
    );
    return { resource: read.plan.stackId, keys, notes, error: null };
  });
  const stack = plan as StackPlan | null;
  if (granted === null || stack === null) return events;
  const call = granted.call;
  if (stack.roleArn !== null) {
    // CloudFormation does not document iam:AssociatedResourceArn: the key is absent
    const pass = authorizePassRole(
      {
        who: granted.who,
        role: stack.roleArn,
        service: CLOUDFORMATION,
        associated: null,
        region: command.data.region,
        stepContext: command.data.context,
      },
      world,
    );
    const notes = [...call.notes, pass.note];
    const evaluations = pass.evaluation === null ? call.evaluations : [...call.evaluations, pass.evaluation];
    if (pass.decision !== 'Allow') {
      // CloudFormation answers AccessDenied with IAM's wording for iam:PassRole
      const error = { code: accessDeniedCode(command.data.action), message: pass.message ?? '' };
      return [
        { type: 'RequestDenied', data: { call: { ...call, notes, evaluations, decision: pass.decision, outcome: 'denied', error } } },
      ];
    }
    const response = { StackId: stack.stackId };
    return [{ type: 'RequestAllowed', data: { call: { ...call, notes, evaluations, response } } }];
  }
  return [{ type: 'RequestAllowed', data: { call: { ...call, response: { StackId: stack.stackId } } } }];
}
