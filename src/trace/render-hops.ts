// The text trace of OIDC issuers (in the world) and of a step's hops: the SDK's credential chain,
// EKS Pod Identity's exchange, and each call made before the step's own call.
import type { CallRecord } from '../engine/call-record.js';
import type { TraceIssuer, TraceStep } from './model.js';
import type { Style } from './style.js';

export function renderIssuers(issuers: readonly TraceIssuer[], out: string[], s: Style): void {
  if (issuers.length === 0) return;
  out.push('  oidc issuers (identity providers outside AWS)');
  for (const i of issuers) {
    out.push(`    ${i.name.padEnd(14)} ${i.url}`);
    out.push(
      s.dim(
        `${' '.repeat(13)}JWKS ${i.jwksUri}: RSA key ${i.kid} (RS256; made at random for each run, so the trace shows its id, never the key)`,
      ),
    );
  }
}

/** Hops are rendered in order; each call hop with the same renderer as the step's call. */
export function renderHops(step: TraceStep, out: string[], s: Style, renderCall: (call: CallRecord) => void): void {
  let n = 0;
  for (const hop of step.hops ?? []) {
    if (hop.kind === 'note') {
      out.push(`  ${s.cyan(hop.by ?? 'sdk')}${' '.repeat(9 - (hop.by ?? 'sdk').length)}${hop.label}`);
      for (const line of hop.lines) out.push(s.dim(`             ${line}`));
      continue;
    }
    n++;
    out.push(`  ${s.cyan(`hop ${n}`)}    ${hop.call.action}, made for the ${madeFor(step)}`);
    renderCall(hop.call);
  }
  if (n > 0 && step.call !== null && signsIn(step)) {
    out.push(`  ${s.cyan('then')}     ${step.call.action}, ${signInBy(step)}'s answer to the browser after hop ${n}`);
  } else if (n > 0 && step.call !== null) {
    const got = step.call.caller.credentials === 'none' ? `which got no credentials from hop ${n}` : `with the credentials of hop ${n}`;
    out.push(`  ${s.cyan('then')}     ${step.call.action}, ${got}`);
  }
}

/** A console sign-in's step (src/engine/saml/sign-in.ts): the browser's POST is noted first. */
function signsIn(step: TraceStep): boolean {
  return step.hops?.some((h) => h.kind === 'note' && h.by === 'sign-in') ?? false;
}

/** Who makes a sign-in's hop: the access portal (sso/portal-sign-in.ts) or AWS's SAML sign-in endpoint. */
function signInBy(step: TraceStep): string {
  const first = step.hops?.find((h) => h.kind === 'call');
  return first?.kind === 'call' && first.call.action.startsWith('sso:') ? 'the access portal' : 'the sign-in endpoint';
}

/** Whom the hops get credentials for: a Lambda function, an EC2 instance, an ECS task (services/), or a pod. */
function madeFor(step: TraceStep): string {
  if (signsIn(step)) return `user's browser by ${signInBy(step)}`;
  const label = step.call?.caller.label ?? '';
  const kind = label.slice(0, label.indexOf(' '));
  return kind === 'function' || kind === 'instance' || kind === 'task' ? kind : 'pod';
}

/** What a service did for the step's call after it: each call it made, then the outcome (a stack's). */
export function renderAfter(step: TraceStep, out: string[], s: Style, renderCall: (call: CallRecord) => void): void {
  let n = 0;
  for (const hop of step.after ?? []) {
    if (hop.kind === 'note') {
      out.push(`  ${s.cyan('then')}     ${hop.label}`);
      for (const line of hop.lines) out.push(s.dim(`             ${line}`));
      continue;
    }
    n++;
    const by = hop.call.onBehalf?.services.join(' → ') ?? 'a service';
    const whose = hop.call.onBehalf?.credentials === 'caller' ? "the caller's credentials" : 'its own credentials';
    out.push(`  ${s.cyan(`after ${n}`)}  ${hop.call.action}, made by ${by} with ${whose}`);
    renderCall(hop.call);
  }
}
