// The text trace: the world, then each step hop by hop — caller, call, every policy consulted with
// its verdict and the statements that decided, the decision, the result and the expectations.
import { decodedMessageLines, shortEncoded, shortenEncodedIn, shownParam } from './encoded-message.js';
import type { CallRecord, EvaluationRecord } from '../engine/call-record.js';
import { DEFAULT_REGION } from '../engine/scenario/state.js';
import { AWS_POLICY_ACCOUNT } from '../engine/iam/aws-managed.js';
import { isObject } from '../json/is-object.js';
import { howWords } from '../policy/index.js';
import type { PolicyVerdict } from '../policy/types.js';
import { padEnd } from './format.js';
import { requestScope } from './request-scope.js';
import type { TraceModel, TraceRefused, TraceStep } from './model.js';
import { renderExplainedEvaluation } from './explain/render-explain.js';
import { renderAfter, renderHops, renderIssuers } from './render-hops.js';
import { renderOrganization } from './render-org.js';
import type { Style } from './style.js';
import type { TraceWriter } from './stream.js';

export interface TextOptions {
  readonly style: Style;
  readonly explain: boolean;
}

export function renderText(model: TraceModel, options: TextOptions): string {
  return [
    renderTextHead(model, options),
    ...model.items.map((item) => renderTextItem(item, options)),
    renderTextSummary(model, options),
  ].join('');
}

/** The text trace in parts (head, items, summary), as the run goes. */
export function textWriter(options: TextOptions): TraceWriter {
  return {
    head: (model) => renderTextHead(model, options),
    item: (item) => renderTextItem(item, options),
    end: (model) => renderTextSummary(model, options),
  };
}

/** The title and the world, before the first step (`simulate serve` prints the parts as they come). */
export function renderTextHead(model: TraceModel, options: TextOptions): string {
  const s = options.style;
  const out: string[] = [];
  out.push(s.bold(model.title));
  if (model.description) for (const line of model.description.trim().split('\n')) out.push(line.trim());
  out.push(s.dim(`${model.file} · clock ${model.clock} · region ${model.region}`));
  out.push('');
  out.push(s.bold('World'));
  for (const account of model.accounts) {
    out.push(account.id === AWS_POLICY_ACCOUNT ? '  AWS managed policies' : `  account ${account.name} ${account.id}`);
    for (const e of account.entities) {
      const head = `    ${padEnd(e.kind, 8)} ${padEnd(e.name, 14)} ${e.arn}${e.id ? `  ${e.id}` : ''}`;
      out.push(head);
      if (e.details.length > 0) out.push(s.dim(`${' '.repeat(13)}${e.details.join(' · ')}`));
    }
  }
  if (model.organization) renderOrganization(model.organization, out, s);
  renderIssuers(model.issuers, out, s);
  return out.join('\n') + '\n';
}

/** A step or a wait, after the blank line that sets it apart. */
export function renderTextItem(item: TraceModel['items'][number], options: TextOptions): string {
  const out: string[] = [''];
  if (item.kind === 'wait') out.push(options.style.cyan(`wait ${item.text}: the clock moves from ${item.from} to ${item.to}`));
  else if (item.kind === 'refused') out.push(renderRefused(item, options.style));
  else renderStep(item, out, options);
  return out.join('\n') + '\n';
}

/** A request refused before the engine (simulate serve): one line, like a step's head, and its error. */
export function renderRefused(item: TraceRefused, s: Style): string {
  return `${s.bold(`Refused · ${item.method} ${item.path} (${item.service}) from ${item.from}`)}${s.dim(`  (${item.at})`)}\n  ${s.red(item.code)}  ${item.message}`;
}

/** The last line: how many steps and expectations, and whether every expectation held. */
export function renderTextSummary(model: TraceModel, options: TextOptions): string {
  const s = options.style;
  const sum = model.summary;
  const verdict = sum.failed === 0 ? s.green('all expectations held') : s.red(`${sum.failed} failed`);
  return `\n${sum.steps} steps, ${sum.expectations} expectations: ${sum.passed} passed, ${sum.failed} failed — ${verdict}\n`;
}

export function renderStep(step: TraceStep, out: string[], options: TextOptions): void {
  const s = options.style;
  out.push(s.bold(`Step ${step.index} · ${step.title}`) + s.dim(`  (${step.at})`));
  const call = step.call;
  if (step.notMade !== null) out.push(`  ${s.yellow('not made')}  ${step.notMade}`);
  renderHops(step, out, s, (hop) => renderCall(hop, out, options));
  if (call) renderCall(call, out, options);
  renderAfter(step, out, s, (hop) => renderCall(hop, out, options));
  for (const change of step.changes ?? []) out.push(`  ${s.cyan('change')}   ${change}`);
  for (const e of step.expectations) {
    out.push(
      e.passed
        ? `  ${s.green('pass')}     ${e.text}${e.question === true ? ` — answer: ${e.actual}` : ''}`
        : `  ${s.red('FAIL')}     ${e.text} — actual: ${e.actual}`,
    );
  }
  for (const k of step.kept) {
    out.push(
      k.accessKeyId !== null
        ? `  keep     credentials ${k.name} = ${k.accessKeyId}`
        : `  ${s.red('FAIL')}     keep credentials as ${k.name} — ${k.reason}`,
    );
  }
  for (const k of step.keptMessages ?? []) {
    out.push(
      k.message !== null
        ? `  keep     encoded-message ${k.name} = ${shortEncoded(k.message)}`
        : `  ${s.red('FAIL')}     keep encoded-message as ${k.name} — ${k.reason}`,
    );
  }
}

