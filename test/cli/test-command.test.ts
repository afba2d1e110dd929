// `simulate test [PATH…]` (docs/cli.md#simulate-test): every outcome of a scenario (pass,
// expectation failed, golden differs or missing, could not run, an expected error), the paths it
// takes (files, folders, globs, what it skips, a bad path), --update, colour, and the JUnit report
// validated against Jenkins' JUnit schema (test/cli/junit/).
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { main } from '../../src/cli/main.js';
import { checkScenario } from '../../src/cli/test-command.js';
import { PLAIN } from '../../src/trace/style.js';
import { runCli } from './run-cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'iamsim-test-'));
const HELLO = readFileSync('docs/examples/hello.iam', 'utf8');
/** The line after the last: `N scenarios: … (0.12 s)`, without its time. */
const summary = (stdout: string) =>
  stdout
    .trimEnd()
    .split('\n')
    .pop()!
    .replace(/ \(\d+\.\d\d s\)$/, '');

/** A folder with scenario `name` in it. */
function suite(files: Record<string, string>): string {
  const dir = tmp();
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('simulate test: one scenario', () => {
  it('without a golden fails with "no golden trace", writes it with --update and says so, then passes', async () => {
    const dir = suite({ 'hello.iam': HELLO });
    const file = join(dir, 'hello.iam');
    const first = await runCli(['test', dir]);
    expect(first.stdout).toBe(
      `DIFF  ${file}: no golden trace: run with --update to write one\n\n1 scenario: 0 passed, 1 with a golden that differs (${first.stdout.match(/\((\d+\.\d\d) s\)/)![1]} s)\n`,
    );
    expect(first.code).toBe(1);
    expect(existsSync(join(dir, 'hello.trace'))).toBe(false);

    const update = await runCli(['test', '--update', dir]);
    expect(update.stdout).toContain(`PASS  ${file} (1 step, 1 expectation); wrote hello.trace (new)\n`);
    expect(summary(update.stdout)).toBe('1 scenario: 1 passed; 1 golden written');
    expect(update.code).toBe(0);
    // the golden is byte for byte what `simulate` prints
    expect(readFileSync(join(dir, 'hello.trace'), 'utf8')).toBe((await runCli([file])).stdout);

    const again = await runCli(['test', dir]);
    expect(again.stdout).toContain(`PASS  ${file} (1 step, 1 expectation)\n`);
    expect(summary(again.stdout)).toBe('1 scenario: 1 passed');
    expect(again.code).toBe(0);
    expect(again.stderr).toBe('');
  });

  it('a golden that differs: the unified diff of its first hunks, the command to accept it, exit 1; --update rewrites it', async () => {
    const dir = suite({ 'hello.iam': HELLO });
    const file = join(dir, 'hello.iam');
    await runCli(['test', '--update', dir]);
    // a change that keeps the expectation: the trace differs, the run passes
    writeFileSync(file, HELLO.replace('step "Who am I?"', 'step "Who am I, then?"'));
    const r = await runCli(['test', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`DIFF  ${file}: hello.trace differs\n`);
    expect(r.stdout).toContain('      --- hello.trace (golden)\n      +++ hello.trace (this run)\n      @@ -');
    expect(r.stdout).toContain(
      '\n      -Step 1 · Who am I?  (2026-01-01T00:00:00Z)\n      +Step 1 · Who am I, then?  (2026-01-01T00:00:00Z)\n',
    );
    expect(r.stdout).toContain(`      accept with: simulate test ${file} --update\n`);
    expect(r.stdout).not.toContain('\u001b[');
    expect(summary(r.stdout)).toBe('1 scenario: 0 passed, 1 with a golden that differs');

    const update = await runCli(['test', file, '--update']);
    expect(update.stdout).toContain(`PASS  ${file} (1 step, 1 expectation); wrote hello.trace (changed)\n`);
    expect(update.code).toBe(0);
    expect((await runCli(['test', file])).code).toBe(0);
  });

  it('shows at most three hunks of a long diff and says how many more', async () => {
    const dir = suite({ 'many.iam': manySteps(12, 'alice') });
    await runCli(['test', '--update', dir]);
    writeFileSync(join(dir, 'many.iam'), manySteps(12, 'alice').replace(/step "Step (\d+)"/g, 'step "Changed $1"'));
    const r = await runCli(['test', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout.match(/^ {6}@@ /gm)).toHaveLength(3);
    expect(r.stdout).toMatch(/^ {6}… \d+ more hunks$/m);
  });

  it('colours the diff on a terminal, not with NO_COLOR, --no-color or without a terminal', async () => {
    const dir = suite({ 'hello.iam': HELLO });
    await runCli(['test', '--update', dir]);
    writeFileSync(join(dir, 'hello.iam'), HELLO.replace('step "Who am I?"', 'step "Who?"'));
    const onTerminal = async (argv: string[], env: Record<string, string> = {}) => {
      let stdout = '';
      await main(argv, { stdout: (s) => (stdout += s), stderr: () => {}, isTTY: true, env });
      return stdout;
    };
    const coloured = await onTerminal(['test', dir]);
    expect(coloured).toContain('\u001b[31m-Step 1 · Who am I?');
    expect(coloured).toContain('\u001b[32m+Step 1 · Who?');
    expect(await onTerminal(['test', dir], { NO_COLOR: '1' })).not.toContain('\u001b[');
    expect(await onTerminal(['test', '--no-color', dir])).not.toContain('\u001b[');
    expect((await runCli(['test', dir])).stdout).not.toContain('\u001b[');
    expect((await runCli(['test', '--color', dir])).stdout).toContain('\u001b[31m');
  });

  it('an expectation that fails: FAIL with the expectation and what happened, exit 1 (even when the golden agrees)', async () => {
    const failing = HELLO.replace('user/alice"', 'user/bob"');
    const dir = suite({ 'hello.iam': failing });
    const file = join(dir, 'hello.iam');
    const update = await runCli(['test', '--update', dir]);
    expect(update.stdout).toContain(`FAIL  ${file}: 1 of 1 expectation failed; wrote hello.trace (new)\n`);
    expect(update.code).toBe(1);
    const r = await runCli(['test', dir]);
    expect(r.stdout).toContain(
      `FAIL  ${file}: 1 of 1 expectation failed\n      step 1 (Who am I?): expect response Arn = "arn:aws:iam::111111111111:user/bob" — actual: Arn = "arn:aws:iam::111111111111:user/alice"\n`,
    );
    expect(summary(r.stdout)).toBe('1 scenario: 0 passed, 1 with failed expectations');
    expect(r.code).toBe(1);
  });

  it('a scenario that cannot run: ERROR with its located error, exit 2; --update writes nothing for it', async () => {
    const dir = suite({ 'broken.iam': HELLO.replace('as user Dev/alice', 'as user Dev/alicia') });
    const file = join(dir, 'broken.iam');
    const r = await runCli(['test', '--update', dir]);
    expect(r.stdout).toContain(`ERROR ${file}: could not run\n      ${file}:3:28: error: `);
    expect(r.stdout).toContain('      did you mean Dev/alice?\n');
    expect(summary(r.stdout)).toBe('1 scenario: 0 passed, 1 could not run; 0 goldens written');
    expect(r.code).toBe(2);
    expect(existsSync(join(dir, 'broken.trace'))).toBe(false);
    expect(existsSync(join(dir, 'broken.error'))).toBe(false);
  });
});

describe('simulate test: scenarios that must not run (x.error beside x.iam)', () => {
  const bad = HELLO.replace('as user Dev/alice', 'as user Dev/alicia');

  it('passes when the scenario fails to run with the error x.error holds; a different error is a diff; --update rewrites it', async () => {
    const dir = suite({ 'bad.iam': bad });
    const file = join(dir, 'bad.iam');
    const printed = (await runCli([file])).stderr;
    writeFileSync(join(dir, 'bad.error'), printed);
    const r = await runCli(['test', dir]);
    expect(r.stdout).toContain(`PASS  ${file} (fails to run, as bad.error says)\n`);
    expect(r.code).toBe(0);

    writeFileSync(file, bad.replace('Dev/alicia', 'Dev/alicja'));
    const differs = await runCli(['test', dir]);
    expect(differs.stdout).toContain(`DIFF  ${file}: bad.error differs from the error it prints\n      --- bad.error (golden)\n`);
    expect(differs.code).toBe(1);
    const update = await runCli(['test', '--update', dir]);
    expect(update.stdout).toContain(`PASS  ${file} (updated bad.error)\n`);
    expect(readFileSync(join(dir, 'bad.error'), 'utf8')).toBe((await runCli([file])).stderr);
  });

  it('a scenario with x.error that runs is a golden that differs', async () => {
    const dir = suite({ 'fixed.iam': HELLO, 'fixed.error': 'x\n' });
    const r = await runCli(['test', dir]);
    expect(r.stdout).toContain(
      `DIFF  ${join(dir, 'fixed.iam')}: runs, but fixed.error says it must not: delete fixed.error if it should run\n`,
    );
    expect(r.code).toBe(1);
  });

  it("this repository's scenarios pass, with their .trace, .md and invalid/*.error goldens", async () => {
    const r = await runCli(['test', 'scenarios/invalid', 'scenarios/cross-account.iam', 'scenarios/expected-errors.iam']);
    expect(r.stdout).toContain('PASS  scenarios/cross-account.iam (6 steps, 7 expectations)\n');
    expect(r.stdout).toContain('PASS  scenarios/invalid/unknown-role.iam (fails to run, as unknown-role.error says)\n');
    expect(r.stdout).not.toMatch(/^(FAIL|DIFF|ERROR)/m);
    expect(r.code).toBe(0);
  });
});

describe('simulate test: the other goldens beside a scenario', () => {
  it('checks x.md, x.explain.trace, x.json, x.yaml, x.mermaid and x.cloudtrail.json when they exist, each against its format', async () => {
    const dir = suite({ 'hello.iam': HELLO });
    const file = join(dir, 'hello.iam');
    const goldens: [string, string[]][] = [
      ['hello.trace', []],
      ['hello.md', ['--format', 'markdown']],
      ['hello.explain.trace', ['--explain']],
      ['hello.json', ['--format', 'json']],
      ['hello.yaml', ['--format', 'yaml']],
      ['hello.mermaid', ['--format', 'mermaid']],
      ['hello.cloudtrail.json', ['--format', 'cloudtrail']],
    ];
    for (const [name, args] of goldens) writeFileSync(join(dir, name), (await runCli([...args, file])).stdout);
    expect((await runCli(['test', dir])).code).toBe(0);
    for (const [name] of goldens.slice(1)) {
      const kept = readFileSync(join(dir, name), 'utf8');
      writeFileSync(join(dir, name), kept.replace('alice', 'alicia'));
      const r = await runCli(['test', dir]);
      expect(r.stdout).toContain(`DIFF  ${file}: ${name} differs\n`);
      expect(r.code).toBe(1);
      writeFileSync(join(dir, name), kept);
    }
    // an empty file asks for a golden in that format: --update fills it
    writeFileSync(join(dir, 'hello.md'), '');
    expect((await runCli(['test', '--update', dir])).stdout).toContain('wrote hello.md (changed)');
    expect(readFileSync(join(dir, 'hello.md'), 'utf8')).toBe((await runCli(['--format', 'markdown', file])).stdout);
  });

  it('reads a golden checked out with CRLF line ends as the same', async () => {
    const dir = suite({ 'hello.iam': HELLO });
    await runCli(['test', '--update', dir]);
    const trace = join(dir, 'hello.trace');
    writeFileSync(trace, readFileSync(trace, 'utf8').replace(/\n/g, '\r\n'));
    expect((await runCli(['test', dir])).code).toBe(0);
  });
});

describe('simulate test: paths', () => {
  it('takes files, folders (every .iam below) and globs, each scenario once, skipping node_modules and dot-folders', async () => {
    const dir = suite({
      'a.iam': HELLO,
      'sub/b.iam': HELLO,
      'sub/deeper/c.iam': HELLO,
      'node_modules/pkg/d.iam': HELLO,
      '.git/e.iam': HELLO,
      'sub/notes.txt': 'not a scenario',
    });
    await runCli(['test', '--update', dir]);
    const lines = (r: { stdout: string }) => r.stdout.split('\n').filter((l) => l.startsWith('PASS'));
    expect(lines(await runCli(['test', dir]))).toEqual(
      ['a.iam', 'sub/b.iam', 'sub/deeper/c.iam'].map((f) => `PASS  ${join(dir, f)} (1 step, 1 expectation)`),
    );
    expect(existsSync(join(dir, 'node_modules/pkg/d.trace'))).toBe(false);
    // a glob is expanded by simulate, not by a shell; a path named twice runs once
    expect(lines(await runCli(['test', `${dir}/sub/**/*.iam`, join(dir, 'sub/b.iam')]))).toEqual(
      ['sub/b.iam', 'sub/deeper/c.iam'].map((f) => `PASS  ${join(dir, f)} (1 step, 1 expectation)`),
    );
    expect(lines(await runCli(['test', `${dir}/*.iam`]))).toEqual([`PASS  ${join(dir, 'a.iam')} (1 step, 1 expectation)`]);
  });

  it('shows scenarios below the current folder relative to it, as the traces name them', async () => {
    const r = await runCli(['test', 'docs/examples/../examples/hello.iam']);
    expect(r.stdout).toContain('DIFF  docs/examples/hello.iam: no golden trace: run with --update to write one\n');
  });

  it('a path that names nothing, a folder without scenarios, a glob that matches none: ERROR, exit 2, the others still run', async () => {
    const dir = suite({ 'a.iam': HELLO, 'empty/readme.txt': '' });
    await runCli(['test', '--update', join(dir, 'a.iam')]);
    const r = await runCli(['test', join(dir, 'nope.iam'), join(dir, 'empty'), `${dir}/*.yaml`, join(dir, 'a.iam')]);
    expect(r.stdout).toContain(`ERROR ${join(dir, 'nope.iam')}: no such file or folder\n`);
    expect(r.stdout).toContain(`ERROR ${join(dir, 'empty')}: no .iam scenario in this folder or below\n`);
    expect(r.stdout).toContain(`ERROR ${dir}/*.yaml: no .iam scenario matches this pattern\n`);
    expect(r.stdout).toContain(`PASS  ${join(dir, 'a.iam')} (1 step, 1 expectation)\n`);
    expect(summary(r.stdout)).toBe('4 scenarios: 1 passed, 3 could not run');
    expect(r.code).toBe(2);
  });

  it('a file that cannot be read could not run', async () => {
    const dir = suite({});
    mkdirSync(join(dir, 'folder.iam'));
    const check = await checkScenario(join(dir, 'folder.iam'), false, PLAIN);
    expect(check).toMatchObject({ status: 'error', what: 'cannot read it: it is a directory' });
    // a golden that cannot be read
    writeFileSync(join(dir, 'a.iam'), HELLO);
    mkdirSync(join(dir, 'a.trace'));
    const golden = await runCli(['test', join(dir, 'a.iam')]);
    expect(golden.stdout).toContain(`ERROR ${join(dir, 'a.iam')}: cannot read or write a.trace: it is a directory\n`);
    expect(golden.code).toBe(2);
    if (process.getuid?.() !== 0) {
      // (root reads any file: only another user can see a file it may not read)
      writeFileSync(join(dir, 'secret.iam'), HELLO);
      chmodSync(join(dir, 'secret.iam'), 0o000);
      const r = await runCli(['test', join(dir, 'secret.iam')]);
      expect(r.stdout).toContain(`ERROR ${join(dir, 'secret.iam')}: cannot read it: permission denied\n`);
      expect(r.code).toBe(2);
    }
  });

  it('without a path, tests the current folder (the built command, in a folder of its own)', () => {
    const dir = suite({ 'a.iam': HELLO, 'sub/b.iam': HELLO, 'node_modules/c.iam': HELLO });
    const r = spawnSync(process.execPath, [join(import.meta.dirname, '..', '..', 'bin', 'simulate.js'), 'test', '--update'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(r.stdout.split('\n').filter((l) => l.startsWith('PASS'))).toEqual([
      'PASS  a.iam (1 step, 1 expectation); wrote a.trace (new)',
      'PASS  sub/b.iam (1 step, 1 expectation); wrote b.trace (new)',
    ]);
    expect(readFileSync(join(dir, 'sub', 'b.trace'), 'utf8')).toContain('sub/b.iam · clock');
    expect(r.status).toBe(0);
  });
});

describe('simulate test: --quiet, usage', () => {
  it('--quiet prints only what fails or cannot run, and the summary line', async () => {
    const dir = suite({ 'ok.iam': HELLO, 'bad.iam': HELLO.replace('user/alice"', 'user/bob"') });
    await runCli(['test', '--update', dir]);
    const r = await runCli(['test', '--quiet', dir]);
    expect(r.stdout).not.toContain('PASS');
    expect(r.stdout).toContain(`FAIL  ${join(dir, 'bad.iam')}: 1 of 1 expectation failed\n`);
    expect(summary(r.stdout)).toBe('2 scenarios: 1 passed, 1 with failed expectations');
  });

  it.each([
    [['test', '--reporter', 'junit'], '--reporter junit and --output FILE go together'],
    [['test', '--output', 'x.xml'], '--reporter junit and --output FILE go together'],
    [['test', '--reporter', 'tap', '--output', 'x'], '--reporter must be junit, not "tap"'],
    [['test', '--format', 'json'], '--format applies to scenario runs; simulate test checks every golden beside a scenario'],
    [['test', '--explain', '--events', 'x.jsonl'], '--explain, --events apply to scenario runs'],
    [['x.iam', '--update'], '--update applies to simulate test only'],
    [['replay', 'x.jsonl', '--summary'], '--summary applies to scenario runs and simulate test only'],
    [
      ['a.iam', '--summary', '--format', 'json'],
      '--summary prints one line per scenario instead of its trace: it does not go with --format',
    ],
  ])('%j is a usage error', async (argv, message) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`simulate: ${message}`);
  });
});

describe('simulate test --reporter junit', () => {
  const schema = readFileSync(join(import.meta.dirname, 'junit', 'junit-10.xsd'), 'utf8');

  it('writes JUnit XML that Jenkins’ schema accepts: a testsuite per scenario, a testcase per step and golden, failures and errors', async () => {
    const dir = suite({
      'ok.iam': HELLO,
      'failing.iam': HELLO.replace('user/alice"', 'user/bob"'),
      'differs.iam': HELLO,
      'missing.iam': HELLO,
      'broken.iam': HELLO.replace('as user Dev/alice', 'as user Dev/alicia'),
      'odd <&> "name".iam': HELLO.replace('Who am I?', 'Who am I? <&>'),
      'control.iam': HELLO + '\u0007\n',
    });
    for (const f of ['ok', 'failing', 'differs', 'odd <&> "name"']) await runCli(['test', '--update', join(dir, `${f}.iam`)]);
    writeFileSync(join(dir, 'differs.iam'), HELLO.replace('step "Who am I?"', 'step "Who are you?"'));
    const out = join(dir, 'report.xml');
    const r = await runCli(['test', dir, '--reporter', 'junit', '--output', out]);
    expect(r.code).toBe(2);
    const xml = readFileSync(out, 'utf8');

    const result = await validateXML({
      xml: [{ fileName: 'report.xml', contents: xml }],
      schema: [{ fileName: 'junit-10.xsd', contents: schema }],
    });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);

    const { XMLParser } = await import('fast-xml-parser');
    const doc = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (n) => n === 'testsuite' || n === 'testcase' || n === 'failure',
    }).parse(xml) as { testsuites: Record<string, string> & { testsuite: Suite[] } };
    interface Suite {
      name: string;
      tests: string;
      failures: string;
      errors: string;
      testcase: {
        name: string;
        classname: string;
        failure?: { message: string; type: string; '#text': string }[];
        error?: { message: string; '#text': string };
      }[];
    }
    const byName = Object.fromEntries(doc.testsuites.testsuite.map((s) => [s.name.slice(dir.length + 1), s]));
    expect(Object.keys(byName).sort()).toEqual([
      'broken.iam',
      'control.iam',
      'differs.iam',
      'failing.iam',
      'missing.iam',
      'odd <&> "name".iam',
      'ok.iam',
    ]);
    expect(byName['ok.iam']).toMatchObject({ tests: '2', failures: '0', errors: '0' });
    expect(byName['ok.iam']!.testcase.map((c) => c.name)).toEqual(['step 1: Who am I?', 'golden ok.trace']);
    expect(byName['failing.iam']!.testcase[0]!.failure![0]).toMatchObject({
      type: 'expectation failed',
      message: 'expect response Arn = "arn:aws:iam::111111111111:user/bob" — actual: Arn = "arn:aws:iam::111111111111:user/alice"',
    });
    const diff = byName['differs.iam']!.testcase[1]!.failure![0]!;
    expect(diff).toMatchObject({ type: 'golden differs', message: 'differs.trace differs from this run' });
    expect(diff['#text']).toContain('-Step 1 · Who am I?');
    expect(diff['#text']).toContain(`accept with: simulate test ${join(dir, 'differs.iam')} --update`);
    expect(byName['missing.iam']!.testcase[1]!.failure![0]!.message).toBe('no golden trace: run with --update to write one');
    expect(byName['broken.iam']).toMatchObject({ tests: '1', failures: '0', errors: '1' });
    expect(byName['broken.iam']!.testcase[0]!.error!.message).toMatch(/broken\.iam:3:28: error: user Dev\/alicia/);
    // markup characters are escaped; a character XML cannot carry (the error shows the line it is on) becomes U+FFFD
    expect(byName['odd <&> "name".iam']!.testcase[0]!.name).toBe('step 1: Who am I? <&>');
    expect(byName['control.iam']!.testcase[0]!.error!['#text']).toContain('4 | \uFFFD\n');
    expect(doc.testsuites).toMatchObject({ name: 'simulate test', tests: '12', failures: '3', errors: '2' });
  });

  it('a report that cannot be written: exit 2 and why', async () => {
    const dir = suite({ 'ok.iam': HELLO });
    const r = await runCli(['test', dir, '--reporter', 'junit', '--output', join(dir, 'no', 'such', 'report.xml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^simulate: cannot write .*report\.xml: ENOENT/);
  });
});

describe('plain runs: --summary, --quiet, many files', () => {
  it('--summary prints one line per file and a summary line; --quiet only the failures', async () => {
    const dir = suite({
      'ok.iam': HELLO,
      'bad.iam': HELLO.replace('user/alice"', 'user/bob"'),
      'broken.iam': HELLO.replace('Dev/alice;', 'Dev/x;'),
    });
    const [ok, bad, broken] = ['ok.iam', 'bad.iam', 'broken.iam'].map((f) => join(dir, f)) as [string, string, string];
    const r = await runCli([ok, bad, broken, '--summary']);
    expect(r.stdout).toBe(
      [
        `PASS  ${ok} (1 step, 1 expectation)`,
        `FAIL  ${bad}: 1 of 1 expectation failed`,
        `      step 1 (Who am I?): expect response Arn = "arn:aws:iam::111111111111:user/bob" — actual: Arn = "arn:aws:iam::111111111111:user/alice"`,
        `ERROR ${broken}: could not run`,
        '',
        '3 scenarios: 1 passed, 1 with failed expectations, 1 could not run',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toMatch(/broken\.iam:3:\d+: error: /);
    expect(r.code).toBe(2);

    const quiet = await runCli([ok, bad, '--summary', '--quiet']);
    expect(quiet.stdout).not.toContain('PASS');
    expect(quiet.stdout).toContain(`FAIL  ${bad}`);
    expect(quiet.code).toBe(1);

    // --quiet alone: the whole trace, of the failing scenarios only
    const traces = await runCli([ok, bad, ok, '--quiet']);
    expect(traces.stdout).toBe((await runCli([bad])).stdout);
  });

  it('a file that cannot be read does not stop the others; the exit code is the worst', async () => {
    const dir = suite({ 'ok.iam': HELLO });
    const ok = join(dir, 'ok.iam');
    const r = await runCli([ok, join(dir, 'nope.iam'), ok]);
    expect(r.stderr).toBe(`simulate: cannot read ${join(dir, 'nope.iam')}: no such file\n`);
    const one = (await runCli([ok])).stdout;
    expect(r.stdout).toBe(`${one}\n${one}`);
    expect(r.code).toBe(2);
  });
});

/** A scenario of `n` steps, each calling GetCallerIdentity as `user`. */
function manySteps(n: number, user: string): string {
  const steps = Array.from(
    { length: n },
    (_, i) =>
      `step "Step ${i + 1}" { as user Dev/${user}; call sts:GetCallerIdentity; expect response Arn = "arn:aws:iam::111111111111:user/${user}" }`,
  );
  return `scenario "Many"\naccount Dev 111111111111 { user ${user} }\n${steps.join('\n')}\n`;
}

describe('what a plain run loads', () => {
  it('`simulate x.iam` loads none of the libraries of simulate test (tinyglobby, diff, the XML builder); simulate test loads them when needed', () => {
    const dir = suite({
      'hook.cjs': `const M = require('node:module'); const load = M._load;
M._load = function (request, ...rest) { if (/vendor\\//.test(request)) process.stderr.write('loaded ' + request + '\\n'); return load.call(this, request, ...rest); };`,
      'a.iam': HELLO,
    });
    const bin = join(import.meta.dirname, '..', '..', 'bin', 'simulate.js');
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['-r', join(dir, 'hook.cjs'), bin, ...args], { cwd: dir, encoding: 'utf8' });
    const plain = run('a.iam');
    expect(plain.status).toBe(0);
    expect(plain.stderr).toBe('');
    const test = run('test', '--reporter', 'junit', '--output', 'r.xml');
    expect(test.stderr.split('\n').sort()).toEqual(['', 'loaded ./vendor/fast-xml-parser.cjs', 'loaded ./vendor/tinyglobby.cjs']);
    writeFileSync(join(dir, 'a.trace'), 'an old trace\n');
    expect(run('test', 'a.iam').stderr).toBe('loaded ./vendor/diff.cjs\n');
  });
});
