// The other side of issue 3's end-to-end comparison: another evaluator, installed out of tree,
// checks the 2,000 requests of the generated scenario (scripts/large-scenario.ts) in its own
// process, one request after another, as `simulate --format json` does in its own. Time both whole
// processes from outside, in the same run:
//
//   npm i --prefix /tmp/oracle @cloud-copilot/iam-simulate@0.1.173
//   npx tsx scripts/large-scenario.ts /tmp/large.iam
//   hyperfine -N -r 8 'node scripts/oracle-bench.mjs /tmp/large.iam' './bin/simulate --format json /tmp/large.iam'
//
// ORACLE names the package folder (default: /tmp/oracle/node_modules/@cloud-copilot/iam-simulate);
// it is AGPL-3.0, so it is never a dependency of this repository (see scripts/differential.ts).
// Plain JavaScript, run by node itself: the timed process should not pay for a TypeScript loader.
//
// The requests are read from the generated file's regular layout (not a general .iam parser): each
// user's inline JSON policy and tags, and each one-line step. Each request carries the context
// iamsim's engine builds for an IAM user with long-term keys (IAM User Guide "AWS global condition
// context keys") and the step's aws:SourceIp. One adaptation: iam-simulate refuses s3:ListBucket on
// an object ARN (its resource type is the bucket), so that action is asked about the bucket.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const oracleDir = process.env.ORACLE ?? '/tmp/oracle/node_modules/@cloud-copilot/iam-simulate';
const started = performance.now();
let runSimulation;
try {
  const pkg = JSON.parse(readFileSync(join(oracleDir, 'package.json'), 'utf8'));
  const entry = pkg.exports?.['.']?.import?.default ?? pkg.exports?.['.']?.import ?? pkg.module ?? pkg.main;
  ({ runSimulation } = await import(pathToFileURL(join(oracleDir, typeof entry === 'string' ? entry : 'index.js')).href));
} catch (e) {
  process.stderr.write(
    `oracle-bench: cannot load the evaluator at ${oracleDir} (${e.message}); install it with\n` +
      '  npm i --prefix /tmp/oracle @cloud-copilot/iam-simulate@0.1.173\n',
  );
  process.exit(2);
}
const loaded = performance.now();

const file = process.argv[2] ?? '/tmp/large.iam';
const text = readFileSync(file, 'utf8');
const lines = text.split('\n');
const clock = /^clock (\S+)/m.exec(text)?.[1];
const users = new Map(); // "Account/user" → { account, name, tags, policies }
let account = null;
let user = null;
for (let i = 0; i < lines.length; i++) {
  const line = lines[i];
  let m;
  if ((m = /^account (\S+) (\d{12}) \{/.exec(line))) account = { name: m[1], id: m[2] };
  else if ((m = /^\s+user (\S+) \{/.exec(line)))
    users.set(`${account.name}/${m[1]}`, (user = { account: account.id, name: m[1], tags: {}, policies: [] }));
  else if ((m = /^\s+tags \{ (.*) \}/.exec(line))) {
    for (const pair of m[1].split(',')) {
      const [k, v] = pair.split(':').map((s) => s.trim());
      user.tags[k] = v;
    }
  } else if ((m = /^\s+inline (\S+) json \{$/.exec(line))) {
    const body = ['{'];
    for (let depth = 1; depth > 0;) {
      const next = lines[++i];
      for (const ch of next) depth += ch === '{' ? 1 : ch === '}' ? -1 : 0;
      body.push(next);
    }
    user.policies.push({ name: m[1], policy: JSON.parse(body.join('\n')) });
  }
}
if (clock === undefined || users.size === 0) {
  process.stderr.write(`oracle-bench: ${file} is not a scenario written by scripts/large-scenario.ts\n`);
  process.exit(2);
}

const STEP = /^step "[^"]*" \{ as user (\S+); call (\S+) resource (\S+) context \{ aws:SourceIp: (\S+) \} \}$/;
const epoch = String(Math.floor(Date.parse(clock) / 1000));
const simulations = [];
for (const line of lines) {
  const m = STEP.exec(line);
  if (!m) continue;
  const u = users.get(m[1]);
  const action = m[2];
  const resource = action === 's3:ListBucket' ? m[3].slice(0, m[3].indexOf('/')) : m[3];
  const arn = `arn:aws:iam::${u.account}:user/${u.name}`;
  const context = {
    'aws:PrincipalArn': arn,
    'aws:PrincipalAccount': u.account,
    'aws:PrincipalType': 'User',
    'aws:username': u.name,
    'aws:userid': `AIDA${u.name.toUpperCase()}`,
    'aws:PrincipalIsAWSService': 'false',
    'aws:CurrentTime': clock,
    'aws:EpochTime': epoch,
    'aws:SecureTransport': 'true',
    'aws:RequestedRegion': 'us-east-1',
    'aws:ViaAWSService': 'false',
    'aws:SourceIp': m[4],
  };
  for (const [k, v] of Object.entries(u.tags)) context[`aws:PrincipalTag/${k}`] = v;
  simulations.push({
    request: { principal: arn, action, resource: { resource, accountId: u.account }, contextVariables: context },
    identityPolicies: u.policies,
    serviceControlPolicies: [],
    resourceControlPolicies: [],
  });
}
const prepared = performance.now();

const decisions = {};
for (const simulation of simulations) {
  const r = await runSimulation(simulation, {});
  const key = r.resultType === 'error' ? `error: ${r.errors?.message ?? 'unknown'}` : r.overallResult;
  decisions[key] = (decisions[key] ?? 0) + 1;
}
const done = performance.now();
const ms = (a, b) => `${(b - a).toFixed(0)} ms`;
process.stdout.write(
  `${simulations.length} requests of ${users.size} users: ${JSON.stringify(decisions)}\n` +
    `load ${ms(started, loaded)}, read ${ms(loaded, prepared)}, evaluate ${ms(prepared, done)} ` +
    `(${((done - prepared) / simulations.length).toFixed(2)} ms a request)\n`,
);
