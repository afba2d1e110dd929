// Checking one expectation against the last call.
import type { LastCall } from './state.js';
import type { ExpectationSpec } from './commands.js';

export interface Verdict {
  readonly passed: boolean;
  readonly actual: string;
}

/** How the trace names what happened: allowed, explicit-deny, implicit-deny or error CODE. */
export function describeOutcome(call: LastCall): string {
  if (call.outcome === 'allowed') return 'allowed';
  if (call.outcome === 'denied') {
    const kind = call.decision === 'ExplicitDeny' ? 'explicit-deny' : 'implicit-deny';
    return `${kind} (error ${call.error?.code ?? 'AccessDenied'})`;
  }
  return `error ${call.error?.code ?? 'unknown'}`;
}

export function checkExpectation(spec: Exclude<ExpectationSpec, { kind: 'who-can' | 'path' }>, call: LastCall | null): Verdict {
  if (call === null) return { passed: false, actual: 'the call was not made' };
  const actual = describeOutcome(call);
  switch (spec.kind) {
    case 'outcome': {
      const passed =
        spec.outcome === 'allowed'
          ? call.outcome === 'allowed'
          : spec.outcome === 'denied'
            ? call.outcome === 'denied'
            : spec.outcome === 'explicit-deny'
              ? call.outcome === 'denied' && call.decision === 'ExplicitDeny'
              : call.outcome === 'denied' && call.decision === 'ImplicitDeny';
      return { passed, actual };
    }
    case 'error': {
      const passed = call.error?.code === spec.code;
      const wanted = spec.message;
      if (wanted === undefined) return { passed, actual };
      // the message is checked too, so that a call failing for another reason with the same code
      // does not pass: the actual outcome then quotes the message the call got
      const message = call.error?.message;
      const matches = message !== undefined && (wanted.match === 'exact' ? message === wanted.text : message.includes(wanted.text));
      return { passed: passed && matches, actual: message === undefined ? actual : `${actual}: ${JSON.stringify(message)}` };
    }
    case 'denied-by': {
      const by = call.decidedBy;
      const who = by === null ? 'nothing' : by.name === undefined ? by.type : `${by.type} ${by.name}`;
      const passed =
        call.outcome === 'denied' &&
        by !== null &&
        by.type === spec.by &&
        (spec.name === null || namesMatch(by.name, spec.name) || (by.type === 'vpc-endpoint' && endpointNamed(by.name, spec.name)));
      return { passed, actual: call.outcome === 'denied' ? `denied by ${who}` : actual };
    }
    case 'response': {
      const value = lookup(call.response, spec.path);
      if (value === undefined)
        return { passed: false, actual: call.response === null ? `no response (${actual})` : `${spec.path} is absent` };
      const text = typeof value === 'string' ? value : JSON.stringify(value);
      return { passed: text === spec.value, actual: `${spec.path} = ${JSON.stringify(text)}` };
    }
    default: {
      const unreachable: never = spec;
      throw new Error(`bug: unknown expectation ${JSON.stringify(unreachable)}`);
    }
  }
}

/** `expect denied by scp DenyS3` names a policy by its own name, without the trace's decoration. */
function namesMatch(reported: string | undefined, wanted: string): boolean {
  if (reported === undefined) return false;
  const bare = reported.replace(/^(inline|managed|boundary|scp|rcp)\s+/, '').replace(/\s+\(.*\)$/, '');
  return reported === wanted || bare === wanted;
}

/** A VPC endpoint policy is reported as `ID (NAME)`: the scenario's NAME names it too. */
function endpointNamed(reported: string | undefined, wanted: string): boolean {
  return reported !== undefined && reported.endsWith(` (${wanted})`);
}

function lookup(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    const m = /^(.*)\[(\d+)\]$/.exec(part);
    node = m ? (node as Record<string, unknown[]>)[m[1]!]?.[Number(m[2])] : (node as Record<string, unknown>)[part];
  }
  return node;
}
