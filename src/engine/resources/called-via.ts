// The keys a request made by a service for the step's request carries (resources/on-behalf.ts):
// aws:ViaAWSService, the aws:CalledVia family and kms:ViaService, as AWS fills them (IAM User Guide
// "AWS global condition context keys", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html;
// "Forward access sessions", https://docs.aws.amazon.com/IAM/latest/UserGuide/access_forward_access_sessions.html).
import type { ContextValue } from '../../policy/types.js';
import type { OnBehalf } from '../call/command.js';

/**
 * The services that put themselves in aws:CalledVia, as the IAM User Guide lists them under
 * aws:CalledVia ("AWS global condition context keys", the list read on 2023-05-11). A service not
 * listed (S3, Secrets Manager) still makes forward access sessions, with aws:ViaAWSService true,
 * but leaves aws:CalledVia out.
 */
const CALLED_VIA: ReadonlySet<string> = new Set(
  ['athena', 'cloud9', 'cloudformation', 'databrew', 'dataexchange', 'dynamodb', 'kms', 'servicecatalog-appregistry', 'sqlworkbench'].map(
    (s) => `${s}.amazonaws.com`,
  ),
);

/** Whether AWS documents that the service puts itself in aws:CalledVia. */
export function fillsCalledVia(service: string): boolean {
  return CALLED_VIA.has(service);
}

/**
 * The keys of a request a service made for the step's request. With the caller's credentials (a
 * forward access session): aws:ViaAWSService true; aws:CalledVia, the services that fill it in the
 * order they called (multivalued), and aws:CalledViaFirst / aws:CalledViaLast, when at least one
 * did ("not present if the service uses a service role or service-linked role", "not present when
 * the principal makes the call directly"); kms:ViaService, the endpoint of the service that called
 * KMS (`SERVICE.REGION.amazonaws.com`, AWS KMS Developer Guide "kms:ViaService"). With the service's
 * own credentials (a role it assumed), none: aws:ViaAWSService stays false (the default of every
 * request, call/context.ts).
 */
export function onBehalfKeys(onBehalf: OnBehalf | undefined, action: string, region: string): Record<string, ContextValue> {
  if (onBehalf === undefined || onBehalf.credentials !== 'caller') return {};
  const keys: Record<string, ContextValue> = { 'aws:ViaAWSService': 'true' };
  const via = onBehalf.services.filter(fillsCalledVia);
  if (via.length > 0) {
    keys['aws:CalledVia'] = via;
    keys['aws:CalledViaFirst'] = via[0]!;
    keys['aws:CalledViaLast'] = via[via.length - 1]!;
  }
  const last = onBehalf.services[onBehalf.services.length - 1];
  if (last !== undefined && action.toLowerCase().startsWith('kms:')) {
    keys['kms:ViaService'] = `${last.replace(/\.amazonaws\.com$/, '')}.${region}.amazonaws.com`;
  }
  return keys;
}

/** What the trace says of a request a service made for the step's request. */
export function onBehalfNote(onBehalf: OnBehalf | undefined, keys: Readonly<Record<string, ContextValue>>): string | null {
  if (onBehalf === undefined) return null;
  const by = onBehalf.services.join(' → ');
  if (onBehalf.credentials === 'service')
    return `${by} made this request for the step's request, with its own credentials: aws:ViaAWSService is false and aws:CalledVia absent`;
  const shown = Object.keys(keys)
    .map((k) => `${k}=${JSON.stringify(keys[k])}`)
    .join(', ');
  const silent = onBehalf.services.filter((s) => !fillsCalledVia(s));
  const left =
    silent.length === 0
      ? ''
      : `; ${silent.join(', ')} ${silent.length === 1 ? 'is' : 'are'} not among the services the IAM User Guide lists under aws:CalledVia, so ${silent.length === 1 ? 'it does' : 'they do'} not appear in it`;
  return `${by} made this request for the caller, with the caller's credentials (a forward access session): ${shown}${left}`;
}
