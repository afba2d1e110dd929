// The checks an STS call gets before the run: a known action that this version runs, no
// `resource`, a signed caller, known parameter names, and parameter values of a shape STS can take.
// What AWS itself would refuse (lengths, patterns, unknown ARNs …) is left to the engine, so the
// trace shows AWS's own error.
import { nearest } from '../../errors.js';
import type { CallerRef, ParamValue } from '../../engine/call/command.js';
import { readPolicyArns } from '../../engine/sts/session-policies.js';
import { readKeys, readTags } from '../../engine/sts/tags.js';
import type { CallDecl } from '../ast.js';
import type { Located } from './located.js';
import { STS_ACTIONS, STS_PARAMS, type StsAction } from '../../engine/sts/catalogue.js';

const SHAPES: Readonly<Record<string, (raw: unknown) => unknown[] | string>> = {
  Tags: readTags,
  TransitiveTagKeys: readKeys,
  PolicyArns: readPolicyArns,
};

export function checkStsCall(
  call: CallDecl,
  name: string,
  caller: CallerRef,
  params: Readonly<Record<string, ParamValue>>,
  at: Located,
): void {
  const action = call.action.text;
  const known = STS_ACTIONS.find((a) => a.toLowerCase() === name.toLowerCase());
  if (!known) {
    const suggestion = nearest(name, STS_ACTIONS);
    throw at.error(call.action.loc, `sts:${name} is not an STS action`, {
      length: action.length,
      expected: `one of ${STS_ACTIONS.map((a) => `sts:${a}`).join(', ')}`,
      ...(suggestion ? { suggestion: `sts:${suggestion}` } : {}),
    });
  }
  const spec = STS_PARAMS[known];
  if (spec.refusal !== undefined)
    throw at.error(call.action.loc, `sts:${known} is not supported: ${spec.refusal}`, { length: action.length });
  if (!spec.supported) throw at.unsupported(call.action.loc, `sts:${known}`, action.length);
  if (call.resource)
    throw at.error(call.resource.loc, `sts:${known} takes no \`resource\``, {
      expected: known === 'AssumeRole' ? 'the role in RoleArn: role Account/Name' : 'no resource',
    });
  // AssumeRoleWithWebIdentity and AssumeRoleWithSAML are unsigned: anyone holding a token or an assertion may send them
  // a service principal assumes a role through its trust policy (as Lambda and EC2 do for a workload)
  if (
    (caller.kind === 'service' || caller.kind === 'anonymous') &&
    known !== 'AssumeRoleWithWebIdentity' &&
    known !== 'AssumeRoleWithSAML' &&
    !(caller.kind === 'service' && known === 'AssumeRole')
  )
    throw at.unsupported(call.loc, `sts:${known} called by ${caller.kind === 'service' ? 'a service' : 'an anonymous caller'}`, 4);
  for (const entry of call.params ?? []) {
    const key = entry.key.text;
    if (spec.ready.includes(key)) continue;
    if (spec.later.includes(key)) throw at.unsupported(entry.key.loc, `the ${key} parameter of sts:${known}`, key.length);
    const all = [...spec.ready, ...spec.later];
    const suggestion = nearest(key, all);
    throw at.error(entry.key.loc, `sts:${known} has no parameter ${key}`, {
      length: key.length,
      expected: all.length ? `one of ${all.join(', ')}` : 'no parameters',
      ...(suggestion ? { suggestion } : {}),
    });
  }
  for (const entry of call.params ?? []) {
    const key = entry.key.text;
    const value = params[key];
    if (value === undefined) continue;
    const loc = entry.value.loc;
    const single = scalar(value);
    const written = value.t === 'text' || value.t === 'json' || value.t === 'list';
    if (key === 'DurationSeconds' && written && !(single !== null && /^\d+$/.test(single))) {
      const what = single === null ? 'a list' : `"${single}"`;
      throw at.error(loc, `DurationSeconds is a number of seconds, not ${what}`, {
        length: single?.length ?? 1,
        expected: 'an integer such as 3600',
      });
    }
    const shape = SHAPES[key];
    const problem = shape ? shape(plain(value)) : null;
    if (typeof problem === 'string') throw at.error(loc, `${key}: ${problem}`, { expected: expectedShape(key, known) });
    if (!MULTI.has(key) && single === null && written) {
      throw at.error(loc, `${key} is a single value`, { expected: 'a word, a quoted string or a reference' });
    }
  }
}

/** Parameters whose value is a document or a list; the others take one word, string or number. */
const MULTI = new Set(['Policy', 'Tags', 'TransitiveTagKeys', 'PolicyArns']);

/** The text of a single value: a word, or a JSON string, number or boolean. */
function scalar(v: ParamValue): string | null {
  if (v.t === 'text') return v.v;
  if (v.t === 'json' && (typeof v.v === 'string' || typeof v.v === 'number' || typeof v.v === 'boolean')) return String(v.v);
  return null;
}

/**
 * The value as the engine will materialise it. Values only known when the call runs (kept
 * credentials, a pod's env and files, tokens) stand for one piece of text here.
 */
function plain(v: ParamValue): unknown {
  if (v.t === 'text' || v.t === 'json') return v.v;
  if (v.t === 'list') return v.items.map(plain);
  return `(${v.t})`;
}

function expectedShape(key: string, action: StsAction): string {
  if (key === 'Tags')
    return `tags for sts:${action}: json [{"Key": "project", "Value": "blue"}], json {"project": "blue"} or [project=blue, …]`;
  if (key === 'PolicyArns') return 'policy references or ARNs: [policy Account/Name, …], or json [{"arn": "…"}]';
  return 'a list of tag keys: [project, team]';
}
