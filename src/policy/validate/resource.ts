// Resource / NotResource validation (IAM User Guide "IAM JSON policy elements: Resource"): `*` or
// an ARN with a known partition and a fully qualified vendor; IAM and S3 ARNs carry no region; IAM
// resource paths start with a known type. Short ARNs such as `arn:aws:fdsasf` are accepted; `::`
// with too few colons is not.
import type { PolicyProblem } from '../types.js';
import { MSG, type Path } from './messages.js';
import { checkNamed } from './shape.js';

const PARTITIONS = new Set(['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc']);

const IAM_TYPES = [
  'user/',
  'federated-user/',
  'role/',
  'group/',
  'instance-profile/',
  'mfa/',
  'server-certificate/',
  'policy/',
  'sms-mfa/',
  'saml-provider/',
  'oidc-provider/',
  'report/',
  'access-report/',
];

export function checkResources(value: unknown, path: Path, out: PolicyProblem[]): void {
  checkNamed(value, path, MSG.noResources, resourceProblem, out);
}

const problems = new Map<string, string | null>();

/** Resource patterns repeat across statements and policies: each is checked once. */
export function resourceProblem(r: string): string | null {
  let p = problems.get(r);
  if (p === undefined) {
    if (problems.size > 4096) problems.clear();
    problems.set(r, (p = problemOf(r)));
  }
  return p;
}

function problemOf(r: string): string | null {
  if (r === '*') return null;
  const parts = r.split(':');
  if (parts.length < 2 || parts[0] !== 'arn') return MSG.notArn(r);
  const partition = parts[1]!;
  if (!PARTITIONS.has(partition)) return MSG.partition(partition, expanded(parts));
  if (parts.length < 3) return MSG.resourceVendor;
  const service = parts[2]!;
  if (service === '') return MSG.legacy;
  if (/[*?$]/.test(service)) return MSG.resourceVendor;
  if (parts.length < 6 && r.includes('::')) return MSG.legacy;
  const region = parts[3];
  if (region !== undefined && region !== '') {
    if (service === 'iam') return MSG.iamRegion(r);
    // a bucket or object ARN names no Region (nor account); S3's other resources do, such as an
    // access point, arn:aws:s3:REGION:ACCOUNT:accesspoint/NAME (Amazon S3 User Guide "Configuring
    // IAM policies for using access points")
    if (service === 's3' && (parts[4] ?? '') === '') return MSG.s3Region(r);
  }
  if (service === 'iam' && parts.length >= 6) {
    const rest = parts.slice(5).join(':');
    if (!rest.startsWith('*') && !IAM_TYPES.some((t) => rest.startsWith(t))) return MSG.iamPath;
  }
  return null;
}

/** The ARN as IAM repeats it in the partition message: missing parts shown as `*`. */
function expanded(parts: readonly string[]): string {
  const rest = parts.slice(2);
  const seg = (i: number): string =>
    i === 0 ? (rest[0] !== undefined && (rest[0] !== '' || rest.length > 1) ? rest[0] : '*') : (rest[i] ?? '*');
  const tail = rest.length > 3 ? rest.slice(3).join(':') : '*';
  return `arn:${parts[1]}:${seg(0)}:${seg(1)}:${seg(2)}:${tail}`;
}
