import { describe, expect, it } from 'vitest';
import { ClipboardGuard } from '../../../src/main/api/clipboard-guard.js';
import { FixedClock } from '../../../src/core/clock.js';
import { ManualTimers, MemoryClipboard } from '../../support/manual-timers.js';
import { HOUR_MS, SECOND_MS } from '../../../src/shared/durations.js';

function setup() {
  const clock = new FixedClock(0);
  const timers = new ManualTimers(clock);
  const clipboard = new MemoryClipboard();
  return { clock, timers, clipboard, guard: new ClipboardGuard(clipboard, timers) };
}

describe('clipboard clearing (KeePassXC rule)', () => {
  it('clears the copied text after the timeout, not before', async () => {
    const { timers, clipboard, guard } = setup();
    await guard.copy('123456', 20);
    expect(clipboard.text).toBe('123456');
    await timers.advance(19_999);
    expect(clipboard.text).toBe('123456');
    await timers.advance(1);
    expect(clipboard.text).toBe('');
    expect(guard.pending).toBe(false);
  });

  it('leaves the clipboard alone when the user copied something else since', async () => {
    const { timers, clipboard, guard } = setup();
    await guard.copy('123456', 20);
    await clipboard.writeText('my shopping list');
    await timers.advance(20 * SECOND_MS);
    expect(clipboard.text).toBe('my shopping list');
  });

  it('a second copy restarts the timeout and only the latest copy is cleared', async () => {
    const { timers, clipboard, guard } = setup();
    await guard.copy('111111', 20);
    await timers.advance(15 * SECOND_MS);
    await guard.copy('222222', 20);
    await timers.advance(10 * SECOND_MS);
    expect(clipboard.text).toBe('222222');
    await timers.advance(10 * SECOND_MS);
    expect(clipboard.text).toBe('');
    expect(timers.count).toBe(0);
  });

  it('never clears on a timer when the timeout is 0, but still on demand (lock, quit)', async () => {
    const { timers, clipboard, guard } = setup();
    await guard.copy('123456', 0);
    expect(timers.count).toBe(0);
    await timers.advance(HOUR_MS);
    expect(clipboard.text).toBe('123456');
    expect(await guard.clearIfUnchanged()).toBe(true);
    expect(clipboard.text).toBe('');
  });

  it('clearing on demand cancels the timer and respects what the user copied', async () => {
    const { timers, clipboard, guard } = setup();
    await guard.copy('123456', 20);
    await clipboard.writeText('other');
    expect(await guard.clearIfUnchanged()).toBe(false);
    expect(clipboard.text).toBe('other');
    expect(timers.count).toBe(0);
    expect(await guard.clearIfUnchanged()).toBe(false);
  });
});
