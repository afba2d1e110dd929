// XML for the Query protocol's answers, written by fast-xml-parser's XMLBuilder (which escapes
// text and attribute values). A value becomes elements as the Query protocol serialises it
// (botocore's query serializer and the AWS SDKs' readers): a structure's members in their order,
// a list as one <member> element per item, an empty list as an empty element, booleans as
// true/false, numbers as decimal text; absent (null or undefined) members are left out.
import { XMLBuilder } from 'fast-xml-parser';

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: true });

/** Characters XML 1.0 cannot carry (its Char production); each becomes U+FFFD (serve's answers, simulate test's JUnit report). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function text(value: string): string {
  return value.replace(NOT_XML, '\uFFFD');
}

/**
 * A map of the Query protocol (botocore's `map` shape, such as EvalDecisionDetails): one <entry>
 * per key, with <key> and <value>, where a structure would have one element per member.
 */
export class XmlMap {
  constructor(readonly entries: Readonly<Record<string, unknown>>) {}
}

/** A JSON-like value as XMLBuilder's input: elements by name, `member` lists, `entry` maps, text leaves. */
function node(value: unknown): unknown {
  if (typeof value === 'string') return text(value);
  if (value instanceof XmlMap) {
    const entries = Object.entries(value.entries).filter(([, v]) => v !== null && v !== undefined);
    return entries.length === 0 ? '' : { entry: entries.map(([key, v]) => ({ key: text(key), value: node(v) })) };
  }
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) {
    const items = value.filter((v) => v !== null && v !== undefined).map(node);
    return items.length === 0 ? '' : { member: items };
  }
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) out[k] = node(v);
    return out;
  }
  return text(String(value));
}

/** `<root xmlns="…">…</root>` with the children given, in their order. */
export function xmlDocument(root: string, xmlns: string, children: Readonly<Record<string, unknown>>): string {
  const body = node(children) as Record<string, unknown>;
  return builder.build({ [root]: { '@_xmlns': xmlns, ...body } }) as string;
}
