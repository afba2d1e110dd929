// Policy variables (IAM User Guide "IAM policy elements: Variables and tags"): `${key}`, `${key,
// 'default'}` and the escapes `${*}`, `${?}`, `${$}`. Only interpreted when the policy's Version is
// 2012-10-17; otherwise the text is literal. A substituted value is literal text (its `*`/`?` are
// not wildcards). A key that is absent (or multi-valued) with no default cannot be resolved: the
// caller decides what that means.
import { globTokens, type GlobToken } from './glob.js';
import { lookup, type Probe } from './probe.js';

export interface VarRef {
  readonly key: string; // lower-case
  readonly name: string; // as written
  readonly def: string | undefined;
}

export type TemplatePart = GlobToken | VarRef;

export interface TemplateOptions {
  readonly variables: boolean;
  readonly wildcards: boolean;
}

const VAR_BODY = /^\s*([^,\s'][^,']*?)\s*(?:,\s*'([^']*)'\s*)?$/;

export function parseTemplate(text: string, opts: TemplateOptions): TemplatePart[] {
  if (!opts.variables || !text.includes('${')) return globTokens(text, opts.wildcards);
  const out: TemplatePart[] = [];
  let i = 0;
  let lit = '';
  const flush = (): void => {
    for (const t of globTokens(lit, opts.wildcards)) out.push(t);
    lit = '';
  };
  while (i < text.length) {
    const open = text.indexOf('${', i);
    if (open < 0) break;
    const close = text.indexOf('}', open + 2);
    if (close < 0) break;
    lit += text.slice(i, open);
    const body = text.slice(open + 2, close);
    const m = VAR_BODY.exec(body);
    if (body === '*' || body === '?' || body === '$') {
      flush();
      out.push(body);
    } else if (m !== null && m[1] !== undefined) {
      flush();
      out.push({ key: m[1].toLowerCase(), name: m[1], def: m[2] });
    } else lit += text.slice(open, close + 1);
    i = close + 1;
  }
  lit += text.slice(i);
  flush();
  return mergeLiterals(out);
}

function mergeLiterals(parts: TemplatePart[]): TemplatePart[] {
  const out: TemplatePart[] = [];
  for (const p of parts) {
    const prev = out[out.length - 1];
    if (typeof p === 'string' && typeof prev === 'string') out[out.length - 1] = prev + p;
    else out.push(p);
  }
  return out;
}

/** The tokens of a template without variables, or null when it has some. */
export function staticTokens(parts: readonly TemplatePart[]): GlobToken[] | null {
  const out: GlobToken[] = [];
  for (const p of parts) {
    if (typeof p === 'object') return null;
    out.push(p);
  }
  return out;
}

/** The value a variable stands for in this request, or null when it cannot be resolved. */
export function resolveVar(v: VarRef, probe: Probe): string | null {
  const value = lookup(probe, v.key, v.name, v.def === undefined);
  if (typeof value === 'string') return value;
  return v.def ?? null;
}

/** Substitutes every variable; null when one cannot be resolved. */
export function resolveTemplate(parts: readonly TemplatePart[], probe: Probe): GlobToken[] | null {
  const out: GlobToken[] = [];
  for (const p of parts) {
    if (typeof p !== 'object') {
      out.push(p);
      continue;
    }
    const value = resolveVar(p, probe);
    if (value === null) return null;
    if (value !== '') out.push(value);
  }
  return out;
}

/** Concatenates literal tokens (wildcard tokens become their characters). */
export function tokensText(tokens: readonly GlobToken[]): string {
  let s = '';
  for (const t of tokens) s += typeof t === 'string' ? t : t === 0 ? '*' : '?';
  return s;
}
