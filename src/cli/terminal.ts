import { read } from 'read';
import { VaultError } from '../shared/errors.js';

/** The streams a command talks through; tests and the real process both provide them. */
export interface Terminal {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

export function processTerminal(): Terminal {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
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