function renderCall(call: CallRecord, out: string[], options: TextOptions): void {
  const s = options.style;
  const creds =
    call.caller.credentials === 'none'
      ? ''
      : ` (${call.caller.credentials} credentials${call.caller.accessKeyId ? ` ${call.caller.accessKeyId}` : ''})`;
  out.push(`  caller   ${call.caller.label}: ${call.caller.arn}${creds}`);
  const params = Object.entries(call.params).map(([k, v]) => `${k}=${typeof v === 'string' ? shownParam(k, v) : JSON.stringify(v)}`);
  out.push(
    `  call     ${call.action}${call.resource && !('RoleArn' in call.params) ? ` on ${call.resource}` : ''}${params.length ? `  ${params.join('  ')}` : ''}`,
  );
  if (call.region !== DEFAULT_REGION || options.explain) out.push(`  region   ${call.region}`);
  for (const note of call.notes) out.push(s.dim(`  note     ${note}`));
  for (const ev of call.evaluations) renderEvaluation(ev, call, out, options);
  if (options.explain && Object.keys(call.context).length > 0) {
    out.push('  context');
    for (const [k, v] of Object.entries(call.context))
      out.push(s.dim(`    ${padEnd(k, 28)} ${typeof v === 'string' ? v : `[${v.join(', ')}]`}`));
  }
  if (call.outcome === 'allowed') {
    out.push(`  result   ${s.green('allowed')}`);
    if (call.response) for (const line of responseLines(call.response, '')) out.push(`           ${line}`);
  } else {
    const label = call.outcome === 'denied' ? s.red(call.decision === 'ExplicitDeny' ? 'explicit deny' : 'implicit deny') : s.red('error');
    out.push(`  result   ${label}: ${call.error?.code}: ${shortenEncodedIn(call.error?.message ?? '')}`);
  }
}

export function renderEvaluation(ev: EvaluationRecord, call: Pick<CallRecord, 'context'>, out: string[], options: TextOptions): void {
  const s = options.style;
  const e = ev.evaluation;
  const scope = requestScope(e);
  out.push(`  request  ${ev.action} on ${ev.resource} (${scope})`);
  if (options.explain) renderExplainedEvaluation(ev, call, out, s);
  else if (e.policies.length === 0) out.push(s.dim('    no policy applies'));
  for (const p of options.explain ? [] : e.policies) {
    const name = p.level === undefined ? p.name : `${p.name} at ${p.level}`;
    out.push(`    ${padEnd(p.type, 15)} ${padEnd(name, 44)} ${verdictWord(p, s)}`);
    for (const m of p.matched) {
      const quoted = ev.statements.find((q) => q.policy === p.name && q.index === m.index);
      const how = m.principalMatch ? ` (principal matched as ${howWords(m.principalMatch)})` : '';
      out.push(s.dim(`      #${m.index + 1}${m.sid ? ` ${m.sid}` : ''} ${quoted?.text ?? m.effect}${how}`));
    }
  }
  const decision = e.decision === 'Allow' ? s.green('Allow') : s.red(e.decision);
  out.push(`  decision ${decision}: ${e.reason}`);
  if (e.missingContextKeys.length > 0) out.push(s.dim(`  missing  ${e.missingContextKeys.join(', ')}`));
  void call;
}

function verdictWord(
  p: PolicyVerdict,
  s: { green: (x: string) => string; red: (x: string) => string; dim: (x: string) => string },
): string {
  if (p.verdict === 'Allow') return s.green('allows');
  if (p.verdict === 'Deny') return s.red('denies');
  return s.dim('no statement matches');
}

function responseLines(value: unknown, prefix: string): string[] {
  if (value === null || typeof value !== 'object') return [`${prefix}: ${String(value)}`];
  const lines: string[] = [];
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (isObject(v)) lines.push(...responseLines(v, path));
    else if (k === 'DecodedMessage' && typeof v === 'string') lines.push(...decodedMessageLines(v));
    else lines.push(`${path}: ${shorten(k, v)}`);
  }
  return lines;
}

/** Secrets and tokens are long and mean nothing to a reader; the JSON trace has them whole. */
function shorten(key: string, v: unknown): string {
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  if (key === 'SecretAccessKey' || key === 'SessionToken') return `${text.slice(0, 8)}… (${text.length} characters)`;
  // IAM returns policy documents URL-encoded (IAM API Reference, GetRole, GetPolicyVersion …)
  if ((key.endsWith('PolicyDocument') || key === 'Document') && typeof v === 'string' && v.startsWith('%7B')) {
    return `${decodeURIComponent(v)}  (URL-encoded in the response)`;
  }
  return text;
}
