import { VaultError } from '../shared/errors.js';
import type { Terminal } from './terminal.js';

export interface Clipboard {
  write(text: string): Promise<void>;
  read(): Promise<string>;
}

/**
 * The system clipboard through clipboardy (pbcopy on macOS, the Windows
 * clipboard, wl-clipboard or xsel on Linux). The text goes to the helper
 * through a pipe, never in its arguments.
 */
export async function systemClipboard(): Promise<Clipboard> {
  const { default: clipboardy } = await import('clipboardy');
  return { write: (text) => clipboardy.write(text), read: () => clipboardy.read() };
}

/** Why the clipboard cannot be used here, in words a person can act on. */
export function clipboardUnavailable(terminal: Terminal, what: string): VaultError {
  const headless =
    process.platform === 'linux' && !terminal.env.DISPLAY && !terminal.env.WAYLAND_DISPLAY;
  return new VaultError(
    'REFUSED',
    headless
      ? `The system clipboard is unavailable here: there is no display (X11 or Wayland) to hold it. Use --show to print the ${what} instead.`
      : `The system clipboard is unavailable: writing to it failed. Use --show to print the ${what} instead.`,
  );
}

export type ClearOutcome = 'cleared' | 'changed-since' | 'kept';

/**
 * Puts `text` on the clipboard, waits `seconds` (0: leaves it there), then
 * clears the clipboard only if it still holds `text`, so something copied
 * since is never wiped. `wait` may end early (Ctrl-C clears at once).
 */
export async function copyThenClear(
  clipboard: Clipboard,
  text: string,
  seconds: number,
  wait: (ms: number) => Promise<void>,
  onCopied: () => void = () => {},
): Promise<ClearOutcome> {
  await clipboard.write(text);
  onCopied();
  if (seconds <= 0) return 'kept';
  await wait(seconds * 1000);
  let current: string | null;
  try {
    current = await clipboard.read();
  } catch {
    current = null; // Cannot tell what it holds: clear it, the secret matters more.
  }
  if (current !== null && current !== text) return 'changed-since';
  await clipboard.write('');
  return 'cleared';
}

/** Waits `ms`, or less if the process is interrupted (Ctrl-C, kill): then the clipboard is cleared early. */
export function interruptibleWait(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      process.off('SIGHUP', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
    process.once('SIGHUP', done);
  });
}
