import { read } from 'read';
import { VaultError } from '../shared/errors.js';

/** An output stream as the CLI uses it: Node's process.stdout and stderr, or a test's stand-in. */
export type OutputStream = NodeJS.WritableStream & {
  isTTY?: boolean;
  /** Set, at once, by a write that failed (Node's Writable#errored). */
  errored?: Error | null;
  /** tty.WriteStream#hasColors: honours NO_COLOR, FORCE_COLOR, NODE_DISABLE_COLORS and TERM=dumb. */
  hasColors?: (env?: object) => boolean;
};

/** The streams a command talks through; tests and the real process both provide them. */
export interface Terminal {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: OutputStream;
  stderr: OutputStream;
  env: NodeJS.ProcessEnv;
}

export function processTerminal(): Terminal {
  // A write into a pipe whose reader has gone (`sparekey list | head -1`) fails with
  // EPIPE; without a listener Node turns that into an 'error' event's stack trace.
  // The failed write is noticed where it happens instead (Output checks `errored`).
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
}

/**
 * Colour only for a person at a terminal: the stream is a TTY that can show
 * colours, and NO_COLOR (or TERM=dumb) does not ask otherwise.
 */
export function usesColor(stream: OutputStream, env: NodeJS.ProcessEnv): boolean {
  return Boolean(stream.isTTY) && typeof stream.hasColors === 'function' && stream.hasColors(env);
}

export function isInteractive(terminal: Terminal): boolean {
  return Boolean(terminal.stdin.isTTY && terminal.stderr.isTTY);
}

/** Asks on the terminal without echoing what is typed. Prompts go to stderr so stdout stays clean. */
export async function askHidden(terminal: Terminal, prompt: string): Promise<string> {
  try {
    return await read({
      prompt,
      silent: true,
      replace: '',
      input: terminal.stdin,
      output: terminal.stderr,
    });
  } catch (error) {
    if (error instanceof Error && /canceled/i.test(error.message)) {
      throw new VaultError('REFUSED', 'Cancelled; nothing was changed.');
    }
    throw error;
  }
}

export async function askYesNo(terminal: Terminal, prompt: string): Promise<boolean> {
  const answer = await read({
    prompt: `${prompt} [y/N] `,
    input: terminal.stdin,
    output: terminal.stderr,
  });
  return /^y(es)?$/i.test(String(answer).trim());
}

/** Reads all of stdin (for `--secret -`, `--otpauth -` and pasted blocks). */
export async function readAllStdin(terminal: Terminal): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of terminal.stdin)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}
