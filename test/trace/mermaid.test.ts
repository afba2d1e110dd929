// Every diagram simulate draws is valid Mermaid, as Mermaid's own parser (the `mermaid` package)
// judges it: the whole-scenario diagram and each step's diagram in the Markdown walkthrough, for
// every checked-in scenario, and text with the characters that would break a diagram.
import { readdirSync } from 'node:fs';
import mermaid from 'mermaid';
import { describe, expect, it } from 'vitest';
import { escapeMermaid } from '../../src/trace/mermaid/render-mermaid.js';
import { runCli } from '../cli/run-cli.js';

const scenarios = readdirSync('scenarios')
  .filter((f) => f.endsWith('.iam'))
  .sort()
  .map((f) => `scenarios/${f}`);

async function valid(diagram: string): Promise<void> {
  const parsed = await mermaid.parse(diagram);
  expect(parsed).toMatchObject({ diagramType: 'sequence' });
}

describe('Mermaid diagrams', () => {
  for (const file of scenarios) {
    it(`${file}: --format mermaid and every diagram of --format markdown parse`, async () => {
      const whole = await runCli(['--format', 'mermaid', file]);
      await valid(whole.stdout);
      const md = await runCli(['--format', 'markdown', file]);
      const blocks = [...md.stdout.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]!);
      expect(blocks.length).toBeGreaterThan(0);
      for (const block of blocks) await valid(block);
    });
  }

  it('escapes what would end a statement or open a tag', async () => {
    const nasty = 'a; b # c <script> d:e --> f %% g\nh';
    await valid(
      `sequenceDiagram\n  participant A as ${escapeMermaid(nasty)}\n  A->>A: ${escapeMermaid(nasty)}\n  Note over A: ${escapeMermaid(nasty)}\n`,
    );
    await expect(mermaid.parse(`sequenceDiagram\n  A->>A: ${nasty}\n`)).rejects.toThrow();
  });
});
