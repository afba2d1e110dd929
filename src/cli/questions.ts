// `simulate who-can` and `simulate paths`: read the world, name the arguments, ask, print. The
// questions are the engine's (src/engine/query/); naming and printing are src/query's.
import { pathsFrom, principalByArn, reach, shortestPaths, type Path } from '../engine/query/paths.js';
import { whoCan } from '../engine/query/who-can.js';
import { ScenarioError, formatScenarioError } from '../errors.js';
import { argumentArn, checkAction, loadWorld, type QueryWorld } from '../query/load.js';
import { pathsJson, pathsText, whoCanJson, whoCanText, type SessionChains } from '../query/render.js';
import { describeScenarioError, filesBeside } from '../run-file.js';
import { COLOUR, PLAIN } from '../trace/style.js';
import type { Args } from './args.js';
import type { Io } from './io.js';
import { useColour } from './render.js';

export async function runQuestion(args: Args, text: string, io: Io): Promise<number> {
  const file = args.files[0]!;
  let w: QueryWorld;
  try {
    w = await loadWorld(text, file, filesBeside(file), args.explain);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    io.stderr(describeScenarioError(e, file, text) + '\n');
    return 2;
  }
  const style = useColour(args, io) ? COLOUR : PLAIN;
  const o = { style, explain: args.explain };
  try {
    if (args.command === 'who-can') {
      const [, actionArg, resourceArg] = args.files as [string, string, string];
      const action = checkAction(actionArg);
      const resource = argumentArn(w, resourceArg, 'RESOURCE');
      const answer = whoCan(w.world, action, resource, { all: args.explain });
      const sessions = args.sessions
        ? sessionChains(
            w,
            answer.entries.filter((e) => e.verdict !== 'denied' && e.principal.kind === 'role').map((e) => e.principal.arn),
          )
        : null;
      io.stdout(args.format === 'json' ? whoCanJson(answer, sessions) : whoCanText(answer, file, o, sessions));
      return 0;
    }
    const toArg = args.allTo ?? args.files[2]!;
    const to = roleArn(w, toArg, args.allTo === null ? 'TO' : '--all-to');
    const found = reach(w.world, to);
    const toLabel = principalByArn(w.world, to)!.label;
    if (args.allTo !== null) {
      const paths = shortestPaths(found);
      for (const part of args.format === 'json' ? pathsJson(null, toLabel, found, paths) : pathsText(null, toLabel, found, paths, file, o))
        io.stdout(part);
      return 0;
    }
    const from = argumentArn(w, args.files[1]!, 'FROM');
    const fromLabel = principalByArn(w.world, from)?.label ?? `federated ${from}`;
    const paths = pathsFrom(found, from);
    for (const part of args.format === 'json'
      ? pathsJson(fromLabel, toLabel, found, paths)
      : pathsText(fromLabel, toLabel, found, paths, file, o))
      io.stdout(part);
    return 0;
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    const argument =
      e.file === 'RESOURCE' ? args.files[2]! : e.file === 'ACTION' || e.file === 'FROM' ? args.files[1]! : (args.allTo ?? args.files[2]!);
    io.stderr(`simulate ${args.command}: ${formatScenarioError(e, argument.trim())}\n`);
    return 2;
  }
}

/** TO names a role of the world (paths lead to roles). */
function roleArn(w: QueryWorld, argument: string, what: string): string {
  const arn = argumentArn(w, argument, what);
  if (w.world.iam.roles[arn] === undefined) {
    const text = argument.trim();
    throw new ScenarioError({
      file: what,
      pos: { line: 1, col: 1, offset: 0 },
      length: text.length,
      message: `${text} is not a role of the world: paths lead to roles`,
      expected: 'a role, as role Account/Name or its ARN',
    });
  }
  return arn;
}

function sessionChains(w: QueryWorld, roles: readonly string[]): SessionChains {
  const out = new Map<string, Path[]>();
  for (const role of roles) out.set(role, shortestPaths(reach(w.world, role)));
  return out;
}
