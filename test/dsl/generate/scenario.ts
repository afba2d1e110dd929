// Generated scenarios that the grammar accepts, covering its vocabulary: every world item, account
// member, organization member and step member, keywords used as names, optional ";" and comments.
import fc from 'fast-check';
import { policyParts } from './policy.js';
import { type Arb, braces, opt, seq, vocabulary } from './words.js';

/** Scenarios the grammar accepts; `loose`: almost all of them just not (reserved words as names…). */
export function scenarioArb(loose: boolean): Arb {
  const words = vocabulary(loose);
  const { name, nameExcept, commas } = words;
  const { entryBlock, policyBody, refOrText, stepEndValue, tags } = policyParts(words);

  const description = fc.constantFrom('"one line"', '"""\n    Two\n      lines\n    """', '""""""');
  const inline = seq('inline', name, policyBody);
  const attach = seq('attach', commas(refOrText));
  const path = seq('path', name);
  const boundary = seq('boundary', refOrText);

  const user = seq(
    'user',
    name,
    opt(
      braces(
        fc.oneof(
          seq('groups', commas(refOrText)),
          inline,
          attach,
          boundary,
          tags,
          path,
          seq('mfa-device', name, opt(seq('code', name))),
          fc.constant('access-key'),
        ),
      ),
    ),
  );
  const group = seq('group', name, opt(braces(fc.oneof(inline, attach, path))));
  const role = seq(
    'role',
    name,
    opt(
      braces(
        fc.oneof(
          path,
          seq('max-session-duration', name),
          seq('trust', policyBody),
          inline,
          attach,
          boundary,
          tags,
          seq('description', description),
        ),
      ),
    ),
  );
  const managedPolicy = seq('policy', name, opt(seq('path', name)), opt(seq('version', name)), policyBody);
  const awsManagedPolicy = seq('aws-managed-policy', name, opt(seq('path', name)), opt(seq('version', name)), policyBody);
  const resourceBody = opt(braces(fc.oneof(seq('policy', policyBody), tags)));
  const pod = seq('pod', name, fc.constantFrom('', '{}', '{ service-account sa }', '{ service-account "sa"; }'));
  const namespace = seq(
    'namespace',
    name,
    opt(
      braces(
        fc.oneof(
          seq(
            'service-account',
            name,
            opt(braces(fc.oneof(seq('annotation', 'eks.amazonaws.com/role-arn:', 'role', 'A/r'), seq('pod-identity', refOrText)))),
          ),
          pod,
        ),
      ),
    ),
  );
  const cluster = seq('cluster', name, opt(braces(fc.oneof(seq('region', name), seq('oidc-issuer-id', name), namespace))));
  const oidcProvider = seq(
    fc.oneof(seq('oidc-provider for cluster', name), seq('oidc-provider', nameExcept('for'))),
    opt(braces(seq(fc.constantFrom('client-ids', 'thumbprints'), commas(name)))),
  );
  const oidcIssuer = seq('oidc-issuer', name, name);

  const account = seq(
    'account',
    name,
    name,
    opt(
      braces(
        fc.oneof(
          user,
          group,
          role,
          managedPolicy,
          seq('bucket', name, resourceBody),
          seq('resource', name, resourceBody),
          seq('key', name, opt(braces(fc.oneof(seq('policy', policyBody), tags, seq('alias', name)), 3))),
          seq('vpc-endpoint', name, braces(fc.oneof(seq(fc.constantFrom('id', 'vpc', 'service'), name), seq('policy', policyBody)), 4)),
          seq(
            fc.constantFrom('instance-profile', 'function', 'instance'),
            name,
            opt(braces(fc.oneof(seq(fc.constantFrom('role', 'instance-profile'), refOrText), seq('path', name)), 3)),
          ),
          cluster,
          oidcProvider,
          oidcIssuer,
          tags,
        ),
        4,
      ),
    ),
  );

  const orgPolicy = seq(fc.constantFrom('scp', 'rcp'), name, opt(policyBody));
  const detach = seq('detach', name);
  const ouId = nameExcept('management', 'account', 'ou', 'scp', 'rcp', 'detach');
  const { ouMember } = fc.letrec<{ ouMember: string }>((tie) => ({
    ouMember: fc.oneof(
      { depthSize: 'small' },
      seq('account', commas(name)),
      seq('account', name, braces(fc.oneof(orgPolicy, detach))),
      orgPolicy,
      detach,
      seq('ou', name, opt(ouId), opt(braces(tie('ouMember')))),
    ),
  }));
  const organization = seq('organization', opt(name), braces(fc.oneof(seq('management', name), ouMember), 4));

  const subject = fc.oneof(
    seq(fc.constantFrom('user', 'root', 'pod', 'function', 'instance', 'task'), name),
    seq(
      'service',
      name,
      fc.constantFrom('', 'source-account 1', 'source-arn x', 'source-account 1 source-arn x', 'source-arn x source-account "1"'),
    ),
    fc.constant('anonymous'),
    nameExcept('user', 'root', 'pod', 'service', 'anonymous', 'function', 'instance', 'task'),
  );
  const call = seq('call', name, opt(seq('resource', refOrText)), opt(entryBlock), opt(seq('context', entryBlock)));
  const expectation = fc.oneof(
    fc.constantFrom('allowed', 'denied', 'explicit-deny', 'implicit-deny'),
    seq('error', name),
    seq(
      'denied by',
      fc.constantFrom('scp', 'rcp', 'vpc-endpoint', 'boundary', 'session-policy', 'identity', 'resource', 'trust'),
      opt(nameExcept('as', 'region', 'via', 'call', 'expect', 'keep', 'sign-in')),
    ),
    seq('response', name, '=', stepEndValue),
  );
  const step = seq(
    'step',
    name,
    braces(
      fc.oneof(
        seq('as', subject),
        seq('region', name),
        seq('via vpc-endpoint', name, 'from', name),
        call,
        seq('expect', expectation),
        seq('keep credentials as', name),
      ),
      5,
    ),
  );

  const worldItem = fc.oneof(
    seq(fc.constantFrom('scenario', 'clock', 'region', 'wait'), name),
    seq('description', description),
    account,
    awsManagedPolicy,
    organization,
    oidcProvider,
    oidcIssuer,
    step,
  );

  // world items, each maybe followed by ";"
  return fc
    .array(fc.tuple(worldItem, fc.constantFrom('', ';', '\n')), { maxLength: 6 })
    .map((items) => items.map(([item, end]) => item + end).join('\n'));
}

export const scenario = scenarioArb(false);
export const looseScenario = scenarioArb(true);
