// VPC endpoints: `vpc-endpoint NAME { id vpce-…; vpc vpc-…; service s3; policy … }` in an account,
// and a step's `via vpc-endpoint ENDPOINT from IP` (AWS PrivateLink Guide "Control access to VPC
// endpoints using endpoint policies").
import type { CommandEnvelope } from '../../engine/events.js';
import { nearest } from '../../errors.js';
import type { Loc, Text, VpcEndpointDecl } from '../ast.js';
import type { AccountSym } from './account-sym.js';
import type { BodyContext } from './context.js';
import { policyDocument } from './policy-body.js';
import type { Located } from './located.js';

type Emit = (command: CommandEnvelope['command'], loc: Loc) => void;

/** AWS PrivateLink Guide, "Default endpoint policy": full access to the endpoint. */
const DEFAULT_ENDPOINT_POLICY = { Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] };

const FIELDS = {
  id: { pattern: /^vpce-[0-9a-f]{8}([0-9a-f]{9})?$/, expected: 'a VPC endpoint ID: vpce- and 8 or 17 hexadecimal digits' },
  vpc: { pattern: /^vpc-[0-9a-f]{8}([0-9a-f]{9})?$/, expected: 'a VPC ID: vpc- and 8 or 17 hexadecimal digits' },
  service: { pattern: /^[a-z0-9-]+$/, expected: 'the service prefix of the AWS service it connects to, such as s3 or kms' },
} as const;

export function vpcEndpointCommands(sym: AccountSym, m: VpcEndpointDecl, region: string, ctx: BodyContext, emit: Emit): void {
  const at = ctx.resolver.at;
  const value = (field: keyof typeof FIELDS): string => {
    const given = m.members.filter((x) => x.kind === 'VpcEndpointField' && x.field === field);
    const f = given[0];
    if (f === undefined || f.kind !== 'VpcEndpointField') {
      throw at.error(m.name.loc, `vpc-endpoint ${m.name.text} does not say its ${field}`, {
        length: m.name.text.length,
        expected: `\`${field} …\` in its block: ${FIELDS[field].expected}`,
      });
    }
    if (given.length > 1) throw at.error(given[1]!.loc, `vpc-endpoint ${m.name.text} gives its ${field} twice`, { length: field.length });
    if (!FIELDS[field].pattern.test(f.value.text)) {
      throw at.error(f.value.loc, `"${f.value.text}" is not valid as the ${field} of a VPC endpoint`, {
        length: f.value.text.length,
        expected: FIELDS[field].expected,
      });
    }
    return f.value.text;
  };
  const id = value('id');
  const vpc = value('vpc');
  const service = value('service');
  const policies = m.members.filter((x) => x.kind === 'ResourcePolicy');
  if (policies.length > 1) throw at.error(policies[1]!.loc, 'a VPC endpoint has one endpoint policy', { length: 'policy'.length });
  const label = `endpoint policy of ${id}`;
  // an endpoint policy is a resource-based policy and must contain a Principal element
  const document = policies[0] ? policyDocument(policies[0].body, 'resource', label, ctx) : DEFAULT_ENDPOINT_POLICY;
  const arn = `arn:aws:ec2:${region}:${sym.id}:vpc-endpoint/${id}`;
  emit({ type: 'CreateVpcEndpoint', data: { name: m.name.text, id, arn, vpc, account: sym.id, region, service, document } }, m.loc);
}

export interface EndpointRef {
  readonly id: string;
  readonly service: string;
  readonly name: string;
}

/** Every VPC endpoint the scenario declares, as `ACCOUNT/NAME`. */
function declared(accounts: readonly AccountSym[]): Map<string, EndpointRef> {
  const out = new Map<string, EndpointRef>();
  for (const sym of accounts) {
    for (const m of sym.decl.members) {
      if (m.kind !== 'VpcEndpoint') continue;
      const f = (field: string) => m.members.find((x) => x.kind === 'VpcEndpointField' && x.field === field);
      const id = f('id');
      const service = f('service');
      if (id?.kind !== 'VpcEndpointField' || service?.kind !== 'VpcEndpointField') continue;
      out.set(`${sym.name}/${m.name.text}`, { id: id.value.text, service: service.value.text, name: m.name.text });
    }
  }
  return out;
}

/**
 * The endpoint a step's `via vpc-endpoint` names (`ACCOUNT/NAME`, a bare NAME when one account
 * declares it, or its vpce- ID), checked against the call's service, and the source address.
 */
export function resolveVia(
  endpoint: Text,
  sourceIp: Text,
  service: string,
  accounts: readonly AccountSym[],
  at: Located,
): { readonly endpoint: string; readonly sourceIp: string } {
  const all = declared(accounts);
  const text = endpoint.text;
  const matches = [...all].filter(([key, e]) => key === text || e.id === text || (!text.includes('/') && e.name === text));
  if (matches.length !== 1) {
    const suggestion = nearest(text, all.keys());
    throw at.error(endpoint.loc, matches.length === 0 ? `no vpc-endpoint ${text} is declared` : `vpc-endpoint ${text} is ambiguous`, {
      length: text.length,
      expected: all.size > 0 ? `one of ${[...all.keys()].join(', ')}` : 'a `vpc-endpoint NAME { … }` declared in an account',
      ...(suggestion ? { suggestion } : {}),
    });
  }
  const [key, e] = matches[0]!;
  if (e.service !== service.toLowerCase()) {
    throw at.error(endpoint.loc, `vpc-endpoint ${key} connects to ${e.service}, not to ${service}`, {
      length: text.length,
      expected: `an endpoint of ${service} (an endpoint reaches only the service it was created for)`,
    });
  }
  if (!isIp(sourceIp.text)) {
    throw at.error(sourceIp.loc, `"${sourceIp.text}" is not an IP address`, {
      length: sourceIp.text.length,
      expected: 'the private address in the VPC the request is sent from, such as 10.0.1.25',
    });
  }
  return { endpoint: e.id, sourceIp: sourceIp.text };
}

function isIp(text: string): boolean {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) return v4.slice(1).every((o) => Number(o) <= 255);
  return /^[0-9a-fA-F:]+$/.test(text) && text.includes(':') && text.split(':').length <= 8;
}
