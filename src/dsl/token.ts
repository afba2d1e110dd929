// The tokens the scanner hands to the parser, and positions in the scenario.
import { lineIndex, shiftedBy } from '../json/locate.js';

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

/**
 * The position of `offset` in `text`, a part of the scenario that starts at `start` (the whole
 * file by default). For errors: it counts lines from the start of `text`.
 */
export function posAt(text: string, offset: number, start: Pos = FILE_START): Pos {
  const at = shiftedBy(start, lineIndex(text, 'lf')(offset));
  return { ...at, offset: start.offset + offset };
}

const FILE_START: Pos = { line: 1, col: 1, offset: 0 };
