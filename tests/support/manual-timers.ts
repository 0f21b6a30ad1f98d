import type { TimerHandle, Timers } from '../../src/main/api/timers.js';
import type { FixedClock } from '../../src/core/clock.js';

interface Pending {
  id: number;
  due: number;
  callback: () => void;
}

/**
 * Timers on a FixedClock: nothing fires until the test advances the clock, and
 * then everything that fell due fires in order. Makes auto-lock and clipboard
 * clearing deterministic, in unit tests and in the e2e host alike.
 */
export class ManualTimers implements Timers {
  private pending: Pending[] = [];
  private nextId = 1;

  constructor(private readonly clock: FixedClock) {}

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const id = this.nextId++;
    this.pending.push({ id, due: this.clock.now() + Math.max(0, ms), callback });
    return { id };
  }

  clearTimeout(handle: TimerHandle): void {
    const id = (handle as { id: number }).id;
    this.pending = this.pending.filter((timer) => timer.id !== id);
  }

  /** Moves the clock forward by `ms`, firing each timer at its due instant. */
  advance(ms: number): void {
    const end = this.clock.now() + ms;
    for (;;) {
      const next = this.pending
        .filter((timer) => timer.due <= end)
        .sort((a, b) => a.due - b.due || a.id - b.id)[0];
      if (next === undefined) break;
      this.pending = this.pending.filter((timer) => timer !== next);
      if (next.due > this.clock.now()) this.clock.set(next.due);
      next.callback();
    }
    this.clock.set(end);
  }

  get count(): number {
    return this.pending.length;
  }
}

/** A clipboard in memory, as the e2e host and the unit tests use it. */
export class MemoryClipboard {
  text = '';
  writes = 0;
  async readText(): Promise<string> {
    return this.text;
  }
  async writeText(text: string): Promise<void> {
    this.text = text;
    this.writes++;
  }
  clear(): void {
    this.text = '';
  }
}
