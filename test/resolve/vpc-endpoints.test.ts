// `vpc-endpoint NAME { id …; vpc …; service …; policy … }` and a step's `via vpc-endpoint E from IP`
// (AWS PrivateLink Guide "Control access to VPC endpoints using endpoint policies"; IAM User Guide
// "AWS global condition context keys": aws:SourceVpce, aws:SourceVpc and aws:VpcSourceIp only
// through a VPC endpoint).
import { describe, expect, it } from 'vitest';
import { failure, sim } from './run.js';

const world = `
scenario "endpoints"
account Production 111111111111 {
  user alice { inline S3 { allow action s3:* resource * } }
  bucket data
  vpc-endpoint gw { id vpce-1a2b3c4d; vpc vpc-111bbb22; service s3 }
}
`;

describe('VPC endpoints in the language', () => {
  it('an endpoint without a policy gets the default endpoint policy', () => {
    const { world: w } = sim(world);
    expect(w.resources.vpcEndpoints['vpce-1a2b3c4d']).toMatchObject({
      name: 'gw',
      vpc: 'vpc-111bbb22',
      service: 's3',
      arn: 'arn:aws:ec2:us-east-1:111111111111:vpc-endpoint/vpce-1a2b3c4d',
      document: { Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] },
    });
  });

  it('a call through it carries the endpoint keys; one over the internet carries none', () => {
    const s = sim(`${world}
      step "via" { as user Production/alice; via vpc-endpoint gw from 10.0.1.25; call s3:GetObject { Bucket: data, Key: k } }
      step "direct" { as user Production/alice; call s3:GetObject { Bucket: data, Key: k } }`);
    const calls = s.events
      .filter((e) => e.type === 'RequestAllowed')
      .map((e) => (e.data as { call: { context: Record<string, unknown> } }).call.context);
    expect(calls[0]).toMatchObject({ 'aws:SourceVpce': 'vpce-1a2b3c4d', 'aws:SourceVpc': 'vpc-111bbb22', 'aws:VpcSourceIp': '10.0.1.25' });
    expect(calls[0]).not.toHaveProperty('aws:SourceIp');
    for (const k of ['aws:SourceVpce', 'aws:SourceVpc', 'aws:VpcSourceIp']) expect(calls[1]).not.toHaveProperty(k);
  });

  it('refuses an unknown endpoint, another service, a bad address and a bad ID', () => {
    expect(
      failure(`${world} step "s" { as user Production/alice; via vpc-endpoint gx from 10.0.1.25; call s3:GetObject resource * }`).message,
    ).toBe('no vpc-endpoint gx is declared');
    expect(
      failure(`${world} step "s" { as user Production/alice; via vpc-endpoint gw from 10.0.1.25; call kms:Decrypt resource * }`).message,
    ).toBe('vpc-endpoint Production/gw connects to s3, not to kms');
    expect(
      failure(`${world} step "s" { as user Production/alice; via vpc-endpoint gw from 10.0.1.300; call s3:GetObject resource * }`).message,
    ).toBe('"10.0.1.300" is not an IP address');
    expect(failure(`account A 111111111111 { vpc-endpoint e { id vpc-1; vpc vpc-111bbb22; service s3 } }`).message).toBe(
      '"vpc-1" is not valid as the id of a VPC endpoint',
    );
    expect(failure(`account A 111111111111 { vpc-endpoint e { vpc vpc-111bbb22; service s3 } }`).message).toBe(
      'vpc-endpoint e does not say its id',
    );
  });

  it('expect denied by vpc-endpoint names the endpoint by its ID or its name', () => {
    const s = sim(`
      scenario "endpoint names"
      account Production 111111111111 {
        user alice { inline S3 { allow action s3:* resource * } }
        bucket data
        vpc-endpoint gw { id vpce-1a2b3c4d; vpc vpc-111bbb22; service s3; policy { allow principal * action s3:GetObject resource * } }
      }
      step "put" {
        as user Production/alice; via vpc-endpoint gw from 10.0.1.25; call s3:PutObject { Bucket: data, Key: k }
        expect denied by vpc-endpoint; expect denied by vpc-endpoint vpce-1a2b3c4d; expect denied by vpc-endpoint gw
        expect denied by vpc-endpoint other
      }`);
    const checked = s.events.filter((e) => e.type === 'ExpectationChecked').map((e) => (e.data as { passed: boolean }).passed);
    expect(checked).toEqual([true, true, true, false]);
  });

  it('refuses aws:SourceIp in the context of a call through an endpoint', () => {
    const e = failure(
      `${world} step "s" { as user Production/alice; via vpc-endpoint gw from 10.0.1.25; call s3:GetObject resource * context { aws:SourceIp: 203.0.113.9 } }`,
    );
    expect(e.message).toBe('a request sent through a VPC endpoint has no aws:SourceIp');
  });

  it("refuses via on an STS call and on a service principal's call, as not yet supported", () => {
    const sts = failure(`${world} step "s" { as user Production/alice; via vpc-endpoint gw from 10.0.1.25; call sts:GetCallerIdentity }`);
    expect(sts.message).toContain('an STS call through a VPC endpoint');
    const svc = failure(
      `${world} step "s" { as service s3.amazonaws.com; via vpc-endpoint gw from 10.0.1.25; call s3:GetObject resource * }`,
    );
    expect(svc.message).toContain('a service principal calling through a VPC endpoint');
  });

  it('an endpoint policy must name principals, as a resource-based policy', () => {
    const e = failure(
      `account A 111111111111 { vpc-endpoint e { id vpce-1a2b3c4d; vpc vpc-111bbb22; service s3; policy { allow action s3:* resource * } } }`,
    );
    expect(e.message).toMatch(/principal/i);
  });
});
