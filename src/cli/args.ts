// Command-line arguments of `simulate` (../shared/design/cli.md).

export type Format = 'text' | 'json' | 'yaml' | 'markdown' | 'mermaid';

export interface Args {
  readonly command: 'run' | 'replay' | 'help' | 'version';
  readonly files: string[];
  readonly format: Format;
  readonly explain: boolean;
  readonly events: string | null;
  readonly color: boolean | null; // null: decide by TTY and NO_COLOR
  readonly until: number | null;
}

export class UsageError extends Error {}

const FORMATS: readonly Format[] = ['text', 'json', 'yaml', 'markdown', 'mermaid'];

export function parseArgs(argv: readonly string[]): Args {
  const files: string[] = [];
  let format: Format = 'text';
  let explain = false;
  let events: string | null = null;
  let color: boolean | null = null;
  let until: number | null = null;
  let command: Args['command'] = 'run';
  const value = (i: number, flag: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = a.indexOf('=');
    const [flag, inline] = a.startsWith('--') && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, null];
    const take = () => (inline !== null ? inline : value(i++, flag));
    switch (flag) {
      case '--help':
      case '-h':
        command = 'help';
        break;
      case '--version':
      case '-v':
        command = 'version';
        break;
      case '--format': {
        const f = take();
        if (!FORMATS.includes(f as Format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${f}"`);
        format = f as Format;
        break;
      }
      case '--explain':
        explain = true;
        break;
      case '--events':
        events = take();
        break;
      case '--no-color':
        color = false;
        break;
      case '--color':
        color = true;
        break;
      case '--until': {
        const n = take();
        if (!/^\d+$/.test(n)) throw new UsageError(`--until needs a step number, not "${n}"`);
        until = Number(n);
        break;
      }
      default:
        if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
        if (files.length === 0 && a === 'replay' && command === 'run') command = 'replay';
        else files.push(a);
    }
  }
  if (command === 'run' && files.length === 0) throw new UsageError('no scenario file given');
  if (command === 'replay' && files.length !== 1) throw new UsageError('replay takes exactly one event log');
  return { command, files, format, explain, events, color, until };
}

export const HELP = `simulate — replay AWS identity scenarios and explain every decision

usage:
  simulate SCENARIO.iam [SCENARIO.iam …]   run scenarios, print the trace
  simulate replay EVENTS_FILE               rebuild the trace from an event log alone
  simulate --help | --version

options:
  --format text|json|yaml    trace format (default text; markdown and mermaid come later)
  --explain                  show the request context behind every decision
  --events FILE              also write the event log (.yaml/.yml or .jsonl)
  --until N                  stop after step N and print the world state
  --no-color                 never colour the text trace (NO_COLOR works too)

exit codes: 0 every expectation held · 1 an expectation failed · 2 the scenario could not run
`;
