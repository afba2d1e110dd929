// Positions in scenarios: only "\n" ends a line (as the scanner counts), and a position inside a
// part of the file (a JSON body, a policy file) is shifted by where that part starts.
import { describe, expect, it } from 'vitest';
import { posAt } from '../../src/dsl/token.js';

describe('posAt', () => {
  it('counts lines at "\\n" only', () => {
    const text = 'ab\ncd\r\nef\rgh';
    expect(posAt(text, 0)).toEqual({ line: 1, col: 1, offset: 0 });
    expect(posAt(text, 2)).toEqual({ line: 1, col: 3, offset: 2 });
    expect(posAt(text, 3)).toEqual({ line: 2, col: 1, offset: 3 });
    expect(posAt(text, 7)).toEqual({ line: 3, col: 1, offset: 7 });
    expect(posAt(text, 11)).toEqual({ line: 3, col: 5, offset: 11 });
    expect(posAt(text, text.length)).toEqual({ line: 3, col: 6, offset: 12 });
  });

  it('shifts a position inside a part of the file by where the part starts', () => {
    const start = { line: 3, col: 5, offset: 10 };
    expect(posAt('x\ny', 0, start)).toEqual({ line: 3, col: 5, offset: 10 });
    expect(posAt('x\ny', 1, start)).toEqual({ line: 3, col: 6, offset: 11 });
    expect(posAt('x\ny', 2, start)).toEqual({ line: 4, col: 1, offset: 12 });
    expect(posAt('x\ny', 3, start)).toEqual({ line: 4, col: 2, offset: 13 });
  });
});
