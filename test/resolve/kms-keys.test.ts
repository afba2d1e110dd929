// `key NAME { policy …; alias …; tags … }` inside an account, and `key A/NAME` references (AWS KMS
// Developer Guide "Key identifiers (KeyId)", "Default key policy"; AWS KMS API Reference "CreateAlias").
import { describe, expect, it } from 'vitest';
import { kmsKeyId } from '../../src/engine/ids.js';
import { failure, sim } from './run.js';

const world = `
scenario "keys"
region eu-west-1
account Production 111111111111 {
  user alice { inline Use { allow action kms:Decrypt resource key Production/app } }
  key app { alias app; alias alias/billing; tags { team: a } }
  key locked { policy { allow principal user Production/alice action kms:Decrypt resource * } }
}
`;

describe('KMS keys in the language', () => {
  it('a key ARN has the Region, the account and a UUID key ID derived from the seed', () => {
    const id = kmsKeyId('keys', '111111111111', 'app');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(kmsKeyId('keys', '111111111111', 'app')).toBe(id);
    expect(kmsKeyId('other', '111111111111', 'app')).not.toBe(id);
    const { world: w } = sim(world);
    const arn = `arn:aws:kms:eu-west-1:111111111111:key/${id}`;
    expect(w.resources.byArn[arn]).toMatchObject({ kind: 'key', name: 'app', account: '111111111111', tags: { team: 'a' } });
    expect(w.resources.kmsAliases).toMatchObject({
      'arn:aws:kms:eu-west-1:111111111111:alias/app': arn,
      'arn:aws:kms:eu-west-1:111111111111:alias/billing': arn,
    });
    expect(w.iam.users['arn:aws:iam::111111111111:user/alice']!.inline[0]!.document).toMatchObject({
      Statement: [{ Resource: arn }],
    });
  });

  it('a key without a policy gets the default key policy: the account, kms:*', () => {
    const { world: w } = sim(world);
    const arn = `arn:aws:kms:eu-west-1:111111111111:key/${kmsKeyId('keys', '111111111111', 'app')}`;
    expect(w.resources.byArn[arn]!.policy).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'Enable IAM policies',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111111111111:root' },
          Action: 'kms:*',
          Resource: '*',
        },
      ],
    });
  });

  it('a call names its key with KeyId: key A/N, an alias, or an ARN', () => {
    const { trace } = sim(`${world}
step "s" { as user Production/alice; call kms:Decrypt { KeyId: key Production/app }; expect allowed }
step "t" { as user Production/alice; call kms:Decrypt { KeyId: alias/billing }; expect allowed }
step "u" { as user Production/alice; call kms:Decrypt { KeyId: key locked }; expect allowed }`);
    expect(trace.summary).toEqual({ steps: 3, expectations: 3, passed: 3, failed: 0 });
  });

  it('a key declared as resource ARN is a key too: its policy is a key policy', () => {
    const arn = 'arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const { trace, world: w } = sim(`
account A 111111111111 {
  user alice { inline Use { allow action kms:Decrypt resource * } }
  resource ${arn} { policy { allow principal role A/other action kms:Decrypt resource * } }
  role other { trust { allow principal account A action sts:AssumeRole } }
}
step "s" { as user A/alice; call kms:Decrypt { KeyId: ${arn} }; expect implicit-deny; expect denied by resource }`);
    expect(w.resources.byArn[arn]).toMatchObject({ kind: 'key', name: '1234abcd-12ab-34cd-56ef-1234567890ab' });
    expect(trace.summary).toEqual({ steps: 1, expectations: 2, passed: 2, failed: 0 });
  });

  it('refuses an undeclared key, with the declared ones', () => {
    const e = failure(`${world} step "s" { as user Production/alice; call kms:Decrypt { KeyId: key Production/ap } }`);
    expect(e.message).toBe('key Production/ap is not defined');
  });

  it('refuses an alias name KMS refuses, and one alias for two keys', () => {
    expect(failure(`account A 111111111111 { key k { alias aws/mine } }`).message).toBe('alias name "aws/mine" is not valid in KMS');
    expect(failure(`account A 111111111111 { key k { alias "a b" } }`).message).toBe('alias name "a b" is not valid in KMS');
    expect(failure(`account A 111111111111 { key k { alias x }; key l { alias alias/x } }`).message).toBe(
      'alias alias/x is already used in account A: an alias names one key of an account and Region',
    );
  });

  it('refuses a key declared twice in an account', () => {
    expect(failure(`account A 111111111111 { key k; key k }`).message).toBe('key A/k is declared twice');
  });
});
