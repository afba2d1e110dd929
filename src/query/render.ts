// The answers of `simulate who-can` and `simulate paths`, as text (each decision as the trace shows
// a request's: the policies consulted, the statements that matched, the decision) and as JSON.
import type { Hop, Path, Reach } from '../engine/query/paths.js';
import type { WhoCanAnswer, WhoCanEntry } from '../engine/query/who-can.js';
import type { Decided } from '../engine/query/verdict.js';
import { renderEvaluation } from '../trace/render-text.js';
import type { Style } from '../trace/style.js';

export interface QueryTextOptions {
  readonly style: Style;
  readonly explain: boolean;
}

/** Role sessions reachable from principals, for `--sessions`: for each allowed role, the chains into it. */
export type SessionChains = ReadonlyMap<string, readonly Path[]>;

export function whoCanText(answer: WhoCanAnswer, world: string, o: QueryTextOptions, sessions: SessionChains | null): string {
  const s = o.style;
  const out = [`who can ${answer.action} on ${answer.resource}`];
  const skipped = answer.principals - answer.decided;
  out.push(
    s.dim(
      `  world    ${world}: ${counted(answer.principals, 'principal')}, ${answer.decided} decided` +
        (skipped > 0
          ? ` (no identity policy of the other ${skipped} allows ${answer.action}, nor does the resource's policy name them)`
          : ''),
    ),
  );
  for (const e of answer.entries) {
    out.push('');
    out.push(`${verdictLabel(e.verdict, s)}  ${e.principal.label}  ${s.dim(e.principal.arn)}`);
    if (e.verdict === 'conditional') out.push(`  unknown  ${unknownWords(e.assumed)}`);
    entryLines(e, out, o);
    const chains = sessions?.get(e.principal.arn);
    if (chains !== undefined) {
      if (chains.length === 0) out.push(s.dim('  sessions no other principal reaches this role'));
      for (const p of chains) out.push(`  session  ${chainWords(p)}${p.verdict === 'conditional' ? ' (conditional)' : ''}`);
    }
  }
  const count = (v: WhoCanEntry['verdict']) => answer.entries.filter((e) => e.verdict === v).length;
  out.push('');
  out.push(
    `${count('allowed')} allowed · ${count('conditional')} conditional` +
      (o.explain
        ? ` · ${count('denied')} denied`
        : ` · ${answer.principals - count('allowed') - count('conditional')} denied (--explain lists them)`),
  );
  return out.join('\n') + '\n';
}

function entryLines(e: WhoCanEntry, out: string[], o: QueryTextOptions): void {
  for (const note of e.notes) out.push(o.style.dim(`  note     ${note}`));
  if (e.error !== null && e.evaluations.length === 0) out.push(`  result   ${e.error.code}: ${e.error.message}`);
  for (const ev of e.evaluations) renderEvaluation(ev, { context: e.context }, out, { style: o.style, explain: o.explain });
}

function verdictLabel(v: WhoCanEntry['verdict'], s: Style): string {
  return v === 'allowed' ? s.green('allowed') : v === 'conditional' ? s.bold('conditional') : s.red('denied');
}

function unknownWords(assumed: Readonly<Record<string, string>>): string {
  const keys = Object.keys(assumed).sort();
  return `only a request that carries ${keys.map((k) => `${k} = ${JSON.stringify(assumed[k])}`).join(', ')} (or other values its conditions accept): the world cannot say what a request will carry; decided below with ${keys.length > 1 ? 'these values' : 'this value'}`;
}

export function chainWords(p: Path): string {
  const nodes = [p.hops[0]!.from.label, ...p.hops.map((h) => `${hopVerb(h)} ${h.to.label}`)];
  return nodes.join(' → ');
}

function hopVerb(h: Hop): string {
  return h.kind === 'iam:PassRole' ? `(PassRole to ${h.service})` : `(${h.kind.slice(4)})`;
}

/**
 * The paths answer as text, in parts written one after the other (the head, then a path at a time):
 * `--all-to` on a large world has more paths than one string may hold. A hop shared by many paths
 * is rendered once.
 */
