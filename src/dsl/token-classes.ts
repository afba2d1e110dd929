// Token classes: a grammar symbol such as %refWord that matches any of several keywords (by source
// text, so a quoted "role" is never one) or token types. nearley keeps one chart state for such a
// symbol where a rule per keyword costs a state each, at every place a name or a value may start.
// The grammar names a class like a token type (%refWord); the lexer reports every class name as
// a type it has, and withTokenClasses puts the class in place of the `{ type }` nearley compiled.
// parse-errors.ts lists a class's members as what was expected.

import type nearley from 'nearley';
import { REF_WORDS } from './build.js';
import type { Token, TokenType } from './token.js';

export interface TokenClass {
  readonly literals: readonly string[];
  readonly types: readonly TokenType[];
  test(t: Token): boolean;
}

function oneOf(literals: readonly string[], types: readonly TokenType[] = []): TokenClass {
  const texts = new Set(literals);
  const kinds = new Set(types);
  return { literals, types, test: (t) => kinds.has(t.type) || texts.has(t.text) };
}

export const TOKEN_CLASSES = {
  /** a name: a word or a quoted string */
  name: oneOf([], ['word', 'string']),
  description: oneOf([], ['tstring', 'string']),
  refWord: oneOf(REF_WORDS),
  principalRefWord: oneOf(['account', 'user', 'role']),
  denyKind: oneOf(['scp', 'rcp', 'vpc-endpoint', 'boundary', 'session-policy', 'identity', 'resource', 'trust']),
  separator: oneOf([',', ';']),
  /** world settings (`description` takes a Description, not a Name) */
  setting: oneOf(['scenario', 'clock', 'region', 'wait']),
  valueKeyword: oneOf(['env', 'file', 'credentials', 'encoded-message', 'access-token']),
  principalKeyword: oneOf(['principal', 'not-principal']),
  actionKeyword: oneOf(['action', 'not-action']),
  resourceKeyword: oneOf(['resource', 'not-resource']),
  outcome: oneOf(['allowed', 'denied', 'explicit-deny', 'implicit-deny']),
} satisfies Record<string, TokenClass>;

const byName: ReadonlyMap<string, TokenClass> = new Map(Object.entries(TOKEN_CLASSES));

/** The class a grammar symbol names, if it names one. */
export function tokenClass(symbol: unknown): TokenClass | undefined {
  if (symbol === null || typeof symbol !== 'object' || !('type' in symbol)) return undefined;
  return typeof symbol.type === 'string' ? byName.get(symbol.type) : undefined;
}

/** The compiled grammar with each `{ type: CLASS }` symbol replaced by that class. */
export function withTokenClasses(grammar: nearley.CompiledRules): nearley.CompiledRules {
  return {
    ...grammar,
    ParserRules: grammar.ParserRules.map((rule) => ({
      ...rule,
      symbols: rule.symbols.map((s: unknown) => tokenClass(s) ?? s),
    })),
  };
}

/** Every literal a compiled grammar matches (keywords and punctuation), those of token classes included. */
export function grammarLiterals(grammar: nearley.CompiledRules): string[] {
  const out = new Set<string>();
  for (const rule of grammar.ParserRules) {
    for (const s of rule.symbols as unknown[]) {
      if (typeof s === 'object' && s !== null && 'literal' in s && typeof s.literal === 'string') out.add(s.literal);
      else for (const l of tokenClass(s)?.literals ?? []) out.add(l);
    }
  }
  return [...out];
}
