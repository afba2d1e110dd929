// The moo rules behind src/dsl/lexer.ts. Order matters: moo tries them in turn at each position.
// In state `json` (after `json {` or `json [`) only strings and brackets matter, so the wrapper
// can find where the JSON value ends.

import moo from 'moo';

// A plain word: letters, digits and _ - . / : * ? @ + = $, with ${…} allowed inside.
const WORD = String.raw`(?:[A-Za-z0-9_\-./:*?@+=]|\$(?:\{[^}\s"]*\})?)+`;
const WS = String.raw`[ \t\r\n\f\v\uFEFF]`;

export function compileRules(): moo.Lexer {
  return moo.states({
    main: {
      punct: ['{', '}', '[', ']', ',', ';'], // first, so moo looks them up by character
      ws: { match: new RegExp(`${WS}+`), lineBreaks: true },
      comment: /#[^\n]*/,
      tstring: { match: /"""[^]*?"""/, lineBreaks: true },
      tstringOpen: /"""/,
      skey: /"(?:\\[^\n]|[^"\\\n])*":/,
      string: /"(?:\\[^\n]|[^"\\\n])*"/,
      stringOpen: /"/,
      jsonOpen: { match: new RegExp(`json${WS}*[{[]`), lineBreaks: true, push: 'json' },
      eq: /=(?![A-Za-z0-9_\-./:*?@+=$])/, // a lone `=`; inside a word it is a word character
      key: new RegExp(`${WORD}:(?!(?!${WS})[^])`), // a word ending in `:` before whitespace or EOF
      word: new RegExp(WORD),
      invalid: { match: /[^]/, lineBreaks: true },
    },
    json: {
      jstring: /"(?:\\[^\n]|[^"\\\n])*"/,
      jstringOpen: /"/,
      jopen: { match: /[{[]/, push: 'json' },
      jclose: { match: /[}\]]/, pop: 1 },
      jother: { match: /[^"{}[\]]+/, lineBreaks: true },
    },
  });
}
