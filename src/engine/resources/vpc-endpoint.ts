// A request sent through a VPC endpoint: the endpoint's policy filters it, and it carries the
// endpoint's keys instead of aws:SourceIp (AWS PrivateLink Guide "Control access to VPC endpoints
// using endpoint policies"; IAM User Guide "AWS global condition context keys": aws:SourceVpce,
// aws:SourceVpc and aws:VpcSourceIp are in the request context only when the requester uses a VPC
// endpoint, and aws:SourceIp is not).
import type { ContextValue } from '../../policy/types.js';
import type { CallData } from '../call/command.js';
import type { World } from '../world.js';
import type { VpcEndpoint } from './state.js';

export interface EndpointUse {
  readonly endpoint: VpcEndpoint;
  /** the policy as the evaluation names it */
  readonly policy: { readonly name: string; readonly document: VpcEndpoint['document'] };
  readonly keys: Readonly<Record<string, ContextValue>>;
  readonly note: string;
}

export function endpointUse(data: CallData, world: World): EndpointUse | null {
  const via = data.via;
  if (via === undefined) return null;
  const endpoint = world.resources.vpcEndpoints[via.endpoint];
  if (endpoint === undefined) throw new Error(`bug: the call goes through VPC endpoint ${via.endpoint}, which was never created`);
  const keys = { 'aws:SourceVpce': endpoint.id, 'aws:SourceVpc': endpoint.vpc, 'aws:VpcSourceIp': via.sourceIp };
  const note =
    `sent from ${via.sourceIp} through VPC endpoint ${endpoint.id} (${endpoint.name}, ${endpoint.vpc}, account ${endpoint.account}): ` +
    'the request carries aws:SourceVpce, aws:SourceVpc and aws:VpcSourceIp and no aws:SourceIp, and the endpoint policy must allow it';
  return { endpoint, policy: { name: `${endpoint.id} (${endpoint.name})`, document: endpoint.document }, keys, note };
}
