// A path search keeps each hop's verdict and what it assumed, not its evaluation records: they are
// decided again when read (keptDecision, src/engine/query/verdict.ts). Given worlds with every kind
// of hop (sts:AssumeRole across accounts and chained, conditional on MFA, iam:PassRole to a service,
// sts:AssumeRoleWithWebIdentity), when a hop's evaluations and context are read, then they are the
// ones deciding the hop afresh gives. Sources: as test/engine/questions.test.ts (IAM User Guide
// "Policy evaluation logic", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html;
// "Grant a user permissions to pass a role to an AWS service",
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html; "Create a role for
// OpenID Connect federation", https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html).
import { describe, expect, it } from 'vitest';
import { assumeRoleHop, PASS_TO, passRoleHop, webIdentityHop } from '../../src/engine/query/edges.js';
import { reach, type Hop } from '../../src/engine/query/paths.js';
import { callerOf } from '../../src/engine/query/principals.js';
import { keptDecision, type Decided } from '../../src/engine/query/verdict.js';
import type { World } from '../../src/engine/world.js';
import { sim } from '../resolve/run.js';

const w = sim(`clock 2026-01-01T09:00:00Z
account Development 222222222222 {
  oidc-provider https://token.actions.githubusercontent.com { client-ids sts.amazonaws.com }
  user alice { inline A { allow action sts:AssumeRole, iam:PassRole, lambda:CreateFunction resource * } }
  role Ci {
    trust { allow principal federated arn:aws:iam::222222222222:oidc-provider/token.actions.githubusercontent.com action sts:AssumeRoleWithWebIdentity when StringLike token.actions.githubusercontent.com:sub "repo:o/*" }
    inline C { allow action sts:AssumeRole resource * }
  }
  role Worker {
    trust { allow principal service lambda.amazonaws.com action sts:AssumeRole }
    inline W { allow action sts:AssumeRole resource * }
  }
}
account Production 111111111111 {
  role Deploy {
    trust { allow principal account Development action sts:AssumeRole when Bool aws:MultiFactorAuthPresent true }
    inline Chain { allow action sts:AssumeRole resource role Production/Admin }
  }
  role Admin {
    trust { allow principal role Production/Deploy, role Development/Ci, role Development/Worker action sts:AssumeRole }
    inline All { allow action * resource * }
  }
}`).world;

/** The hop decided afresh, as hopsInto decided it. */
function afresh(h: Hop, world: World): Decided {
  const role = world.iam.roles[h.to.arn]!;
  if (h.kind === 'sts:AssumeRoleWithWebIdentity') return webIdentityHop(h.from.arn, role, world);
  const who = callerOf(h.from as Parameters<typeof callerOf>[0], world)!;
  if (h.kind === 'iam:PassRole')
    return passRoleHop(
      who,
      role,
      PASS_TO.find((s) => s.service === h.service)!,
      world,
    );
  return assumeRoleHop(who, role, world);
}

describe('a hop kept without its evaluations', () => {
  it('gives, when read, the evaluations and context of the hop decided afresh, for every kind of hop', () => {
    // given every hop into Admin and the roles that reach it
    const found = reach(w, 'arn:aws:iam::111111111111:role/Admin');
    const hops = [...found.into.values()].flat();
    // then every kind is there, conditional ones too
    expect(new Set(hops.map((h) => h.kind))).toEqual(new Set(['sts:AssumeRole', 'iam:PassRole', 'sts:AssumeRoleWithWebIdentity']));
    expect(hops.some((h) => h.decided.verdict === 'conditional')).toBe(true);
    // when each hop's evaluations and context are read (in turn: the last one decided again is remembered)
    for (const h of hops) {
      const fresh = afresh(h, w);
      expect(h.decided.evaluations).toEqual(fresh.evaluations);
      expect(h.decided.context).toEqual(fresh.context);
      expect({ verdict: h.decided.verdict, unknown: h.decided.unknown, assumed: h.decided.assumed }).toEqual({
        verdict: fresh.verdict,
        unknown: fresh.unknown,
        assumed: fresh.assumed,
      });
    }
  });

  it('decides again only when read, and once for its evaluations and context read together', () => {
    let decisions = 0;
    const d: Decided = { verdict: 'allowed', unknown: [], assumed: {}, evaluations: [], context: { 'aws:x': 'y' } };
    const kept = keptDecision(d, () => (decisions++, d));
    expect(decisions).toBe(0);
    expect(kept.context).toEqual({ 'aws:x': 'y' });
    expect(kept.evaluations).toEqual([]);
    expect(decisions).toBe(1);
  });
});
