// The tokens the scanner hands to both parsers.

/** Token types the grammar refers to with `%type`; punctuation and keywords are matched by text. */
export type TokenType = 'word' | 'string' | 'tstring' | 'key' | 'jsontext' | 'punct';

export interface Token {
  readonly type: TokenType;
  /** decoded: a string without quotes, a key without its colon, a triple-quoted string dedented */
  readonly value: string;
  /** the exact source text (nearley matches keyword literals against it, so "allow" ≠ allow) */
  readonly text: string;
  readonly offset: number; // 0-based
  readonly line: number; // 1-based
  readonly col: number; // 1-based
  /** the parsed value of a `jsontext` token (undefined for the others) */
  readonly json?: unknown;
}

export interface Pos {
  readonly line: number;
  readonly col: number;
  readonly offset: number;
}

/** The position of `offset` in `source` (for errors: it counts lines from the start). */
export function posAt(source: string, offset: number): Pos {
  let line = 1;
  for (let i = source.indexOf('\n'); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) line++;
  const lastNl = offset === 0 ? -1 : source.lastIndexOf('\n', offset - 1);
  return { line, col: offset - lastNl, offset };
}
