// `expect who-can …` and `expect [no] path from … to …`: a question about the world as it stands
// at that point of the run, answered by the engine's own queries (src/engine/query), so the answer
// is a golden test. The answer goes in the ExpectationChecked event's `actual`.
import { pathsFrom, principalByArn, reach, type Path } from '../query/paths.js';
import { whoCan } from '../query/who-can.js';
import type { World } from '../world.js';
import type { ExpectationSpec } from './commands.js';
import type { Verdict } from './expect.js';

export type QuestionSpec = Extract<ExpectationSpec, { kind: 'who-can' | 'path' }>;

export const isQuestion = (spec: ExpectationSpec): spec is QuestionSpec => spec.kind === 'who-can' || spec.kind === 'path';

/** How the language writes a principal (`user Dev/alice`), or its ARN when the world no longer has it. */
function label(world: World, arn: string): string {
  return principalByArn(world, arn)?.label ?? arn;
}

export function answerQuestion(spec: QuestionSpec, world: World): Verdict {
  switch (spec.kind) {
    case 'who-can': {
      // allowed ones are the answer; a conditional one (allowed only with a condition key a real
      // request would have to carry) is shown, not counted: list it and the expectation fails
      const answer = whoCan(world, spec.action, spec.resource);
      const allowed = answer.entries.filter((e) => e.verdict === 'allowed').map((e) => e.principal);
      const conditional = answer.entries.filter((e) => e.verdict === 'conditional');
      const got = new Set(allowed.map((p) => p.arn));
      const passed = got.size === spec.principals.length && spec.principals.every((arn) => got.has(arn));
      const names = allowed.map((p) => p.label).sort();
      const extra = conditional.map((e) => `${e.principal.label} if ${e.unknown.join(', ')}`).sort();
      return { passed, actual: `[${names.join(', ')}]${extra.length > 0 ? ` (conditional: ${extra.join('; ')})` : ''}` };
    }
    case 'path': {
      if (world.iam.roles[spec.to] === undefined)
        return { passed: !spec.exists, actual: `${label(world, spec.to)} is not a role of the world` };
      if (principalByArn(world, spec.from) === null)
        return { passed: !spec.exists, actual: `${label(world, spec.from)} is not a user or role of the world` };
      const paths = pathsFrom(reach(world, spec.to), spec.from, 10);
      const sure = paths.find((p) => p.verdict === 'allowed');
      if (sure !== undefined) return { passed: spec.exists, actual: chain(sure) };
      const maybe = paths[0];
      if (maybe !== undefined) return { passed: false, actual: `only conditional: ${chain(maybe)}` };
      return { passed: !spec.exists, actual: 'none' };
    }
  }
}

/** `user Dev/alice → sts:AssumeRole → role Prod/App → iam:PassRole (ec2.amazonaws.com) → role Prod/Admin` */
function chain(path: Path): string {
  const parts = [path.hops[0]!.from.label];
  for (const h of path.hops) {
    const hop = h.service === null ? h.kind : `${h.kind} (${h.service})`;
    const cond = h.decided.verdict === 'conditional' ? ` if ${h.decided.unknown.join(', ')}` : '';
    parts.push(`${hop}${cond}`, h.to.label);
  }
  return parts.join(' → ');
}
