// The world a question is asked of: a scenario's text parsed, resolved and run (its declarations, and
// its steps if it has any), and the names it declares, so that principals and resources can be named
// as the language names them (`user Development/alice`) — resolved by the DSL's own resolver.
import { REF_WORDS } from '../dsl/build.js';
import { parseScenario } from '../dsl/parse.js';
import { resolveScenario, type ResolveOptions } from '../dsl/resolve/index.js';
import { located } from '../dsl/resolve/located.js';
import { collectSymbols, makeResolver, type Resolver } from '../dsl/resolve/symbols.js';
import type { RefEntity } from '../dsl/ast.js';
import { runScenario } from '../engine/run-scenario.js';
import type { World } from '../engine/world.js';
import { callActionProblem } from '../catalogue/index.js';
import { ScenarioError } from '../errors.js';

export interface QueryWorld {
  readonly world: World;
  readonly resolver: Resolver;
  readonly file: string;
}

/** Throws the ScenarioError of a world that cannot run. */
export async function loadWorld(text: string, file: string, readFile: ResolveOptions['readFile'], detail: boolean): Promise<QueryWorld> {
  const ast = parseScenario(text, file);
  const { commands } = resolveScenario(ast, { readFile, detail });
  const { world } = await runScenario(commands);
  const symbols = collectSymbols(ast, located(file));
  return { world, resolver: makeResolver(symbols, located(file)), file };
}

/** The reference kinds a question accepts for a principal or a resource: the language's reference words. */
const KINDS = REF_WORDS as readonly RefEntity[];

/**
 * An argument (`user Development/alice`, `role Production/Admin`, `bucket productionapp`, or an ARN)
 * to the ARN it names. `what` names the argument in a located error (`simulate: FROM:1:6: …`), whose
 * source line is the argument itself.
 */
export function argumentArn(w: QueryWorld, argument: string, what: string): string {
  const text = argument.trim();
  if (text.startsWith('arn:') || text === '*') return text;
  const space = text.indexOf(' ');
  const resolver = makeResolver(w.resolver.symbols, located(what));
  if (space < 0) {
    throw new ScenarioError({
      file: what,
      pos: { line: 1, col: 1, offset: 0 },
      length: text.length,
      message: `"${text}" names nothing: write an ARN or a reference such as user Account/name`,
      expected: `an ARN, or one of ${KINDS.join(', ')} followed by its name`,
    });
  }
  const kind = text.slice(0, space);
  const rest = text.slice(space).trimStart();
  const col = text.length - rest.length + 1;
  if (!(KINDS as readonly string[]).includes(kind)) {
    throw new ScenarioError({
      file: what,
      pos: { line: 1, col: 1, offset: 0 },
      length: kind.length,
      message: `${kind} is not a kind of reference`,
      expected: `one of ${KINDS.join(', ')}`,
    });
  }
  return resolver.refArn(kind as RefEntity, { kind: 'Text', text: rest, quoted: false, loc: { line: 1, col, offset: col - 1 } }, null);
}

/** ACTION, checked against AWS's actions as a step's call is: an unknown one is a located error with the nearest action. */
export function checkAction(argument: string): string {
  const problem = callActionProblem(argument);
  if (problem === null) return argument;
  throw new ScenarioError({
    file: 'ACTION',
    pos: { line: 1, col: 1, offset: 0 },
    length: argument.length,
    message: problem.message,
    ...(problem.expected !== undefined ? { expected: problem.expected } : {}),
    ...(problem.suggestion !== undefined ? { suggestion: problem.suggestion } : {}),
  });
}
