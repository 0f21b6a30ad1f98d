import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';

export interface VirtualDisplay {
  /** The DISPLAY value, e.g. ":3". */
  display: string;
  stop(): void;
}

/**
 * A private X server (Xvfb) for the clipboard tests: on Linux the system
 * clipboard needs a display, and a test machine has none. Xvfb picks a free
 * display number and tells it through file descriptor 3.
 */
export function startXvfb(): Promise<VirtualDisplay> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'Xvfb',
      ['-displayfd', '3', '-nolisten', 'tcp', '-screen', '0', '320x240x24'],
      {
        stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
      },
    );
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error('Xvfb did not start within 10 s.'));
    }, 10_000);
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        error.code === 'ENOENT'
          ? new Error('The clipboard tests need Xvfb: install it (Debian: apt-get install xvfb).')
          : error,
      );
    });
    let text = '';
    (child.stdio[3] as Readable).on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) {
        clearTimeout(timer);
        resolve({ display: `:${text.trim()}`, stop: () => child.kill() });
      }
    });
  });
}
