// EC2's RunInstances and AssociateIamInstanceProfile (Amazon EC2 API Reference; Amazon EC2 User
// Guide "IAM roles for Amazon EC2", https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html):
// the instance profile in IamInstanceProfile (Arn or Name) hands its role to EC2, so the caller
// needs iam:PassRole on that role, with iam:PassedToService ec2.amazonaws.com and
// iam:AssociatedResourceArn the instance's ARN (IAM User Guide "IAM and AWS STS condition context
// keys"). EC2 answers any refusal with UnauthorizedOperation "You are not authorized to perform this
// operation.", IAM's reason and an encoded authorization failure message (AWS-observed: chef/knife-ec2#455,
// hashicorp/terraform-provider-aws#1976; call/authorization-message.ts writes it). EC2 does not check the role's
// trust policy when it launches: an instance whose role does not trust ec2.amazonaws.com runs, and
// its metadata service has no credentials (workload.ts).
import type { EvaluationRecord } from '../call-record.js';
import type { InstanceProfile } from '../iam/state.js';
import type { ServiceApi, ServiceOutcome, ServiceRequest } from './types.js';
import { instanceId } from './ids.js';
import { authorizePassRole } from '../call/pass-role.js';
import { EC2_PRINCIPAL, instanceArn, type Ec2Instance } from './state.js';

type Profile = { readonly profile: InstanceProfile } | ServiceOutcome;

/** The instance profile IamInstanceProfile names, by Arn or by Name in the caller's account. */
function findProfile(req: ServiceRequest, spec: unknown): Profile {
  const given = typeof spec === 'object' && spec !== null ? (spec as Record<string, unknown>) : {};
  const arn = typeof given['Arn'] === 'string' ? given['Arn'] : null;
  const name = typeof given['Name'] === 'string' ? given['Name'] : null;
  const profiles = Object.values(req.world.iam.instanceProfiles);
  const found = arn !== null ? profiles.find((p) => p.arn === arn) : profiles.find((p) => p.account === req.account && p.name === name);
  if (found) return { profile: found };
  // AWS-observed for a name (hashicorp/packer-plugin-amazon#217); the ARN form is iamsim's extrapolation
  const [member, value, what] = arn !== null ? ['arn', arn, 'ARN'] : ['name', name ?? '', 'name'];
  return {
    ok: false,
    code: 'InvalidParameterValue',
    message: `Value (${value}) for parameter iamInstanceProfile.${member} is invalid. Invalid IAM Instance Profile ${what}`,
    notes: [`no instance profile ${value} exists${arn === null ? ` in account ${req.account}` : ''}`],
  };
}

/** iam:PassRole of the profile's role, if it has one; the EC2 refusal when it is not allowed. */
function passProfileRole(
  req: ServiceRequest,
  profile: InstanceProfile,
  instance: string,
): ServiceOutcome | { notes: string[]; evaluations: EvaluationRecord[] } {
  const role = profile.roles[0];
  if (role === undefined) return { notes: [`instance profile ${profile.name} holds no role: there is no role to pass`], evaluations: [] };
  const passed = authorizePassRole(
    { who: req.who, role, service: EC2_PRINCIPAL, associated: instance, region: req.region, stepContext: req.stepContext },
    req.world,
  );
  const evaluations = passed.evaluation === null ? [] : [passed.evaluation];
  if (passed.message === null) return { notes: [`instance profile ${profile.name} holds role ${role}`, passed.note], evaluations };
  return {
    ok: false,
    code: 'UnauthorizedOperation',
    // EC2's words and the encoded message are added to IAM's reason for every EC2 denial (call/authorization-message.ts)
    message: passed.message,
    notes: [`instance profile ${profile.name} holds role ${role}`, passed.note],
    denied: { decision: passed.decision, evaluations },
  };
}

function nameTag(spec: unknown): string | null {
  if (!Array.isArray(spec)) return null;
  for (const s of spec) {
    const tags = (s as { Tags?: unknown } | null)?.Tags;
    if (!Array.isArray(tags)) continue;
    for (const t of tags) {
      const tag = t as { Key?: unknown; Value?: unknown } | null;
      if (tag?.Key === 'Name' && typeof tag.Value === 'string') return tag.Value;
    }
  }
  return null;
}

function profileShape(p: InstanceProfile) {
  return { Arn: p.arn, Id: p.id };
}

export const EC2_APIS: Readonly<Record<string, ServiceApi>> = {
  'ec2:RunInstances': {
    // the instance being launched (RunInstances is authorized on several resources; iamsim takes the instance's)
    address: (req) => ({ resource: `arn:aws:ec2:${req.region}:${req.account}:instance/*` }),
    apply(req) {
      const ordinal = Object.values(req.world.services.instances).filter((i) => i.account === req.account).length;
      const id = instanceId(req.world.scenario.seed, req.account, ordinal);
      const arn = instanceArn(req.region, req.account, id);
      const spec = req.params['IamInstanceProfile'];
      let profile: InstanceProfile | null = null;
      let checked: { notes: string[]; evaluations: EvaluationRecord[] } = { notes: [], evaluations: [] };
      if (spec !== undefined) {
        const found = findProfile(req, spec);
        if ('ok' in found) return found;
        profile = found.profile;
        const passed = passProfileRole(req, profile, arn);
        if ('ok' in passed) return passed;
        checked = passed;
      }
      const instance: Ec2Instance = {
        arn,
        id,
        name: nameTag(req.params['TagSpecifications']) ?? id,
        account: req.account,
        region: req.region,
        profile: profile?.arn ?? null,
      };
      const response = { Instances: [{ InstanceId: id, ...(profile ? { IamInstanceProfile: profileShape(profile) } : {}) }] };
      return { ok: true, events: [{ type: 'InstanceLaunched', data: { instance } }], response, ...checked };
    },
  },
  'ec2:AssociateIamInstanceProfile': {
    address(req) {
      const id = req.params['InstanceId'];
      if (typeof id !== 'string' || id === '') {
        return {
          code: 'MissingParameter',
          message: 'The request must contain the parameter InstanceId',
          note: 'EC2 refuses the request before authorizing it',
        };
      }
      return { resource: instanceArn(req.region, req.account, id) };
    },
    apply(req) {
      const id = req.params['InstanceId'] as string;
      const instance = Object.values(req.world.services.instances).find((i) => i.id === id && i.account === req.account);
      if (!instance) return { ok: false, code: 'InvalidInstanceID.NotFound', message: `The instance ID '${id}' does not exist`, notes: [] };
      if (instance.profile !== null) {
        return {
          ok: false,
          code: 'IncorrectState',
          message: `There is an existing association for instance ${id}`,
          notes: [`instance ${id} already has instance profile ${instance.profile}`],
        };
      }
      const found = findProfile(req, req.params['IamInstanceProfile']);
      if ('ok' in found) return found;
      const passed = passProfileRole(req, found.profile, instance.arn);
      if ('ok' in passed) return passed;
      const response = {
        IamInstanceProfileAssociation: { InstanceId: id, IamInstanceProfile: profileShape(found.profile), State: 'associating' },
      };
      return {
        ok: true,
        events: [{ type: 'InstanceProfileAssociated', data: { instance: instance.arn, profile: found.profile.arn } }],
        response,
        ...passed,
      };
    },
  },
};
