// `saml-provider [ACCOUNT/]NAME` expands to the ARN IAM gives the provider,
// arn:aws:iam::ACCOUNT:saml-provider/NAME (IAM User Guide "Create a SAML identity provider in IAM";
// "Create a role for SAML 2.0 federation": the trust policy names it as Principal.Federated; AWS STS
// API Reference "AssumeRoleWithSAML": PrincipalArn), in a trust policy's `principal federated`, a
// statement's resource, a step's parameters and an IdP's Role attribute.
import { describe, expect, it } from 'vitest';
import { simulateAsync } from '../../src/simulate.js';
import { failure, sim } from './run.js';

const PROD = 'arn:aws:iam::111111111111:saml-provider/Okta';

const world = `
scenario "saml provider references"
saml-idp Okta "http://www.okta.com/exk1fcia6d6EMsf331d8" {
  user alice { RoleSessionName: alice, Role: [[role Production/ReadOnly, saml-provider Production/Okta]] }
}
account Production 111111111111 {
  saml-provider Okta { metadata from Okta }
  role ReadOnly {
    trust { allow principal federated saml-provider Okta action sts:AssumeRoleWithSAML }
  }
  user admin { inline Read { allow action iam:GetSAMLProvider resource saml-provider Okta } }
}
account Development 222222222222 {
  saml-provider Okta { metadata from Okta }
}
`;

describe('saml-provider references', () => {
  it('in a trust policy, a resource and an attribute, expand to the provider of the account', () => {
    const { world: w } = sim(world);
    const role = w.iam.roles['arn:aws:iam::111111111111:role/ReadOnly']!;
    expect(role.trust).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Federated: PROD }, Action: 'sts:AssumeRoleWithSAML' }],
    });
    const admin = w.iam.users['arn:aws:iam::111111111111:user/admin']!;
    expect(admin.inline[0]!.document).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'iam:GetSAMLProvider', Resource: PROD }],
    });
    expect(w.saml.idps['Okta']!.users['alice']!.attributes['https://aws.amazon.com/SAML/Attributes/Role']).toEqual([
      `arn:aws:iam::111111111111:role/ReadOnly,${PROD}`,
    ]);
  });

  it('in a step, name the provider PrincipalArn sends', async () => {
    const { trace } = await simulateAsync(
      `${world}
step "alice" {
  as anonymous
  call sts:AssumeRoleWithSAML { RoleArn: role Production/ReadOnly, PrincipalArn: saml-provider Production/Okta, SAMLAssertion: saml-assertion Okta/alice }
  expect allowed
}`,
      'test.iam',
      {
        readFile: (path) => {
          throw new Error(`no file ${path}`);
        },
      },
    );
    const step = trace.items[0];
    expect(step?.kind === 'step' && step.call?.params.PrincipalArn).toBe(PROD);
    expect(trace.summary).toEqual({ steps: 1, expectations: 1, passed: 1, failed: 0 });
  });

  it('a misspelt name is an error with the declared provider suggested', () => {
    const e = failure(world.replace('federated saml-provider Okta', 'federated saml-provider Octa'));
    expect(e.message).toBe('saml-provider Octa is not defined');
    expect(e.suggestion).toBe('Production/Okta');
  });

  it('a bare name two accounts declare is ambiguous outside an account; ACCOUNT/NAME is exact', () => {
    const e = failure(`${world}
step "s" { as anonymous; call sts:AssumeRoleWithSAML { RoleArn: role ReadOnly, PrincipalArn: saml-provider Okta, SAMLAssertion: saml-assertion Okta/alice } }`);
    expect(e.message).toBe('saml-provider Okta is ambiguous: Production/Okta and Development/Okta both exist');
    const other = failure(`${world}
step "s" { as anonymous; call sts:AssumeRoleWithSAML { RoleArn: role ReadOnly, PrincipalArn: saml-provider Staging/Okta, SAMLAssertion: saml-assertion Okta/alice } }`);
    expect(other.message).toBe('account Staging is not defined');
  });
});
