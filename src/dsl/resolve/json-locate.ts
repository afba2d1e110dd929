// Find where an element of a JSON document starts in its source text, so that a problem found in
// a parsed policy (a JSON path) can be reported at the right line and column.
import type { Loc } from '../ast.js';

/** Offset in `raw` of the value at `path`, or of the deepest ancestor found. */
export function jsonPathOffset(raw: string, path: readonly (string | number)[]): number {
  let i = 0;
  const ws = () => {
    while (i < raw.length && /\s/.test(raw[i]!)) i++;
  };
  const skipString = () => {
    i++;
    while (i < raw.length && raw[i] !== '"') i += raw[i] === '\\' ? 2 : 1;
    i++;
  };
  const skipValue = (): void => {
    ws();
    const c = raw[i];
    if (c === '"') return skipString();
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      while (i < raw.length && raw[i] !== close) {
        if (c === '{') {
          skipString();
          ws();
          i++; // ':'
        }
        skipValue();
        ws();
        if (raw[i] === ',') i++;
        ws();
      }
      i++;
      return;
    }
    while (i < raw.length && !/[\s,}\]]/.test(raw[i]!)) i++;
  };
  ws();
  for (const step of path) {
    const start = i;
    const c = raw[i];
    if (typeof step === 'number' && c !== '[') return start;
    if (typeof step === 'string' && c !== '{') return start;
    i++;
    let found = false;
    let index = 0;
    ws();
    while (i < raw.length && raw[i] !== '}' && raw[i] !== ']') {
      if (c === '{') {
        const keyStart = i;
        skipString();
        const key = safeParse(raw.slice(keyStart, i));
        ws();
        i++; // ':'
        ws();
        if (key === step) {
          found = true;
          break;
        }
      } else if (index === step) {
        ws();
        found = true;
        break;
      }
      skipValue();
      ws();
      if (raw[i] === ',') i++;
      ws();
      index++;
    }
    if (!found) return start;
  }
  ws();
  return i;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The scenario position of an offset inside a JSON text that starts at `start`. */
export function locInside(start: Loc, raw: string, offset: number): Loc {
  let line = start.line;
  let col = start.col;
  for (let i = 0; i < offset && i < raw.length; i++) {
    if (raw[i] === '\n') {
      line++;
      col = 1;
    } else col++;
  }
  return { line, col, offset: start.offset + offset };
}
