import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { ScenarioFile, StepDecl, Text, WorldItem } from '../../src/dsl/ast.js';
import grammar from '../../src/dsl/grammar.generated.js';
import { parseScenario } from '../../src/dsl/parse.js';
import { grammarLiterals as literalsOf } from '../../src/dsl/token-classes.js';
import { ScenarioError } from '../../src/errors.js';

/** Every literal the grammar matches (keywords and punctuation), those of token classes included. */
export const grammarLiterals: readonly string[] = literalsOf(grammar);

export const fixturesDir = fileURLToPath(new URL('./fixtures/', import.meta.url));

export function fixture(path: string): string {
  return readFileSync(fixturesDir + path, 'utf8');
}

export function parseFixture(path: string): ScenarioFile {
  return parseScenario(fixture(path), path);
}

/** The ScenarioError that parsing `source` throws (fails the test if it parses). */
export function parseError(source: string, file = 'bad.iam'): ScenarioError {
  try {
    parseScenario(source, file);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return e as ScenarioError;
  }
  throw new Error(`expected a ScenarioError, but this parsed:\n${source}`);
}

/** The members of union N whose kind may be K (some nodes have kind 'Action' | 'NotAction'). */
type Narrow<N, K> = N extends { readonly kind: infer NK } ? (K extends NK ? N & { readonly kind: K } : never) : never;

/** Narrows a node to one kind, failing the test otherwise. */
export function as<N extends { readonly kind: string }, K extends N['kind']>(node: N | null | undefined, kind: K): Narrow<N, K> {
  expect(node?.kind).toBe(kind);
  return node as Narrow<N, K>;
}

export function items<K extends WorldItem['kind']>(file: ScenarioFile, kind: K): Extract<WorldItem, { kind: K }>[] {
  return file.items.filter((i): i is Extract<WorldItem, { kind: K }> => i.kind === kind);
}

export function steps(file: ScenarioFile): StepDecl[] {
  return items(file, 'Step');
}

/** The text of a Text node or of the target of a Ref; undefined for anything else. */
export function t(node: { readonly kind: string } | null | undefined): string | undefined {
  if (node?.kind === 'Text') return (node as Text).text;
  if (node?.kind === 'Ref') return (node as unknown as { readonly target: Text }).target.text;
  return undefined;
}

/**
 * A compact rendering of a tree for golden files: no `loc`, and Text nodes as strings (quoted
 * text keeps its quotes, so `"allow"` and `allow` stay distinct).
 */
export function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(compact);
  if (value === null || typeof value !== 'object') return value;
  const node = value as Record<string, unknown>;
  if (node['kind'] === 'Text') {
    return node['quoted'] ? JSON.stringify(node['text']) : node['text'];
  }
  if (node['kind'] === 'Json') return { kind: 'Json', raw: node['raw'] };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) if (k !== 'loc') out[k] = compact(v);
  return out;
}
