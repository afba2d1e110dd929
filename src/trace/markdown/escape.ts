// Markdown escaping for GitHub: code spans that survive backticks, table cells that survive pipes.

/** An inline code span; uses a longer fence when the text itself holds backticks. */
export function code(text: string): string {
  const run = Math.max(0, ...(text.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(run + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Text for a table cell (code spans included): no line breaks, pipes escaped as GitHub wants. */
export function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}
