// The fast parser: a hand-written recursive-descent parser over the scanner's tokens, calling the
// same builders as the grammar's postprocessors, so it builds the very tree nearley builds.
//
// Why two parsers: grammar/scenario.ne is the specification of the language and the source of
// every error message (what was expected, suggestions), but nearley spends microseconds per token,
// far too slow for scenarios of thousands of calls. This parser follows the grammar rule by rule
// for valid input only: at the first token it does not accept, it gives up (BAIL) and
// parseScenario runs nearley on the whole input for the canonical result or error. It never
// reports an error itself, and it must never accept what nearley rejects nor build a different
// tree; test/dsl/fast-parse*.test.ts check both parsers against each other. Mind that nearley runs
// postprocessors on every derivation it tries: a builder that throws (b.jsonScalar) fails the
// parse even where another derivation would do, so the fast parser calls it wherever nearley
// could, and gives up when it throws (fast-values.ts).

import type { ScenarioFile, WorldItem } from './ast.js';
import { type Cons, snoc, toArray } from './build.js';
import * as w from './build-world.js';
import { bail, type Cursor, name, skipSemicolon, take } from './fast-cursor.js';
import { oidcIssuer, oidcProvider } from './fast-eks.js';
import { organization } from './fast-org.js';
import { step } from './fast-step.js';
import { account, description } from './fast-world.js';
import { createScanner } from './scanner.js';
import type { Token } from './token.js';

/** The scenario, or null when the fast parser does not accept the input (nearley decides then). */
export function fastParse(source: string, file: string): ScenarioFile | null {
  try {
    const { next } = createScanner(source, file);
    const c: Cursor = { next, tok: next() };
    let items: Cons<WorldItem> | null = null;
    while (c.tok !== undefined) {
      items = snoc(items, worldItem(c, take(c)));
      skipSemicolon(c);
    }
    return { kind: 'ScenarioFile', file, items: toArray(items) };
  } catch {
    // BAIL, a scanner error, a builder's error (`json nope`), or a bug here: nearley decides
    return null;
  }
}

function worldItem(c: Cursor, t: Token): WorldItem {
  switch (t.text) {
    case 'step': // the most frequent first
      return step(c, t);
    case 'account':
      return account(c, t);
    case 'wait':
      return w.setting(t, 'Wait', name(c));
    case 'scenario':
      return w.setting(t, 'ScenarioTitle', name(c));
    case 'description':
      return w.setting(t, 'Description', description(c));
    case 'clock':
      return w.setting(t, 'Clock', name(c));
    case 'region':
      return w.setting(t, 'Region', name(c));
    case 'organization':
      return organization(c, t);
    case 'oidc-provider':
      return oidcProvider(c, t);
    case 'oidc-issuer':
      return oidcIssuer(c, t);
    default:
      return bail();
  }
}
