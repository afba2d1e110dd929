// Materialise a step's parameters into the plain JSON values the API receives.
import type { World } from '../world.js';
import type { PreparedToken } from '../oidc/token.js';
import { assertionText } from '../saml/assertion.js';
import type { ParamValue } from './command.js';

export function materialize(params: Readonly<Record<string, ParamValue>>, world: World): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in params) {
    const value = params[key]!;
    if (value.t !== 'unset') out[key] = one(value, world);
  }
  return out;
}

function one(value: ParamValue, world: World): unknown {
  switch (value.t) {
    case 'text':
      return value.v;
    case 'list':
      return value.items.map((item) => one(item, world));
    case 'json':
      return value.v;
    case 'credentials':
      return world.scenario.kept[value.name] ?? null;
    case 'encoded-message':
      return world.scenario.messages[value.name] ?? null;
    case 'jwt':
      return tokenText(value.token);
    case 'saml':
      return assertionText(value.assertion);
    case 'unset':
      return null;
    case 'assertion':
    case 'token':
    case 'env':
    case 'file':
      throw new Error(`bug: a ${value.t} parameter reached the engine unprepared (run the scenario with runScenario)`);
    default: {
      const unreachable: never = value;
      throw new Error(`bug: unknown parameter ${JSON.stringify(unreachable)}`);
    }
  }
}

/** Text form of a parameter for validation; null when absent. */
export function textParam(params: Record<string, unknown>, name: string): string | null {
  const v = params[name];
  if (v === undefined || v === null) return null;
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** How a call record shows a token: what it is, never its signed text (that changes every run). */
export function tokenText(t: PreparedToken): string {
  const alg = typeof t.header?.['alg'] === 'string' ? t.header['alg'] : null;
  if (t.accessToken) return `<OAuth 2.0 access token of ${t.accessToken.provider}, ${t.length} characters>`;
  return t.claims === null ? `<${t.length} characters, not a JWT>` : `<JWT ${alg ?? 'without alg'}, ${t.length} characters>`;
}
