// Lambda's CreateFunction and UpdateFunctionConfiguration (AWS Lambda API Reference): the function
// is authorized on its ARN; the execution role in `Role` is then passed (iam:PassRole with
// iam:PassedToService lambda.amazonaws.com and iam:AssociatedResourceArn the function's ARN — which
// value Lambda sends there is not documented in the pages read: iamsim's reading), and Lambda
// refuses a role it cannot assume: "The role defined for the function cannot be assumed by Lambda."
// (InvalidParameterValueException, AWS-observed: jarpy/lambkin#3, numeract/aws-lambda-r#20). A
// denied iam:PassRole fails the call with Lambda's AccessDeniedException and IAM's wording
// (mozilla-iam/cis#33, aws-samples/aws-security-hub-findings-export#5).
import type { EvaluationRecord } from '../call-record.js';
import type { ServiceApi, ServiceOutcome, ServiceRequest } from './types.js';
import { authorizePassRole } from '../call/pass-role.js';
import { serviceTrusts } from './service-trust.js';
import { functionArn, LAMBDA_PRINCIPAL, type LambdaFunction } from './state.js';

/** FunctionName: a name, or the function's ARN (its last part is the name). */
function functionName(params: Readonly<Record<string, unknown>>): string | null {
  const raw = params['FunctionName'];
  if (typeof raw !== 'string' || raw === '') return null;
  const m = /^arn:aws[\w-]*:lambda:[^:]*:\d{12}:function:([^:]+)$/.exec(raw);
  return m ? m[1]! : raw;
}

function missing(member: string) {
  // the JSON protocol's validation wording (as Lambda answers a missing member)
  return {
    code: 'ValidationException' as const,
    message: `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`,
    note: 'Lambda refuses the request before authorizing it',
  };
}

function address(req: ServiceRequest, needsRole: boolean) {
  const name = functionName(req.params);
  if (name === null) return missing('functionName');
  if (needsRole && typeof req.params['Role'] !== 'string') return missing('role');
  return { resource: functionArn(req.region, req.account, name) };
}

interface Checked {
  readonly notes: string[];
  readonly evaluations: EvaluationRecord[];
}

/** PassRole, then whether Lambda can assume the role; null when both hold. */
function passRole(req: ServiceRequest, role: string, arn: string, name: string): ServiceOutcome | Checked {
  const passed = authorizePassRole(
    { who: req.who, role, service: LAMBDA_PRINCIPAL, associated: arn, region: req.region, stepContext: req.stepContext },
    req.world,
  );
  const evaluations = passed.evaluation === null ? [] : [passed.evaluation];
  if (passed.message !== null) {
    return {
      ok: false,
      code: 'AccessDeniedException',
      message: passed.message,
      notes: [passed.note],
      denied: { decision: passed.decision, evaluations },
    };
  }
  const target = req.world.iam.roles[role];
  const trust =
    target === undefined
      ? null
      : serviceTrusts(target, { service: LAMBDA_PRINCIPAL, sourceAccount: req.account, sourceArn: arn }, req.region, req.world);
  if (trust === null || trust.evaluation.decision !== 'Allow') {
    const why =
      trust === null
        ? `no role ${role} exists`
        : `the trust policy of role ${target!.name} does not allow ${LAMBDA_PRINCIPAL} to call sts:AssumeRole (${trust.evaluation.decision})`;
    return {
      ok: false,
      code: 'InvalidParameterValueException',
      message: 'The role defined for the function cannot be assumed by Lambda.',
      notes: [passed.note, `Lambda checks that it can assume the execution role: ${why}; function ${name} is not changed`],
    };
  }
  return { notes: [passed.note, `the trust policy of role ${target!.name} allows ${LAMBDA_PRINCIPAL}: Lambda can assume it`], evaluations };
}

function configuration(f: LambdaFunction): Record<string, unknown> {
  return { FunctionName: f.name, FunctionArn: f.arn, Role: f.role };
}

export const LAMBDA_APIS: Readonly<Record<string, ServiceApi>> = {
  'lambda:CreateFunction': {
    address: (req) => address(req, true),
    apply(req) {
      const name = functionName(req.params)!;
      const role = req.params['Role'] as string;
      const arn = functionArn(req.region, req.account, name);
      const checked = passRole(req, role, arn, name);
      if ('ok' in checked) return checked;
      if (req.world.services.functions[arn]) {
        return { ok: false, code: 'ResourceConflictException', message: `Function already exist: ${name}`, notes: checked.notes };
      }
      const fn: LambdaFunction = { arn, name, account: req.account, region: req.region, role };
      return { ok: true, events: [{ type: 'FunctionCreated', data: { function: fn } }], response: configuration(fn), ...checked };
    },
  },
  'lambda:UpdateFunctionConfiguration': {
    address: (req) => address(req, false),
    apply(req) {
      const name = functionName(req.params)!;
      const arn = functionArn(req.region, req.account, name);
      const fn = req.world.services.functions[arn];
      if (!fn)
        return {
          ok: false,
          code: 'ResourceNotFoundException',
          message: `Function not found: ${arn}`,
          notes: [`no function ${name} exists in ${req.region}`],
        };
      const role = req.params['Role'];
      if (typeof role !== 'string') return { ok: true, events: [], response: configuration(fn), notes: [], evaluations: [] };
      const checked = passRole(req, role, arn, name);
      if ('ok' in checked) return checked;
      return { ok: true, events: [{ type: 'FunctionUpdated', data: { arn, role } }], response: configuration({ ...fn, role }), ...checked };
    },
  },
};