export function* pathsText(
  from: string | null,
  to: string,
  reach: Reach,
  paths: Iterable<Path>,
  world: string,
  o: QueryTextOptions,
): Generator<string> {
  const s = o.style;
  const head = [from === null ? `paths to ${to}` : `paths from ${from} to ${to}`];
  head.push(
    s.dim(
      `  world    ${world}: ${counted(reach.decided, 'candidate hop')} decided, ${counted(reach.distance.size - 1, 'principal')} ${reach.distance.size - 1 === 1 ? 'reaches' : 'reach'} ${to}`,
    ),
  );
  yield head.join('\n') + '\n';
  const rendered = new WeakMap<Hop, string>();
  const hopText = (h: Hop, j: number): string => {
    let body = rendered.get(h);
    if (body === undefined) {
      const out: string[] = [];
      if (h.decided.verdict === 'conditional') out.push(`  unknown  ${unknownWords(h.decided.assumed)}`);
      hopLines(h.decided, out, o);
      body = out.map((l) => l + '\n').join('');
      rendered.set(h, body);
    }
    return `  hop ${j + 1}  ${h.kind}${h.service === null ? '' : ` to ${h.service}`}  ${h.from.label} → ${h.to.label}  ${verdictLabel(h.decided.verdict, s)}\n${body}`;
  };
  let i = 0;
  for (const p of paths) {
    i++;
    yield (
      `\n${i}. ${p.verdict === 'conditional' ? s.bold('conditional') : s.green('allowed')}  ${chainWords(p)}\n` +
      p.hops.map(hopText).join('')
    );
  }
  if (i === 0) yield `\n${from === null ? `no principal reaches ${to}` : `no path from ${from} to ${to}`}\n`;
}

function hopLines(d: Decided, out: string[], o: QueryTextOptions): void {
  for (const ev of d.evaluations) renderEvaluation(ev, { context: d.context }, out, { style: o.style, explain: o.explain });
}

export function whoCanJson(answer: WhoCanAnswer, sessions: SessionChains | null): string {
  return (
    JSON.stringify(
      {
        action: answer.action,
        resource: answer.resource,
        principals: answer.principals,
        decided: answer.decided,
        answers: answer.entries.map((e) => ({
          principal: e.principal.label,
          arn: e.principal.arn,
          verdict: e.verdict,
          assumed: e.assumed,
          error: e.error,
          notes: e.notes,
          evaluations: e.evaluations,
          ...(sessions?.has(e.principal.arn) ? { sessions: sessions.get(e.principal.arn)!.map(pathJson) } : {}),
        })),
      },
      null,
      2,
    ) + '\n'
  );
}

/**
 * The paths answer as JSON, in parts (the document JSON.stringify(…, null, 2) would write, a path at
 * a time): `--all-to` on a large world has more paths than one string may hold.
 */
export function* pathsJson(from: string | null, to: string, reach: Reach, paths: Iterable<Path>): Generator<string> {
  const head = JSON.stringify({ from, to, decidedHops: reach.decided, paths: [] }, null, 2);
  const open = head.slice(0, head.lastIndexOf('[]'));
  let first = true;
  for (const p of paths) {
    const item = JSON.stringify(pathJson(p), null, 2).replace(/\n/g, '\n    ');
    yield `${first ? `${open}[\n` : ',\n'}    ${item}`;
    first = false;
  }
  yield first ? `${head}\n` : '\n  ]\n}\n';
}

function pathJson(p: Path) {
  return {
    verdict: p.verdict,
    hops: p.hops.map((h) => ({
      action: h.kind,
      service: h.service,
      from: h.from.label,
      fromArn: h.from.arn,
      to: h.to.label,
      toArn: h.to.arn,
      verdict: h.decided.verdict,
      assumed: h.decided.assumed,
      evaluations: h.decided.evaluations,
    })),
  };
}

/** `1 principal`, `2 principals` */
const counted = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
