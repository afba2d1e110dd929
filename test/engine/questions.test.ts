// Questions about a world (src/engine/query/): who can make a request, and who reaches a role —
// every answer decided by the engine's own authorization. Given a world (as a scenario declares
// it), when a question is asked, then the principals and the decisions that let them in.
// Sources: IAM User Guide "Policy evaluation logic" and "Cross-account policy evaluation logic"
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html,
// .../reference_policies_evaluation-logic-cross-account.html); "Roles terms and concepts" (role
// chaining; a trust policy naming an account delegates to that account's identity policies,
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles.html); "Grant a user permissions to pass
// a role to an AWS service" (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html);
// "Create a role for OpenID Connect federation"
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html); AWS
// Organizations User Guide "Service control policies".
import { describe, expect, it } from 'vitest';
import { pathsFrom, reach, shortestPaths } from '../../src/engine/query/paths.js';
import { trustIndex } from '../../src/engine/query/trust-index.js';
import { whoCan } from '../../src/engine/query/who-can.js';
import type { World } from '../../src/engine/world.js';
import { sim } from '../resolve/run.js';

const DEV = '222222222222';
const PROD = '111111111111';
const world = (body: string): World => sim(`clock 2026-01-01T09:00:00Z\n${body}`).world;
const role = (name: string, account = PROD) => `arn:aws:iam::${account}:role/${name}`;
const user = (name: string, account = DEV) => `arn:aws:iam::${account}:user/${name}`;
const reaching = (w: World, target: string) =>
  shortestPaths(reach(w, target)).map((p) => `${p.verdict}: ${[p.hops[0]!.from.label, ...p.hops.map((h) => h.to.label)].join(' > ')}`);

const CROSS = `
account Development ${DEV} {
  user alice { inline A { allow action sts:AssumeRole resource role Production/Deploy } }
  user bob
}
account Production ${PROD} {
  role Deploy {
    trust { allow principal account Development action sts:AssumeRole }
    inline Chain { allow action sts:AssumeRole resource role Production/Admin }
  }
  role Admin {
    trust { allow principal role Production/Deploy action sts:AssumeRole }
    inline All { allow action * resource * }
  }
}`;

describe('the trust index', () => {
  it('files each role under the principals its trust policy names: ARNs, account roots, services, providers, anyone', () => {
    // given roles whose trust policies name each kind of principal
    const w = world(`
account Production ${PROD} {
  role ByArn { trust { allow principal arn:aws:iam::${DEV}:user/alice action sts:AssumeRole } }
  role ByAccount { trust { allow principal account ${DEV} action sts:AssumeRole } }
  role ByService { trust { allow principal service lambda.amazonaws.com action sts:AssumeRole } }
  role ByProvider { trust { allow principal federated accounts.google.com action sts:AssumeRoleWithWebIdentity } }
  role ByAnyone { trust { allow principal * action sts:AssumeRole } }
  role DenyOnly { trust { deny principal account ${DEV} action sts:AssumeRole } }
}`);
    // when the index is built
    const index = trustIndex(w);
    // then each is looked up by what it names, and a Deny names no one
    expect(index.byArn.get(user('alice'))).toEqual([role('ByArn')]);
    expect(index.byArn.get(`arn:aws:iam::${DEV}:root`)).toEqual([role('ByAccount')]);
    expect(index.byService.get('lambda.amazonaws.com')).toEqual([role('ByService')]);
    expect(index.byFederated.get('accounts.google.com')).toEqual([role('ByProvider')]);
    expect(index.anyone).toEqual([role('ByAnyone')]);
    expect(index.named.get(role('DenyOnly'))).toEqual({ arns: [], services: [], federated: [], anyone: false });
  });
});

