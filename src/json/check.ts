// Locates the first syntax error in a JSON text, for the messages JSON.parse does not give
// (V8's messages carry no reliable position). Iterative, so any nesting depth is fine. Scenarios
// (`json` values, policy files) and `simulate eval` input report JSON errors with it.
import { BACKSLASH, QUOTE, SPACE } from './char-codes.js';

export interface JsonProblem {
  readonly index: number; // 0-based, into the text
  readonly message: string;
  readonly expected: string;
}

type Mode = 'value' | 'value-or-]' | 'key' | 'key-or-}' | 'colon' | 'after';

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const WS = /[ \t\n\r]*/y;

function show(text: string, i: number): string {
  if (i >= text.length) return 'the end of the JSON text';
  const c = text.charAt(i);
  return c === '"' ? `'"'` : JSON.stringify(c);
}

/** The first problem in `text`, or null when it is valid JSON. */
export function findJsonError(text: string): JsonProblem | null {
  const stack: ('{' | '[')[] = [];
  let mode: Mode = 'value';
  let i = 0;
  let afterComma = false;
  const problem = (at: number, expected: string): JsonProblem => ({
    index: at,
    message: `expected ${expected}, found ${show(text, at)}`,
    expected,
  });
  for (;;) {
    WS.lastIndex = i;
    WS.test(text);
    i = WS.lastIndex;
    const c = text.charAt(i);
    if (afterComma && (c === '}' || c === ']')) {
      const expected = mode === 'key' ? 'a property name in double quotes' : 'a JSON value';
      return { index: i, message: 'a trailing comma is not allowed in JSON', expected };
    }
    afterComma = false;
    switch (mode) {
      case 'value':
      case 'value-or-]': {
        if (mode === 'value-or-]' && c === ']') {
          stack.pop();
          i++;
          mode = 'after';
        } else if (c === '{' || c === '[') {
          stack.push(c);
          i++;
          mode = c === '{' ? 'key-or-}' : 'value-or-]';
        } else if (c === '"') {
          const end = scanString(text, i);
          if (typeof end !== 'number') return end;
          i = end;
          mode = 'after';
        } else if (c === '-' || (c >= '0' && c <= '9')) {
          NUMBER.lastIndex = i;
          if (!NUMBER.test(text)) return problem(i, 'a number');
          i = NUMBER.lastIndex;
          mode = 'after';
        } else {
          const literal = ['true', 'false', 'null'].find((l) => text.startsWith(l, i));
          if (literal === undefined) {
            return problem(i, mode === 'value' ? 'a JSON value' : 'a JSON value or "]"');
          }
          i += literal.length;
          mode = 'after';
        }
        break;
      }
      case 'key':
      case 'key-or-}': {
        if (mode === 'key-or-}' && c === '}') {
          stack.pop();
          i++;
          mode = 'after';
        } else if (c === '"') {
          const end = scanString(text, i);
          if (typeof end !== 'number') return end;
          i = end;
          mode = 'colon';
        } else {
          const what = 'a property name in double quotes';
          return problem(i, mode === 'key' ? what : `${what} or "}"`);
        }
        break;
      }
      case 'colon':
        if (c !== ':') return problem(i, '":" after the property name');
        i++;
        mode = 'value';
        break;
      case 'after': {
        const top = stack[stack.length - 1];
        if (top === undefined) {
          return i < text.length ? problem(i, 'nothing after the JSON value') : null;
        }
        const close = top === '{' ? '}' : ']';
        if (c === ',') {
          mode = top === '{' ? 'key' : 'value';
          afterComma = true;
        } else if (c === close) {
          stack.pop();
          mode = 'after';
        } else {
          return problem(i, `"," or "${close}"`);
        }
        i++;
        break;
      }
    }
  }
}

/** Scans the string starting at the quote at `start`; returns the index after it, or a problem. */
function scanString(text: string, start: number): number | JsonProblem {
  for (let i = start + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) return i + 1;
    if (code < SPACE) {
      return {
        index: i,
        message: 'control character in a JSON string (write it as \\n, \\t or \\u00XX)',
        expected: 'an escaped control character',
      };
    }
    if (code === BACKSLASH) {
      const e = text.charAt(i + 1);
      if ('"\\/bfnrt'.includes(e) && e !== '') {
        i++;
      } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        i += 5;
      } else {
        return {
          index: i,
          message: `invalid escape ${JSON.stringify(text.slice(i, i + 2))} in a JSON string`,
          expected: 'one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX',
        };
      }
    }
  }
  return { index: text.length, message: 'unterminated JSON string', expected: '"\\""' };
}
