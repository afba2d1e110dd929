// The scenario position of a place in a JSON document (a `json {…}` body or a policy file), so that
// a problem found in the parsed policy is reported at the right line and column; src/json/locate.ts
// finds the offset of a JSON path in the text.
import type { Loc } from '../ast.js';

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
