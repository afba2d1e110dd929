// A generated organization of the size issue 15 measures: ACCOUNTS accounts (default 100), USERS IAM
// users (default 20,000) and ROLES roles with trust policies (default 5,000), in groups with managed
// policies as real accounts have them. Trust policies name account roots (in the account and across
// accounts), specific roles (chains into each account's admin roles), lambda.amazonaws.com (roles
// to pass) and an OIDC provider (CI roles, with a condition on the token's sub); an SCP at the OU
// denies sts:AssumeRole on break-glass roles. Deterministic.

export interface LargeWorldSize {
  readonly accounts: number;
  readonly users: number;
  readonly roles: number;
}

export const ISSUE_15: LargeWorldSize = { accounts: 100, users: 20_000, roles: 5_000 };

const accountId = (a: number) => String(100000000000 + a);

const HEADER = ['scenario "A large generated organization"', 'clock 2026-01-01T09:00:00Z'];

/** The whole organization as one scenario text. */
export function largeWorld(size: LargeWorldSize = ISSUE_15): string {
  const out = [...HEADER];
  for (let a = 0; a < size.accounts; a++) out.push(...accountBlock(a, size));
  out.push(...organizationBlock(size));
  return out.join('\n') + '\n';
}

function accountBlock(a: number, size: LargeWorldSize): string[] {
  const usersPer = Math.max(1, Math.floor(size.users / size.accounts));
  const rolesPer = Math.max(5, Math.floor(size.roles / size.accounts));
  const out: string[] = [];
  {
    const id = accountId(a);
    const next = accountId((a + 1) % size.accounts);
    out.push(`account a${a} ${id} {`);
    out.push(`  bucket data-${a}`);
    if (a === 0) out.push('  oidc-provider https://token.actions.githubusercontent.com { client-ids sts.amazonaws.com }');
    out.push(
      '  policy DevAccess {',
      `    allow action s3:GetObject, s3:ListBucket resource arn:aws:s3:::data-${a}, arn:aws:s3:::data-${a}/*`,
      `    allow action sts:AssumeRole resource arn:aws:iam::${id}:role/app-*, arn:aws:iam::${next}:role/app-*`,
      '  }',
      '  policy OpsAccess {',
      `    allow action sts:AssumeRole resource arn:aws:iam::${id}:role/*`,
      `    allow action iam:PassRole, lambda:CreateFunction resource *`,
      '  }',
      '  policy ReadOnlyS3 {',
      '    allow action s3:Get*, s3:List* resource *',
      '  }',
      '  group developers { attach policy DevAccess }',
      '  group ops { attach policy OpsAccess }',
      '  group auditors { attach policy ReadOnlyS3 }',
    );
    for (let u = 0; u < usersPer; u++) {
      const group = u % 20 === 0 ? 'ops' : u % 7 === 0 ? 'auditors' : 'developers';
      out.push(`  user u${u} { groups ${group}; tags { team: t${u % 10} } }`);
    }
    const apps = rolesPer - 4;
    for (let r = 0; r < apps; r++) {
      // half trust their own account, half the next one's (cross-account); every tenth needs MFA
      const trusted = r % 2 === 0 ? id : accountId((a + size.accounts - 1) % size.accounts);
      const mfa = r % 10 === 9 ? ' when Bool aws:MultiFactorAuthPresent true' : '';
      out.push(
        `  role app-${r} {`,
        `    trust { allow principal arn:aws:iam::${trusted}:root action sts:AssumeRole${mfa} }`,
        `    inline Work { allow action s3:GetObject, s3:PutObject resource arn:aws:s3:::data-${a}/app-${r}/* }`,
        '  }',
      );
    }
    out.push(
      '  role admin {',
      `    trust { allow principal arn:aws:iam::${id}:role/app-0, arn:aws:iam::${next}:role/admin action sts:AssumeRole }`,
      '    inline Everything { allow action * resource * }',
      '  }',
      '  role break-glass {',
      `    trust { allow principal arn:aws:iam::${id}:root action sts:AssumeRole }`,
      '    inline Everything { allow action * resource * }',
      '  }',
      '  role worker {',
      '    trust { allow principal service lambda.amazonaws.com action sts:AssumeRole }',
      `    inline Chain { allow action sts:AssumeRole resource arn:aws:iam::${id}:role/admin }`,
      '  }',
      '  role ci {',
      `    trust { allow principal federated arn:aws:iam::${accountId(0)}:oidc-provider/token.actions.githubusercontent.com action sts:AssumeRoleWithWebIdentity when StringLike token.actions.githubusercontent.com:sub "repo:org/a${a}:*" }`,
      '    inline Deploy { allow action s3:PutObject resource arn:aws:s3:::data-${a}/*'.replace('${a}', String(a)) + ' }',
      '  }',
      '}',
    );
  }
  return out;
}

function organizationBlock(size: LargeWorldSize): string[] {
  const out = ['organization o-a1b2c3d4e5 {', '  management a0', '  ou Workloads {'];
  for (let a = 1; a < size.accounts; a++) out.push(`    account a${a}`);
  out.push('    scp NoBreakGlass {', '      deny action sts:AssumeRole resource arn:aws:iam::*:role/break-glass', '    }', '  }', '}');
  return out;
}
