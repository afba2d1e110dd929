// IP addresses and CIDR ranges for IpAddress/NotIpAddress (IAM User Guide "IAM JSON policy
// elements: Condition operators"): IPv4 as one uint32, IPv6 as four uint32 words. A bare address is
// a /32 (IPv4) or /128 (IPv6) range; an IPv4 address never falls in an IPv6 range and vice versa.

export interface IpAddr {
  readonly v6: boolean;
  /** IPv4: one word; IPv6: four words, most significant first */
  readonly words: readonly number[];
}

export interface Cidr extends IpAddr {
  readonly bits: number;
}

const V4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function parseV4(s: string): number | null {
  const m = V4.exec(s);
  if (m === null) return null;
  let n = 0;
  for (let i = 1; i <= 4; i++) {
    const octet = Number(m[i]);
    if (octet > 255) return null;
    n = n * 256 + octet;
  }
  return n;
}

function parseV6(s: string): number[] | null {
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const groups = (part: string): number[] | null => {
    if (part === '') return [];
    const out: number[] = [];
    const items = part.split(':');
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (i === items.length - 1 && item.includes('.')) {
        const v4 = parseV4(item);
        if (v4 === null) return null;
        out.push(Math.floor(v4 / 65536), v4 % 65536);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(item)) out.push(parseInt(item, 16));
      else return null;
    }
    return out;
  };
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (head === null || tail === null) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const all = [...head, ...new Array<number>(missing).fill(0), ...tail];
  const words: number[] = [];
  for (let i = 0; i < 8; i += 2) words.push(all[i]! * 65536 + all[i + 1]!);
  return words;
}

export function parseIp(s: string): IpAddr | null {
  const v4 = parseV4(s);
  if (v4 !== null) return { v6: false, words: [v4] };
  if (!s.includes(':')) return null;
  const v6 = parseV6(s);
  return v6 === null ? null : { v6: true, words: v6 };
}

export function parseCidr(s: string): Cidr | null {
  const slash = s.indexOf('/');
  const addr = parseIp(slash < 0 ? s : s.slice(0, slash));
  if (addr === null) return null;
  const max = addr.v6 ? 128 : 32;
  if (slash < 0) return { ...addr, bits: max };
  const bitsText = s.slice(slash + 1);
  if (!/^\d{1,3}$/.test(bitsText)) return null;
  const bits = Number(bitsText);
  return bits > max ? null : { ...addr, bits };
}

export function inCidr(ip: IpAddr, range: Cidr): boolean {
  if (ip.v6 !== range.v6) return false;
  let left = range.bits;
  for (let i = 0; i < ip.words.length && left > 0; i++) {
    const take = Math.min(32, left);
    const mask = take === 32 ? 0xffffffff : (0xffffffff << (32 - take)) >>> 0;
    if (((ip.words[i]! ^ range.words[i]!) & mask) >>> 0 !== 0) return false;
    left -= take;
  }
  return true;
}
