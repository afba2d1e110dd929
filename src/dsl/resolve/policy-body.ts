// Policy bodies become the IAM JSON that AWS would store: native statements are written out with
// references expanded to ARNs; `json {…}` and `file "…"` are taken as they are. Every document is
// validated as AWS validates it, and a problem is reported where it is in the source.
import { ScenarioError } from '../../errors.js';
import { validatePolicy, type ValidateOptions } from '../../policy/index.js';
import type { PolicyKind, PolicyProblem } from '../../policy/types.js';
import type { PolicyDocument } from '../../engine/iam/state.js';
import type { Clause, Loc, OidcProviderForCluster, PolicyBody, PrincipalItem, Ref, ResourceItem, Statement, Text } from '../ast.js';
import { findJsonError } from '../../json/check.js';
import { isObject } from '../../json/is-object.js';
import { locate } from '../../json/locate.js';
import { posAt } from '../token.js';
import { checkJsonPolicy, checkStatements } from './catalogue-check.js';
import type { BodyContext } from './context.js';
import { providerForCluster } from './federated.js';

/**
 * `options` carries what a size quota needs beyond the document itself: for an inline policy, its
 * owner and the characters the owner's other inline policies already use (IAM and AWS STS quotas).
 */
export function policyDocument(
  body: PolicyBody,
  kind: PolicyKind,
  label: string,
  ctx: BodyContext,
  options: ValidateOptions = {},
): PolicyDocument {
  const at = ctx.resolver.at;
  switch (body.kind) {
    case 'Statements': {
      const doc = { Version: '2012-10-17', Statement: body.statements.map((s) => statementJson(s, ctx)) };
      reportProblems(validatePolicy(doc, kind, options), label, (path) => statementLoc(body.statements, path) ?? body.loc, at.file);
      checkStatements(body.statements, label, at);
      return doc;
    }
    case 'Json': {
      const doc = asDocument(body.value, body.loc, label, ctx);
      reportProblems(
        validatePolicy(doc, kind, options),
        label,
        (path) => posAt(body.raw, locate(body.raw, path).offset, body.loc),
        at.file,
      );
      checkJsonPolicy(doc, body.raw, body.loc, label, at.file);
      return doc;
    }
    case 'PolicyFile': {
      let read: { text: string; file: string };
      try {
        read = ctx.readFile(body.path.text);
      } catch {
        throw at.error(body.path.loc, `cannot read policy file ${body.path.text}`, {
          length: body.path.text.length + 2,
          expected: 'a JSON file, relative to the scenario',
        });
      }
      const start: Loc = { line: 1, col: 1, offset: 0 };
      let value: unknown;
      try {
        value = JSON.parse(read.text);
      } catch {
        const problem = findJsonError(read.text);
        const loc = posAt(read.text, problem?.index ?? 0, start);
        throw new ScenarioError({
          file: read.file,
          pos: loc,
          message: `${label}: invalid JSON: ${problem?.message ?? 'not a JSON document'}`,
          expected: problem?.expected ?? 'an IAM policy document in JSON',
        });
      }
      const doc = asDocument(value, body.path.loc, label, ctx);
      reportProblems(
        validatePolicy(doc, kind, options),
        label,
        (path) => posAt(read.text, locate(read.text, path).offset, start),
        read.file,
      );
      checkJsonPolicy(doc, read.text, start, label, read.file);
      return doc;
    }
    default: {
      const unreachable: never = body;
      throw new Error(`bug: unknown policy body ${JSON.stringify(unreachable)}`);
    }
  }
}

function asDocument(value: unknown, loc: Loc, label: string, ctx: BodyContext): PolicyDocument {
  if (!isObject(value)) {
    throw ctx.resolver.at.error(loc, `${label}: a policy document must be a JSON object`, {
      expected: '{ "Version": "2012-10-17", "Statement": [ … ] }',
    });
  }
  return value as PolicyDocument;
}

function reportProblems(
  problems: readonly PolicyProblem[],
  label: string,
  where: (path: readonly (string | number)[]) => Loc,
  file: string,
): void {
  const first = problems[0];
  if (!first) return;
  const loc = where(first.path);
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  throw new ScenarioError({ file, pos: loc, message: `${label}: ${first.code}: ${first.message}${more}` });
}

