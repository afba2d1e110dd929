// The shapes simulate import reads are AWS's: each structure's members in src/import/shapes.ts are
// exactly botocore's (test/import/aws-shapes.json copies the member names of the structures reachable
// from GetAccountAuthorizationDetailsResponse in botocore/data/iam/2010-05-08/service-2.json, and from
// the six Organizations responses in botocore/data/organizations/2016-11-28/service-2.json), and every
// key of the generated fixture (test/import/fixtures.ts) is a member of its structure.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STRUCTURES, WRAPPERS, type Shape } from '../../src/import/shapes.js';
import { awsFixture } from './fixtures.js';

const model = JSON.parse(readFileSync(join(import.meta.dirname, 'aws-shapes.json'), 'utf8')) as {
  iam: Record<string, string[]>;
  organizations: Record<string, string[]>;
};
const botocore: Record<string, string[]> = { ...model.iam, ...model.organizations };

/** Every key of `value` is a member of `shape` (recursively); returns the paths of those that are not. */
function strayKeys(value: unknown, shape: Shape, path: string, out: string[]): string[] {
  if (value === null || typeof shape === 'string') return out;
  if ('list' in shape) (value as unknown[]).forEach((v, i) => strayKeys(v, shape.list, `${path}[${i}]`, out));
  else if ('map' in shape) for (const [k, v] of Object.entries(value as object)) strayKeys(v, shape.map, `${path}.${k}`, out);
  else {
    const members = { ...STRUCTURES, ...WRAPPERS }[shape.struct]!;
    for (const [k, v] of Object.entries(value as object)) {
      if (members[k] === undefined) out.push(`${path}.${k} (${shape.struct})`);
      else strayKeys(v, members[k], `${path}.${k}`, out);
    }
  }
  return out;
}

describe("simulate import: the input shapes are AWS's", () => {
  it("given botocore's model, then every structure the importer reads has exactly its members", () => {
    for (const [name, members] of Object.entries(botocore)) {
      expect(Object.keys(STRUCTURES[name] ?? {}), name).toEqual(members);
    }
    expect(Object.keys(STRUCTURES).sort()).toEqual(Object.keys(botocore).sort());
  });

  it('given the generated fixture, then each of its keys is a member of the structure it is in', () => {
    for (const f of awsFixture({ accounts: 3, usersPerAccount: 20, rolesPerAccount: 10, pageSize: 30 })) {
      const value = JSON.parse(f.text) as Record<string, unknown>;
      const shape: Shape = {
        struct:
          'ListRoots' in value
            ? 'OrganizationBundle'
            : 'Bucket' in value
              ? 'BucketPolicy'
              : 'KeyId' in value
                ? 'KeyPolicy'
                : 'GetAccountAuthorizationDetailsResponse',
      };
      expect(strayKeys(value, shape, f.name, []), f.name).toEqual([]);
    }
  });
});
