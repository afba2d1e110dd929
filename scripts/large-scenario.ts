// Writes the generated scenario of issue 3 (test/bench/large-scenario.ts: 50 users with JSON
// policies, 2,000 one-line calls with `context`) to a file, for timing whole processes on it:
//
//   npx tsx scripts/large-scenario.ts /tmp/large.iam [USERS] [CALLS] [STATEMENTS]
//
// STATEMENTS (of each user's inline policy, default 12) must be 3 or fewer for the scenario to run:
// 12 exceed IAM's quota of 2,048 characters of a user's inline policies (LimitExceeded).
//   hyperfine -N './bin/simulate --format json /tmp/large.iam'
import { writeFileSync } from 'node:fs';
import { largeScenario } from '../test/bench/large-scenario.js';

const [file, users = '50', calls = '2000', statements = '12'] = process.argv.slice(2);
if (file === undefined) {
  process.stderr.write('usage: npx tsx scripts/large-scenario.ts FILE [USERS] [CALLS] [STATEMENTS]\n');
  process.exit(2);
}
const text = largeScenario(Number(users), Number(calls), Number(statements));
writeFileSync(file, text);
process.stdout.write(`${file}: ${text.length.toLocaleString('en-US')} characters, ${users} users, ${calls} calls\n`);
