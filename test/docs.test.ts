// The documentation's examples are checked: in README.md and docs/*.md, a marker line (an HTML
// comment, invisible when rendered) right before a code block says where the block comes from —
//   <!-- output: simulate ARGS… [lines A-B | line N] -->   what `simulate ARGS…` prints, stdout then stderr
//   <!-- output: node FILE.mjs [lines A-B | line N] -->    what a script of the repo prints (docs/api.md's example)
//   <!-- file: PATH [lines A-B | line N] -->               a file of the repo
// Several markers before one block stand for their texts one after the other. The block must equal
// the text exactly (without its final newlines). Also: every docs/examples/*.iam is shown, and no
// file of the repo points outside it.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli/run-cli.js';

const root = join(import.meta.dirname, '..');
const pages = readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md'));
const DOCS = ['README.md', ...pages.sort().map((f) => `docs/${f}`)];

interface Marker {
  readonly kind: 'output' | 'file';
  readonly words: readonly string[];
  readonly from: number;
  readonly to: number | undefined;
  readonly text: string;
}
interface Block {
  readonly where: string;
  readonly markers: readonly Marker[];
  readonly body: string;
}

const MARKER = /^\s*<!--\s*([\w-]+):\s*(.*?)\s*-->\s*$/;
const FENCE = /^(\s*)(`{3,}|~{3,})/;

function parseMarker(kind: string, rest: string): Marker | string {
  if (kind !== 'output' && kind !== 'file') return `unknown marker kind "${kind}"`;
  const m = /^(.*?)(?:\s+(?:lines (\d+)-(\d+)|line (\d+)))?$/.exec(rest);
  const words = (m?.[1] ?? '').split(/\s+/).filter((w) => w !== '');
  const from = Number(m?.[2] ?? m?.[4] ?? 1);
  const to = m?.[3] !== undefined ? Number(m[3]) : m?.[4] !== undefined ? from : undefined;
  if (kind === 'output' && words[0] !== 'simulate' && !(words[0] === 'node' && words.length === 2))
    return `an output marker runs "simulate …" or "node FILE", not "${rest}"`;
  if (kind === 'file' && words.length !== 1) return `a file marker names one file, not "${rest}"`;
  if (to !== undefined && (from < 1 || to < from)) return `bad line range in "${rest}"`;
  return { kind, words, from, to, text: `${kind}: ${rest}` };
}

/** A closing fence: the opening one's character, at least as many, nothing after. */
function closes(line: string, open: RegExpExecArray): boolean {
  const fence = /^\s*(`{3,}|~{3,})\s*$/.exec(line)?.[1] ?? '';
  const opening = open[2] ?? '';
  return fence[0] === opening[0] && fence.length >= opening.length;
}

/** The marked blocks of one Markdown file, and what is wrong with its markers. */
function scan(file: string): { blocks: Block[]; problems: string[] } {
  const lines = readFileSync(join(root, file), 'utf8').split('\n');
  const blocks: Block[] = [];
  const problems: string[] = [];
  let open: RegExpExecArray | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const fence = FENCE.exec(line);
    if (open !== undefined) {
      if (closes(line, open)) open = undefined;
      continue;
    }
    if (fence) {
      open = fence;
      continue;
    }
    if (!MARKER.test(line)) continue;
    const markers: Marker[] = [];
    let j = i;
    for (let m = MARKER.exec(lines[j] ?? ''); m; m = MARKER.exec(lines[++j] ?? '')) {
      const parsed = parseMarker(m[1] ?? '', m[2] ?? '');
      if (typeof parsed === 'string') problems.push(`${file}:${j + 1}: ${parsed}`);
      else markers.push(parsed);
    }
    const start = FENCE.exec(lines[j] ?? '');
    if (!start) {
      problems.push(`${file}:${i + 1}: a marker must be followed by a code block`);
      i = j - 1;
      continue;
    }
    const indent = start[1]?.length ?? 0;
    const close = lines.findIndex((l, k) => k > j && closes(l, start));
    if (close < 0) {
      problems.push(`${file}:${j + 1}: the code block is never closed`);
      break;
    }
    const body = lines.slice(j + 1, close).map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length)));
    if (markers.length > 0) blocks.push({ where: `${file}:${j + 1}`, markers, body: body.join('\n') });
    i = close;
  }
  return { blocks, problems };
}

function pick(text: string, marker: Marker, where: string): string {
  const lines = text.replace(/\n+$/, '').split('\n');
  const to = marker.to ?? lines.length;
  if (to > lines.length) throw new Error(`${where}: "${marker.text}", but the text has ${lines.length} lines`);
  return lines.slice(marker.from - 1, to).join('\n');
}

async function source(marker: Marker, where: string): Promise<string> {
  if (marker.kind === 'output' && marker.words[0] === 'node') {
    const run = spawnSync(process.execPath, marker.words.slice(1), { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    return pick(run.stdout + run.stderr, marker, where);
  }
  if (marker.kind === 'output') {
    const result = await runCli(marker.words.slice(1));
    return pick(result.stdout + result.stderr, marker, where);
  }
  const path = join(root, marker.words[0] ?? '');
  if (!existsSync(path)) throw new Error(`${where}: "${marker.text}", but there is no such file`);
  return pick(readFileSync(path, 'utf8'), marker, where);
}

const scans = DOCS.map((file) => ({ file, ...scan(file) }));

describe('documentation examples', () => {
  it('markers are well-formed, each right before a code block', () => {
    expect(scans.flatMap((s) => s.problems)).toEqual([]);
  });

  for (const { file, blocks } of scans.filter((s) => s.blocks.length > 0)) {
    describe(file, () => {
      for (const block of blocks) {
        it(`${block.where} ${block.markers.map((m) => m.text).join(' + ')}`, async () => {
          const parts: string[] = [];
          for (const marker of block.markers) parts.push(await source(marker, block.where));
          expect(block.body, `the code block at ${block.where} no longer matches`).toBe(parts.join('\n'));
        });
      }
    });
  }

  it('shows every docs/examples/*.iam', () => {
    const shown = new Set(scans.flatMap((s) => s.blocks.flatMap((b) => b.markers.flatMap((m) => m.words))));
    const examples = readdirSync(join(root, 'docs/examples'))
      .filter((f) => f.endsWith('.iam'))
      .map((f) => `docs/examples/${f}`);
    expect(examples.filter((f) => !shown.has(f))).toEqual([]);
  });
});

describe('the repo is self-contained', () => {
  // Spelled in pieces so that this file does not match itself.
  const outside = [['..', 'shared'].join('/'), `reference ${'\u00a7'}`];
  it('no tracked file points to the shared folder or cites the reference', () => {
    const files = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
      .split('\0')
      .filter((f) => f !== '' && f !== 'package-lock.json' && existsSync(join(root, f)));
    const hits = files.flatMap((f) => {
      const text = readFileSync(join(root, f), 'utf8').toLowerCase();
      return outside.filter((s) => text.includes(s)).map((s) => `${f}: ${s}`);
    });
    expect(hits).toEqual([]);
  });
});
