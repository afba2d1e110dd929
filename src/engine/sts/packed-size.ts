// PackedPolicySize is an ESTIMATE. AWS packs the session policies, the policy ARNs and the session
// tags into a compressed binary form whose algorithm is not public, and reports the percentage of
// its allowance that they use; above 100 % the call fails with PackedPolicyTooLarge (IAM User Guide
// "Session policies"). iamsim approximates it with a deterministic pure-TypeScript LZW code count
// (zlib is avoided: its output may differ between Node builds, and golden traces must not) plus a
// fixed cost per action named in the inline policy, because public observations show the packed
// size growing with the number of actions far faster than with their text:
//   - the STS API reference example (one-action policy + three tags) reports 8 %, and the
//     GetFederationToken example (same policy + two tags) 8 %;
//   - a published report of 31 actions ≈ 118 % and 42 actions in 1,690 characters ≈ 157 %.
// The constants below reproduce those four values within a few percent. Tags are probably
// underestimated: EKS Pod Identity users report six long transitive tags alone using 74 %, which no
// single constant reconciles with the API reference's examples. Treat the number as an order of
// magnitude, never as AWS's exact answer.
import { documentParts } from '../../policy/index.js';
import type { Tag } from './tags.js';

const BYTES_PER_ACTION = 125;
const ALLOWANCE_BYTES = 3850;

export interface PackedSize {
  readonly percent: number; // what the response reports
  readonly tagsPercent: number; // the share of the session tags alone
}

export function packedSize(policyText: string | null, arns: readonly string[], tags: readonly Tag[]): PackedSize {
  const policyPart = lzwBytes([policyText ?? '', ...arns].join('\n')) + BYTES_PER_ACTION * actionCount(policyText);
  const tagPart = lzwBytes(tags.map((t) => `${t.key}=${t.value}`).join('\n'));
  return {
    percent: Math.ceil((100 * (policyPart + tagPart)) / ALLOWANCE_BYTES),
    tagsPercent: Math.ceil((100 * tagPart) / ALLOWANCE_BYTES),
  };
}

/** AWS's PackedPolicyTooLarge wordings, one for tags and one for policies (observed messages). */
export function packedTooLarge(size: PackedSize): string | null {
  if (size.percent <= 100) return null;
  return size.tagsPercent > 100
    ? `Packed size of session tags consumes ${size.tagsPercent}% of allotted space.`
    : `Packed policy consumes ${size.percent}% of allotted space, please use smaller policy.`;
}

function actionCount(text: string | null): number {
  if (text === null) return 0;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return 0;
  }
  let n = 0;
  for (const st of documentParts(doc).statements) {
    if (typeof st !== 'object' || st === null) continue;
    const s = st as Record<string, unknown>;
    for (const v of [s['Action'], s['NotAction']]) n += typeof v === 'string' ? 1 : Array.isArray(v) ? v.length : 0;
  }
  return n;
}

/** Size in bytes of an LZW encoding with growing code width: a stable stand-in for compression. */
function lzwBytes(text: string): number {
  if (text === '') return 0;
  const dictionary = new Set<string>();
  let next = 256;
  let bits = 0;
  let w = '';
  for (const ch of text) {
    const wc = w + ch;
    if (w === '' || dictionary.has(wc)) {
      w = wc;
      continue;
    }
    bits += w.length === 1 ? 9 : Math.ceil(Math.log2(next + 1));
    dictionary.add(wc);
    next++;
    w = ch;
  }
  bits += Math.ceil(Math.log2(next + 1));
  return Math.ceil(bits / 8);
}
