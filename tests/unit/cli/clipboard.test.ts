import { describe, expect, it } from 'vitest';
import { type Clipboard, copyThenClear } from '../../../src/cli/clipboard.js';

/** An in-memory clipboard that records every write. */
function memoryClipboard(options: { readFails?: boolean } = {}): Clipboard & { writes: string[] } {
  const writes: string[] = [];
  return {
    writes,
    write: async (text) => {
      writes.push(text);
    },
    read: async () => {
      if (options.readFails) throw new Error('cannot read');
      return writes.at(-1) ?? '';
    },
  };
}

describe('copyThenClear', () => {
  it('waits the timeout, then clears what it copied', async () => {
    const clipboard = memoryClipboard();
    const waited: number[] = [];
    const outcome = await copyThenClear(clipboard, 'secret', 20, async (ms) => {
      waited.push(ms);
    });
    expect(outcome).toBe('cleared');
    expect(waited).toEqual([20_000]);
    expect(clipboard.writes).toEqual(['secret', '']);
  });

  it('leaves it there when the timeout is off (0)', async () => {
    const clipboard = memoryClipboard();
    let waited = false;
    const outcome = await copyThenClear(clipboard, 'secret', 0, async () => {
      waited = true;
    });
    expect(outcome).toBe('kept');
    expect(waited).toBe(false);
    expect(clipboard.writes).toEqual(['secret']);
  });

  it('clears anyway when it cannot read the clipboard back (the secret matters more)', async () => {
    const clipboard = memoryClipboard({ readFails: true });
    expect(await copyThenClear(clipboard, 'secret', 1, async () => {})).toBe('cleared');
    expect(clipboard.writes).toEqual(['secret', '']);
  });

  it('leaves something copied since alone', async () => {
    const clipboard = memoryClipboard();
    const outcome = await copyThenClear(clipboard, 'secret', 5, async () => {
      await clipboard.write('the user copied this');
    });
    expect(outcome).toBe('changed-since');
    expect(clipboard.writes).toEqual(['secret', 'the user copied this']);
  });
});