function statementLoc(statements: readonly Statement[], path: readonly (string | number)[]): Loc | null {
  const index = path[1];
  const s = typeof index === 'number' ? statements[index] : undefined;
  if (!s) return null;
  const element = path[2];
  const clauseKind: Record<string, Clause['kind']> = {
    Sid: 'Sid',
    Principal: 'Principal',
    NotPrincipal: 'NotPrincipal',
    Action: 'Action',
    NotAction: 'NotAction',
    Resource: 'Resource',
    NotResource: 'NotResource',
    Condition: 'Condition',
  };
  const kind = typeof element === 'string' ? clauseKind[element] : undefined;
  return s.clauses.find((c) => c.kind === kind)?.loc ?? s.loc;
}

function statementJson(s: Statement, ctx: BodyContext): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const sid = s.clauses.find((c) => c.kind === 'Sid');
  if (sid) out.Sid = sid.sid.text;
  out.Effect = s.effect;
  const conditions: Record<string, Record<string, string | string[]>> = {};
  for (const c of s.clauses) {
    switch (c.kind) {
      case 'Sid':
        break;
      case 'Principal':
      case 'NotPrincipal':
        out[c.kind] = principalJson(c.items, ctx);
        break;
      case 'Action':
      case 'NotAction':
        out[c.kind] = one(c.items.map((t) => t.text));
        break;
      case 'Resource':
      case 'NotResource':
        out[c.kind] = one(c.items.map((r) => resourceArn(r, ctx)));
        break;
      case 'Condition': {
        const block = (conditions[c.operator.text] ??= {});
        const key = Object.keys(block).find((k) => k.toLowerCase() === c.key.text.toLowerCase());
        if (key !== undefined) {
          throw ctx.resolver.at.error(
            c.loc,
            `two "when ${c.operator.text} ${c.key.text}" conditions in one statement cannot be written as IAM JSON`,
            {
              expected: 'one `when` per operator and key, its values separated by commas (they are ORed)',
            },
          );
        }
        block[c.key.text] = one(c.values.map((v) => (v.kind === 'Text' ? v.text : ctx.resolver.refArn(v.entity, v.target, ctx.here))));
        break;
      }
      default: {
        const unreachable: never = c;
        throw new Error(`bug: unknown clause ${JSON.stringify(unreachable)}`);
      }
    }
  }
  if (Object.keys(conditions).length > 0) out.Condition = conditions;
  return out;
}

function one(values: string[]): string | string[] {
  return values.length === 1 ? values[0]! : values;
}

export function resourceArn(r: ResourceItem, ctx: BodyContext): string {
  return r.kind === 'Text' ? r.text : ctx.resolver.refArn(r.entity, r.target, ctx.here);
}

function principalJson(items: readonly PrincipalItem[], ctx: BodyContext): unknown {
  if (items.some((p) => p.kind === 'AnyPrincipal')) return '*';
  const groups: Record<string, string[]> = {};
  const add = (key: string, value: string) => (groups[key] ??= []).push(value);
  for (const p of items) {
    switch (p.kind) {
      case 'AnyPrincipal':
        break;
      case 'Ref':
        add('AWS', ctx.resolver.refArn(p.entity, p.target, ctx.here));
        break;
      case 'Text':
        add('AWS', p.text === '*' ? '*' : p.text);
        break;
      case 'ServicePrincipal':
        add('Service', p.name.text);
        break;
      case 'FederatedPrincipal':
        add('Federated', federatedName(p.target, ctx));
        break;
      default: {
        const unreachable: never = p;
        throw new Error(`bug: unknown principal ${JSON.stringify(unreachable)}`);
      }
    }
  }
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(groups)) out[k] = one(v);
  return out;
}

/** `principal federated …`: an ARN or a built-in provider's name as written, or the ARN of `oidc-provider …`. */
function federatedName(target: Text | Ref | OidcProviderForCluster, ctx: BodyContext): string {
  switch (target.kind) {
    case 'OidcProviderForCluster':
      return providerForCluster(target.cluster, ctx);
    case 'Ref':
      return ctx.resolver.refArn(target.entity, target.target, ctx.here);
    case 'Text':
      return target.text;
    default: {
      const unreachable: never = target;
      throw new Error(`bug: unknown federated principal ${JSON.stringify(unreachable)}`);
    }
  }
}
