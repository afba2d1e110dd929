// IAM wildcard matching (IAM User Guide "IAM JSON policy elements: Action", "IAM JSON policy
// elements: Resource", "IAM JSON policy elements: Condition operators"): `*` matches any run of
// characters (also empty), `?` exactly one. Patterns compile once into a few shapes that use plain
// string operations; the general shape is "segments between stars": the first anchored at the
// start, the last at the end, the middle ones found leftmost-first (which is optimal for `*`-only
// globs).

export const STAR = 0;
export const ONE = 1;
/** literal text | STAR | ONE (`?`) */
export type GlobToken = string | typeof STAR | typeof ONE;

interface Seg {
  readonly text: string;
  /** true at positions that hold `?` (any one character); null when the segment has none */
  readonly any: Uint8Array | null;
}

export type Glob =
  | { readonly k: 'all' }
  | { readonly k: 'eq'; readonly s: string }
  | { readonly k: 'pre'; readonly s: string }
  | { readonly k: 'suf'; readonly s: string }
  | { readonly k: 'segs'; readonly segs: readonly Seg[]; readonly starred: boolean };

export const MATCH_ALL: Glob = { k: 'all' };

/** Tokens of a pattern where `*` and `?` are wildcards (`wildcards` false: all literal). */
export function globTokens(pattern: string, wildcards = true): GlobToken[] {
  if (!wildcards) return pattern === '' ? [] : [pattern];
  const out: GlobToken[] = [];
  let lit = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' || c === '?') {
      if (lit !== '') out.push(lit);
      lit = '';
      out.push(c === '*' ? STAR : ONE);
    } else lit += c;
  }
  if (lit !== '') out.push(lit);
  return out;
}

export function compileGlob(pattern: string): Glob {
  return buildGlob(globTokens(pattern));
}

export function buildGlob(tokens: readonly GlobToken[]): Glob {
  const segs: Seg[] = [];
  let text = '';
  let anyPos: number[] = [];
  let starred = false;
  for (const t of tokens) {
    if (t === STAR) {
      starred = true;
      segs.push(makeSeg(text, anyPos));
      text = '';
      anyPos = [];
    } else if (t === ONE) {
      anyPos.push(text.length);
      text += '?';
    } else text += t;
  }
  segs.push(makeSeg(text, anyPos));
  if (!starred) {
    const only = segs[0]!;
    return only.any === null ? { k: 'eq', s: only.text } : { k: 'segs', segs, starred };
  }
  // consecutive stars leave empty segments in the middle: drop them (keep first and last)
  const kept = segs.filter((s, i) => i === 0 || i === segs.length - 1 || s.text !== '');
  if (kept.length === 2 && kept.every((s) => s.any === null)) {
    const [a, b] = kept as [Seg, Seg];
    if (a.text === '' && b.text === '') return MATCH_ALL;
    if (b.text === '') return { k: 'pre', s: a.text };
    if (a.text === '') return { k: 'suf', s: b.text };
  }
  return { k: 'segs', segs: kept, starred };
}

function makeSeg(text: string, anyPos: readonly number[]): Seg {
  if (anyPos.length === 0) return { text, any: null };
  const any = new Uint8Array(text.length);
  for (const p of anyPos) any[p] = 1;
  return { text, any };
}

export function matchGlob(g: Glob, s: string): boolean {
  switch (g.k) {
    case 'all':
      return true;
    case 'eq':
      return s === g.s;
    case 'pre':
      return textAt(s, g.s, 0);
    case 'suf':
      return textAt(s, g.s, s.length - g.s.length);
    case 'segs':
      return matchSegs(g.segs, g.starred, s);
  }
}

function matchSegs(segs: readonly Seg[], starred: boolean, s: string): boolean {
  const first = segs[0]!;
  if (!starred) return s.length === first.text.length && segAt(first, s, 0);
  if (!segAt(first, s, 0)) return false;
  let pos = first.text.length;
  const last = segs[segs.length - 1]!;
  const end = s.length - last.text.length;
  if (end < pos || !segAt(last, s, end)) return false;
  for (let i = 1; i < segs.length - 1; i++) {
    const seg = segs[i]!;
    const at = segFind(seg, s, pos, end);
    if (at < 0) return false;
    pos = at + seg.text.length;
  }
  return true;
}

/**
 * `text` occurs in `s` at `at`. Compared from the end: patterns share long heads (`arn:aws:s3:::`)
 * and differ near their ends, and this beats String.prototype.startsWith on Node 20.
 */
function textAt(s: string, text: string, at: number): boolean {
  if (at < 0 || at + text.length > s.length) return false;
  for (let j = text.length - 1; j >= 0; j--) {
    if (text.charCodeAt(j) !== s.charCodeAt(at + j)) return false;
  }
  return true;
}

function segAt(seg: Seg, s: string, at: number): boolean {
  const any = seg.any;
  if (any === null) return textAt(s, seg.text, at);
  const t = seg.text;
  if (at + t.length > s.length) return false;
  for (let j = 0; j < t.length; j++) {
    if (any[j] === 0 && t.charCodeAt(j) !== s.charCodeAt(at + j)) return false;
  }
  return true;
}

/** Leftmost position >= from where seg matches and ends at or before `limit`; -1 if none. */
function segFind(seg: Seg, s: string, from: number, limit: number): number {
  const len = seg.text.length;
  if (seg.any === null) {
    const at = s.indexOf(seg.text, from);
    return at >= 0 && at + len <= limit ? at : -1;
  }
  for (let at = from; at + len <= limit; at++) if (segAt(seg, s, at)) return at;
  return -1;
}
