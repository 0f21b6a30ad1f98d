import type { TimerHandle, Timers } from '../../src/main/api/timers.js';
import type { FixedClock } from '../../src/core/clock.js';

interface Pending {
  id: number;
  due: number;
  callback: () => unknown;
}

/**
 * Timers on a FixedClock: nothing fires until the test says so, by advancing the
 * clock (everything that falls due fires, in order, each at its instant) or by
 * firing the next timer. Both return a promise that settles once the work the
 * fired callbacks started has finished (a callback returns its promise), so a test
 * awaits the step instead of sleeping. Drives auto-lock, clipboard clearing and
 * automatic backups, in unit tests and in the e2e host alike.
 */
export class ManualTimers implements Timers {
  private pending: Pending[] = [];
  private nextId = 1;

  constructor(private readonly clock: FixedClock) {}

  setTimeout(callback: () => unknown, ms: number): TimerHandle {
    const id = this.nextId++;
    this.pending.push({ id, due: this.clock.now() + Math.max(0, ms), callback });
    return { id };
  }

  clearTimeout(handle: TimerHandle): void {
    const id = (handle as { id: number }).id;
    this.pending = this.pending.filter((timer) => timer.id !== id);
  }

  /** Moves the clock forward by `ms`, firing each timer at its due instant. */
  async advance(ms: number): Promise<void> {
    const end = this.clock.now() + ms;
    const work: unknown[] = [];
    for (;;) {
      const next = this.earliest();
      if (next === undefined || next.due > end) break;
      work.push(this.run(next));
    }
    this.clock.set(end);
    await Promise.all(work);
  }

  /** Fires the next timer, moving the clock to its due instant if that is later; none pending is a test error. */
  async fire(): Promise<void> {
    const next = this.earliest();
    if (next === undefined) throw new Error('No timer is pending.');
    await this.run(next);
  }

  /** How many timers are pending. */
  get count(): number {
    return this.pending.length;
  }

  private earliest(): Pending | undefined {
    return [...this.pending].sort((a, b) => a.due - b.due || a.id - b.id)[0];
  }

  private run(timer: Pending): unknown {
    this.pending = this.pending.filter((pending) => pending !== timer);
    if (timer.due > this.clock.now()) this.clock.set(timer.due);
    return timer.callback();
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
