import { MINUTE_MS } from '../../shared/durations.js';
import type { TimerHandle, Timers } from './timers.js';

/** Whether the app has been idle long enough to lock (0 minutes: never). */
export function isIdleLongEnough(now: number, lastActivity: number, minutes: number): boolean {
  return minutes > 0 && now - lastActivity >= minutes * MINUTE_MS;
}

/**
 * Auto-lock after a time without input. Runs while the vault is unlocked;
 * activity (reported by the renderer) moves the deadline; when the timer fires
 * it checks the wall clock again, so a late timer (after sleep) still locks.
 */
export class IdleLock {
  private minutes = 0;
  private lastActivity = 0;
  private running = false;
  private timer: TimerHandle | null = null;

  constructor(
    private readonly timers: Timers,
    private readonly clock: { now(): number },
    private readonly onIdle: () => void,
  ) {}

  /** Sets the idle limit (0: never) and re-arms the timer if running. */
  configure(minutes: number): void {
    this.minutes = minutes;
    if (this.running) this.schedule();
  }

  /** The vault was unlocked: idle time counts from now. */
  start(): void {
    this.running = true;
    this.lastActivity = this.clock.now();
    this.schedule();
  }

  /** The vault locked: nothing to time. */
  stop(): void {
    this.running = false;
    this.cancel();
  }

  /** Input from the user: idle time counts from now. */
  activity(): void {
    this.lastActivity = this.clock.now();
  }

  get isRunning(): boolean {
    return this.running;
  }

  private schedule(): void {
    this.cancel();
    if (!this.running || this.minutes <= 0) return;
    const due = this.lastActivity + this.minutes * MINUTE_MS;
    this.timer = this.timers.setTimeout(
      () => {
        this.timer = null;
        this.check();
      },
      Math.max(0, due - this.clock.now()),
    );
  }

  private check(): void {
    if (!this.running) return;
    if (isIdleLongEnough(this.clock.now(), this.lastActivity, this.minutes)) {
      this.stop();
      this.onIdle();
    } else {
      this.schedule();
    }
  }

  private cancel(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }
}
