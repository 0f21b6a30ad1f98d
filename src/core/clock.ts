/**
 * The core never reads the system clock itself: every component takes a Clock,
 * so tests can set any instant and TOTP steps are deterministic.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock fixed at one instant, which tests (and `--at`) can move. */
export class FixedClock implements Clock {
  constructor(private instant: number) {}
  now(): number {
    return this.instant;
  }
  set(instant: number): void {
    this.instant = instant;
  }
  advance(ms: number): void {
    this.instant += ms;
  }
}
