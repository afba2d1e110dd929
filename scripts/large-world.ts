// Writes the generated organization of issue 15 (test/bench/large-world.ts: 100 accounts, 20,000
// users, 5,000 roles with trust policies) to a file, for timing `simulate who-can` and `simulate
// paths` as whole processes on it:
//
//   npx tsx scripts/large-world.ts /tmp/world.iam [ACCOUNTS] [USERS] [ROLES]
//   /usr/bin/time -v ./bin/simulate paths /tmp/world.iam --all-to 'role a5/admin'
import { writeFileSync } from 'node:fs';
import { largeWorld } from '../test/bench/large-world.js';

const [file, accounts = '100', users = '20000', roles = '5000'] = process.argv.slice(2);
if (file === undefined) {
  process.stderr.write('usage: npx tsx scripts/large-world.ts FILE [ACCOUNTS] [USERS] [ROLES]\n');
  process.exit(2);
}
const text = largeWorld({ accounts: Number(accounts), users: Number(users), roles: Number(roles) });
writeFileSync(file, text);
process.stdout.write(`${file}: ${text.length.toLocaleString('en-US')} characters, ${accounts} accounts, ${users} users, ${roles} roles\n`);
