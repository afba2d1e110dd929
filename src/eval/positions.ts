// StartPosition / EndPosition of a matched statement, as IAM's simulator reports them: 1-based line
// and column of the place where its parser stood. Derived from published AWS output (the AWS CLI
// examples of simulate-custom-policy and simulate-principal-policy, and recorded responses for the
// managed policies AdministratorAccess and AmazonS3ReadOnlyAccess, pretty-printed and minified):
// - the end is just after the statement's closing `}`;
// - in a Statement array, a statement starts where the previous token ended: just after the `[` for
//   the first one (before any white space or line break), just after the previous statement's `}`
//   for the others (so at the comma);
// - a lone Statement object starts just after its `{`.
import { elements, members, skipWs, valueEnd, type LineCol, type Span } from '../json/locate.js';

/** The spans IAM reports for each statement of the policy object at `rootAt` in `t`. */
export function statementSpans(t: string, rootAt: number): Span[] {
  const root = skipWs(t, rootAt);
  if (t.charAt(root) !== '{') return [];
  const st = members(t, root)
    .filter((m) => m.key === 'Statement')
    .pop();
  if (st === undefined) return [];
  const at = st.valueAt;
  if (t.charAt(at) === '{') return [{ start: at + 1, end: valueEnd(t, at) }];
  if (t.charAt(at) !== '[') return [];
  const out: Span[] = [];
  let previousEnd = at + 1;
  for (const e of elements(t, at)) {
    out.push({ start: previousEnd, end: e.end });
    previousEnd = e.end;
  }
  return out;
}

export interface Position {
  readonly Line: number;
  readonly Column: number;
}

export function position(p: LineCol): Position {
  return { Line: p.line, Column: p.col };
}
