// Writes the large organization of issue 15 as AWS's JSON output (test/import/fixtures.ts): 100
// accounts with 200 users and 50 roles each (20,000 users and 5,000 roles with trust policies: 25,000 principals),
// every account's get-account-authorization-details output in pages of 100 entities, the
// organization bundle, a bucket and a key policy. Then `simulate import` makes the world:
//
//   npx tsx scripts/large-account.ts /tmp/large-org [ACCOUNTS] [USERS] [ROLES]
//   ./bin/simulate import /tmp/large-org/*.json -o /tmp/large-org.iam
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { awsFixture } from '../test/import/fixtures.js';

const [dir, accounts = '100', users = '200', roles = '50'] = process.argv.slice(2);
if (dir === undefined) {
  process.stderr.write('usage: npx tsx scripts/large-account.ts DIR [ACCOUNTS] [USERS-PER-ACCOUNT] [ROLES-PER-ACCOUNT]\n');
  process.exit(2);
}
mkdirSync(dir, { recursive: true });
const files = awsFixture({ accounts: Number(accounts), usersPerAccount: Number(users), rolesPerAccount: Number(roles), pageSize: 100 });
let size = 0;
for (const f of files) {
  writeFileSync(join(dir, f.name), f.text);
  size += f.text.length;
}
process.stdout.write(
  `${dir}: ${files.length} files, ${size.toLocaleString('en-US')} characters; ${accounts} accounts, ${Number(accounts) * Number(users)} users, ${Number(accounts) * Number(roles)} roles\n`,
);
