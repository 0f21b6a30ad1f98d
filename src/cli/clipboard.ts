import { VaultError } from '../shared/errors.js';
import type { Terminal } from './terminal.js';
import { SECOND_MS } from '../shared/durations.js';

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
  await wait(seconds * SECOND_MS);
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

/**
 * Catches Ctrl-C, kill and hang-up from now until `dispose`: instead of ending
 * the process they cut `wait` short, so the clipboard is cleared at once.
 */
export function catchInterrupts(): { wait(ms: number): Promise<void>; dispose(): void } {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  let interrupt = () => {};
  const interrupted = new Promise<void>((resolve) => (interrupt = resolve));
  for (const signal of signals) process.on(signal, interrupt);
  return {
    wait: (ms) => {
      let timer: NodeJS.Timeout | undefined;
      return Promise.race([
        interrupted,
        new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))),
      ]).finally(() => clearTimeout(timer));
    },
    dispose: () => {
      for (const signal of signals) process.off(signal, interrupt);
    },
  };
}
