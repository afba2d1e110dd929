// `simulate walk`: one frame at a time in the terminal, next and back; without a terminal on both
// sides it prints every frame and exits. Keys: n, space, enter, → next · b, p, ← back · g first ·
// G last · q, Ctrl-C quit.
import type { LoggedEvent } from '../engine/events.js';
import { COLOUR, PLAIN } from '../trace/style.js';
import { walkFrameStream, type Frame } from '../walk/frames.js';
import type { Io } from './io.js';

const CLEAR = '\u001b[2J\u001b[H';

/** `events` gives the log again at each call: without a terminal, each frame is printed as it is made (a long log is never held). */
export async function walk(events: () => Iterable<LoggedEvent>, io: Io): Promise<number> {
  const stdin = process.stdin;
  const interactive = io.isTTY && stdin.isTTY === true;
  const colour = interactive && !io.env.NO_COLOR && io.env.TERM !== 'dumb';
  const stream = walkFrameStream(events, colour ? COLOUR : PLAIN);
  const code = stream.failed ? 1 : 0;
  if (!interactive) {
    let i = 0;
    for (const f of stream.frames) {
      io.stdout(`${i === 0 ? '' : '\n'}${header(i, stream.count, f)}\n\n${f.lines.join('\n')}\n`);
      i++;
    }
    return code;
  }
  const frames = [...stream.frames];
  let at = 0;
  const show = () =>
    io.stdout(`${CLEAR}${header(at, frames.length, frames[at]!)}\n\n${frames[at]!.lines.join('\n')}\n\n${prompt(at, frames.length)}`);
  show();
  stdin.setRawMode(true);
  stdin.resume();
  await new Promise<void>((done) => {
    stdin.on('data', (chunk: Buffer) => {
      const key = chunk.toString('utf8');
      const next = move(key, at, frames.length);
      if (next === null) {
        stdin.setRawMode(false);
        stdin.pause();
        io.stdout('\n');
        done();
        return;
      }
      at = next;
      show();
    });
  });
  return code;
}

/** The frame a key leads to, or null to quit. */
export function move(key: string, at: number, count: number): number | null {
  switch (key) {
    case 'q':
    case 'Q':
    case '\u0003':
    case '\u0004':
      return null;
    case 'n':
    case ' ':
    case '\r':
    case '\n':
    case 'j':
    case '\u001b[C':
    case '\u001b[B':
      return Math.min(at + 1, count - 1);
    case 'b':
    case 'p':
    case 'k':
    case '\u001b[D':
    case '\u001b[A':
      return Math.max(at - 1, 0);
    case 'g':
      return 0;
    case 'G':
      return count - 1;
    default:
      return at;
  }
}

function header(at: number, count: number, f: Frame): string {
  return `── ${at === 0 ? 'The world' : `${at}/${count - 1}`} ─ ${f.title} ──`;
}

function prompt(at: number, count: number): string {
  const where = at === count - 1 ? 'end of the scenario · ' : '';
  return `${where}[n]ext  [b]ack  [g] first  [G] last  [q]uit`;
}
