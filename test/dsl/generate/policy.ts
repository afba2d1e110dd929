// Generated values, `{ Key: value }` blocks and policy bodies (valid by construction, unless the
// vocabulary is loose).
import fc from 'fast-check';
import { type Arb, braces, JSON_TEXTS, REF_WORDS, seq, STATEMENT, type Vocabulary } from './words.js';

export interface PolicyParts {
  readonly refOrText: Arb;
  /** a parameter value that a step member may follow (no bare prefix keyword) */
  readonly stepEndValue: Arb;
  readonly entryBlock: Arb;
  readonly policyBody: Arb;
  readonly tags: Arb;
}

const JSON_VALUES = [...JSON_TEXTS.map((j) => `json ${j}`), 'json 5', 'json true', 'json null', 'json -1.5e3', 'json "text"', 'json\n[]'];
const KEYS = ['RoleArn:', 'aws:SourceIp:', '"odd key":', 'eks.amazonaws.com/role-arn:', 'allow:', '"":'];

export function policyParts({ name, nameExcept, sname, commas, atLeastOne }: Vocabulary): PolicyParts {
  const refWord = fc.constantFrom(...REF_WORDS);
  /** Ref -> RefWord Name (`oidc-provider for` is the cluster form) */
  const ref = seq(refWord, nameExcept('for'));
  const forCluster = seq('oidc-provider for cluster', name);
  const refOrText = fc.oneof(ref, nameExcept(...REF_WORDS));
  const token = seq(
    'token',
    fc.oneof(seq('from pod', name), seq('issuer', name)),
    fc.array(fc.oneof(seq(fc.constantFrom('signed-by', 'alg'), name), fc.constant('tampered')), { maxLength: 3 }).map((ms) => ms.join(' ')),
    fc.constantFrom('', '{}', '{ sub: system:serviceaccount:a:b, exp: -1h }'),
  );

  /**
   * A parameter value. A keyword that prefixes a name (`role`, `env`, `json` …) is a plain value
   * only where no name follows: `bare` says whether it may be one (not before a step member).
   */
  const valueArb = (bare: boolean): Arb =>
    fc.letrec<{ value: string; list: string }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        nameExcept(...(bare ? [] : [...REF_WORDS, 'env', 'file', 'credentials'])),
        ref,
        forCluster,
        fc.constantFrom(...JSON_VALUES),
        seq(fc.constantFrom('env', 'file', 'credentials'), name),
        token,
        tie('list'),
      ),
      list: fc.oneof(
        fc.constant('[]'),
        commas(tie('value')).map((v) => `[ ${v} ]`),
      ),
    })).value;

  /** `{ Key: value … }` with ",", ";" or nothing between entries and maybe one after the last. */
  const entryBlock = fc
    .tuple(
      fc.array(fc.tuple(seq(fc.constantFrom(...KEYS), valueArb(true)), fc.constantFrom('', ', ', ';', ' ;\n')), {
        maxLength: 3,
      }),
      fc.constantFrom('', ',', ';'),
    )
    .map(([entries, last]) => {
      const body = entries.map(([e, sep], i) => (i === entries.length - 1 ? e : e + sep)).join(' ');
      return `{ ${body}${entries.length > 0 ? last : ''} }`;
    });

  const sitem = fc.oneof(seq(refWord, nameExcept(...STATEMENT, 'for')), nameExcept(...STATEMENT, ...REF_WORDS));
  const principal = fc.oneof(
    fc.constant('*'),
    seq(fc.constantFrom('account', 'user', 'role'), sname),
    seq('service', sname),
    seq('federated', fc.oneof(forCluster, seq('saml-provider', sname), nameExcept(...STATEMENT, 'oidc-provider', 'saml-provider'))),
    nameExcept(...STATEMENT, 'account', 'user', 'role', 'service', 'federated', '*'),
  );
  const clause = fc.oneof(
    seq('sid', sname),
    seq(fc.constantFrom('principal', 'not-principal'), commas(principal)),
    seq(fc.constantFrom('action', 'not-action'), commas(sname)),
    seq(fc.constantFrom('resource', 'not-resource'), commas(sitem)),
    seq('when', sname, fc.oneof(sname, fc.constantFrom('aws:username:', '"k":')), commas(sitem)),
  );
  const clauses = fc.array(clause, { minLength: atLeastOne, maxLength: 3 }).map((cs) => cs.join(' '));
  const statement = seq(fc.constantFrom('allow', 'deny'), clauses);
  const policyBody = fc.oneof(
    braces(statement),
    fc.constantFrom(...JSON_TEXTS).map((j) => `json ${j}`),
    seq('file', name),
  );

  return { refOrText, stepEndValue: valueArb(false), entryBlock, policyBody, tags: seq('tags', entryBlock) };
}