describe('paths', () => {
  it('cross-account and chained: a trust policy naming an account lets in its principals whose identity policy allows it', () => {
    // given alice's policy allows Deploy, bob has none, and Deploy's sessions may assume Admin
    const w = world(CROSS);
    // when everything that reaches Admin is asked for
    // then alice reaches it through Deploy (role chaining); bob does not: across accounts his identity side must allow too
    expect(reaching(w, role('Admin'))).toEqual([
      'allowed: role Production/Deploy > role Production/Admin',
      'allowed: user Development/alice > role Production/Deploy > role Production/Admin',
    ]);
    expect(pathsFrom(reach(w, role('Admin')), user('bob'))).toEqual([]);
    const [path] = pathsFrom(reach(w, role('Admin')), user('alice'));
    expect(path!.hops.map((h) => h.decided.evaluations[0]!.evaluation.reason)).toEqual([
      "cross-account: the identity side allows and the trust policy names the caller's account",
      "same account: the trust policy names the caller's role",
    ]);
  });

  it('a trust policy naming its own account root still needs the identity policy (same account)', () => {
    const w = world(`
account Production ${PROD} {
  user carol { inline A { allow action sts:AssumeRole resource * } }
  user dan
  role Ops { trust { allow principal account Production action sts:AssumeRole } }
}`);
    expect(reaching(w, role('Ops'))).toEqual(['allowed: user Production/carol > role Production/Ops']);
  });

  it('an SCP that denies sts:AssumeRole cuts the path for the member account', () => {
    // given the organization denies assuming Admin to the Development account's principals
    const w = world(`${CROSS}
account Management 999999999999 { user boss }
organization o-a1b2c3d4e5 {
  management Management
  account Production
  account Development { scp NoProdRoles { deny action sts:AssumeRole resource arn:aws:iam::${PROD}:role/* } }
}`);
    // then alice cannot take the first hop; Deploy's own sessions (Production) still can
    expect(reaching(w, role('Admin'))).toEqual(['allowed: role Production/Deploy > role Production/Admin']);
  });

  it('a permissions boundary cuts an edge the identity policy opens', () => {
    const w = world(`
account Development ${DEV} {
  policy NoRoles { allow action s3:* resource * }
  user alice { boundary NoRoles; inline A { allow action sts:AssumeRole resource * } }
}
account Production ${PROD} { role Deploy { trust { allow principal account Development action sts:AssumeRole } } }`);
    expect(reaching(w, role('Deploy'))).toEqual([]);
  });

  it('an explicit deny in the identity policy cuts an edge', () => {
    const w = world(`
account Development ${DEV} {
  user alice { inline A { allow action sts:AssumeRole resource *; deny action sts:AssumeRole resource role Production/Deploy } }
}
account Production ${PROD} { role Deploy { trust { allow principal account Development action sts:AssumeRole } } }`);
    expect(reaching(w, role('Deploy'))).toEqual([]);
  });

  it('a condition a static request cannot satisfy leaves the path conditional, naming the key and the value assumed', () => {
    const w = world(`
account Development ${DEV} { user alice { inline A { allow action sts:AssumeRole resource * } } }
account Production ${PROD} {
  role Audit { trust { allow principal account Development action sts:AssumeRole when Bool aws:MultiFactorAuthPresent true } }
}`);
    const [path] = shortestPaths(reach(w, role('Audit')));
    expect(path!.verdict).toBe('conditional');
    expect(path!.hops[0]!.decided.assumed).toEqual({ 'aws:MultiFactorAuthPresent': 'true' });
  });

  it('a conditional trust does not make a principal whose identity side denies conditional', () => {
    const w = world(`
account Development ${DEV} { user alice }
account Production ${PROD} {
  role Audit { trust { allow principal account Development action sts:AssumeRole when Bool aws:MultiFactorAuthPresent true } }
}`);
    expect(reaching(w, role('Audit'))).toEqual([]);
  });

  it('a service principal in the trust: principals of the account that may pass the role and launch what runs with it', () => {
    const w = world(`
account Production ${PROD} {
  user dev { inline P { allow action iam:PassRole, lambda:CreateFunction resource * } }
  user half { inline P { allow action iam:PassRole resource * } }
  role fn { trust { allow principal service lambda.amazonaws.com action sts:AssumeRole } }
}
account Development ${DEV} { user other { inline P { allow action iam:PassRole, lambda:CreateFunction resource * } } }`);
    // then only dev: half cannot create the function, and a role cannot be passed across accounts
    const paths = shortestPaths(reach(w, role('fn')));
    expect(paths.map((p) => `${p.hops[0]!.from.label} ${p.hops[0]!.kind} ${p.hops[0]!.service}`)).toEqual([
      'user Production/dev iam:PassRole lambda.amazonaws.com',
    ]);
  });

  it('a federated OIDC provider reaches a role whose trust names it, conditionally on the token claims', () => {
    const w = world(`
account Production ${PROD} {
  oidc-provider https://token.actions.githubusercontent.com { client-ids sts.amazonaws.com }
  role ci {
    trust {
      allow principal federated arn:aws:iam::${PROD}:oidc-provider/token.actions.githubusercontent.com
            action sts:AssumeRoleWithWebIdentity
            when StringLike token.actions.githubusercontent.com:sub "repo:octo/site:*"
    }
  }
}`);
    const [path] = shortestPaths(reach(w, role('ci')));
    expect(path!.hops[0]!.kind).toBe('sts:AssumeRoleWithWebIdentity');
    expect(path!.hops[0]!.decided.assumed).toEqual({ 'token.actions.githubusercontent.com:sub': 'repo:octo/site:*' });
  });
});

describe('who-can', () => {
  const S3 = `
account Production ${PROD} {
  bucket app { policy { allow principal account Development action s3:GetObject resource arn:aws:s3:::app/* } }
  user reader { inline R { allow action s3:GetObject resource arn:aws:s3:::app/* } }
  user writer { inline W { allow action s3:PutObject resource arn:aws:s3:::app/* } }
  role App { trust { allow principal account Production action sts:AssumeRole } inline R { allow action s3:Get* resource * } }
}
account Development ${DEV} {
  user alice { inline R { allow action s3:GetObject resource * } }
  user bob
}`;

  it('lists the principals allowed, each with the policy that allows it, and decides only candidates', () => {
    const w = world(S3);
    const answer = whoCan(w, 's3:GetObject', 'arn:aws:s3:::app/x');
    expect(answer.entries.map((e) => `${e.verdict} ${e.principal.label}`)).toEqual([
      'allowed user Production/reader',
      'allowed user Development/alice',
      'allowed role Production/App',
    ]);
    // writer and bob: no identity policy could allow s3:GetObject, and the bucket policy names no one of them
    expect(answer.decided).toBe(3);
    expect(answer.entries[1]!.evaluations[0]!.evaluation.reason).toMatch(/^cross-account/);
  });

  it('with all, lists the denied ones too', () => {
    const answer = whoCan(world(S3), 's3:GetObject', 'arn:aws:s3:::app/x', { all: true });
    expect(answer.entries.filter((e) => e.verdict === 'denied').map((e) => e.principal.label)).toEqual([
      'user Production/writer',
      'user Development/bob',
    ]);
  });

  it('sts:AssumeRole on a role is decided as STS decides it, with the trust policy', () => {
    const answer = whoCan(world(CROSS), 'sts:AssumeRole', role('Admin'));
    expect(answer.entries.map((e) => e.principal.label)).toEqual(['role Production/Deploy']);
  });
});
