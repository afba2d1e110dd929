// Decoding of quoted strings: "…" uses JSON's escapes; """…""" is raw text with its common
// indentation removed.

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

const VALID_ESCAPES = '\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX';

/** Decodes the inside of a double-quoted string; `fail(index, message)` reports a bad escape. */
export function decodeString(body: string, fail: (index: number, message: string) => never): string {
  if (!body.includes('\\')) return body;
  let out = '';
  let from = 0;
  for (let i = body.indexOf('\\'); i !== -1; i = body.indexOf('\\', from)) {
    out += body.slice(from, i);
    const c = body.charAt(i + 1);
    const simple = SIMPLE_ESCAPES[c];
    if (simple !== undefined) {
      out += simple;
      from = i + 2;
    } else if (c === 'u' && /^[0-9a-fA-F]{4}$/.test(body.slice(i + 2, i + 6))) {
      out += String.fromCharCode(parseInt(body.slice(i + 2, i + 6), 16));
      from = i + 6;
    } else {
      const shown = c === 'u' ? body.slice(i, i + 6) : body.slice(i, i + 2);
      fail(i, `invalid escape ${shown} in a quoted string (valid: ${VALID_ESCAPES})`);
    }
  }
  return out + body.slice(from);
}

/**
 * The text between triple quotes: a first line that is blank is dropped, so is a last line that is
 * only indentation, and the indentation common to the non-blank lines is removed.
 */
export function trimIndent(body: string): string {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[0]?.trim() === '') lines.shift();
  if (lines.length > 1 && lines[lines.length - 1]?.trim() === '') lines.pop();
  let indent = Infinity;
  for (const line of lines) {
    if (line.trim() === '') continue;
    indent = Math.min(indent, line.length - line.trimStart().length);
  }
  if (!Number.isFinite(indent) || indent === 0) return lines.join('\n');
  const strip = (line: string) => line.slice(Math.min(indent, line.length - line.trimStart().length));
  return lines.map(strip).join('\n');
}
