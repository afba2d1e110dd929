// Encoded authorization failure messages are long and mean nothing to a reader (that is their
// point: sts:DecodeAuthorizationMessage reads them); the readable traces show them shortened, the
// JSON trace and the event log whole.
import { ENCODED_MESSAGE_PREFIX } from '../engine/call/authorization-message.js';

/** An encoded message, shortened: its first characters and its length. */
export function shortEncoded(encoded: string): string {
  return encoded.length <= 24 ? encoded : `${encoded.slice(0, 12)}… (${encoded.length} characters)`;
}

/** A text (an error message) with the encoded message it carries shortened. */
export function shortenEncodedIn(text: string): string {
  const at = text.lastIndexOf(ENCODED_MESSAGE_PREFIX);
  if (at < 0) return text;
  const start = at + ENCODED_MESSAGE_PREFIX.length;
  return text.slice(0, start) + shortEncoded(text.slice(start));
}

/** A request parameter as the readable traces show it: EncodedMessage shortened. */
export function shownParam(key: string, text: string): string {
  return key === 'EncodedMessage' ? shortEncoded(text) : text;
}

/**
 * DecodedMessage (a JSON text) as the readable traces show it: field by field, a statement or a
 * condition key to a line. The JSON trace has the text whole.
 */
export function decodedMessageLines(json: string): string[] {
  let d: unknown;
  try {
    d = JSON.parse(json);
  } catch {
    return [`DecodedMessage: ${json}`];
  }
  const o = (x: unknown): Record<string, unknown> => (typeof x === 'object' && x !== null ? (x as Record<string, unknown>) : {});
  const itemsOf = (x: unknown): unknown[] => {
    const items = o(x)['items'];
    return Array.isArray(items) ? items : [];
  };
  const valuesOf = (x: unknown): string =>
    itemsOf(x)
      .map((v) => String(o(v)['value']))
      .join(', ');
  const doc = o(d);
  const context = o(doc['context']);
  const lines = [
    'DecodedMessage (a JSON text; field by field):',
    `  allowed: ${String(doc['allowed'])}`,
    `  explicitDeny: ${String(doc['explicitDeny'])}`,
  ];
  const statements = itemsOf(doc['matchedStatements']);
  if (statements.length === 0) lines.push('  matchedStatements: none');
  for (const s of statements.map(o)) {
    const conditions = itemsOf(s['conditions']).map((c) => `${String(o(c)['key'])} ${valuesOf(o(c)['values'])}`);
    lines.push(
      `  matchedStatement: ${String(s['statementId']) || '(no Sid)'} ${String(s['effect'])} ${valuesOf(s['actions'])} on ${valuesOf(s['resources'])}` +
        `${conditions.length ? ` when ${conditions.join('; ')}` : ''} (principals: ${valuesOf(s['principals']) || 'none'})`,
    );
  }
  const failures = itemsOf(doc['failures']);
  lines.push(`  failures: ${failures.length === 0 ? 'none' : JSON.stringify(failures)}`);
  lines.push(`  context.principal: ${JSON.stringify(context['principal'])}`);
  lines.push(`  context.action: ${String(context['action'])}`, `  context.resource: ${String(context['resource'])}`);
  for (const c of itemsOf(context['conditions']).map(o)) lines.push(`  context.conditions: ${String(c['key'])} = ${valuesOf(c['values'])}`);
  return lines;
}
