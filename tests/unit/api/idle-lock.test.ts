import { describe, expect, it } from 'vitest';
import { IdleLock, isIdleLongEnough } from '../../../src/main/api/idle-lock.js';
import { DAY_MS, MINUTE_MS } from '../../../src/shared/durations.js';
import { FixedClock } from '../../../src/core/clock.js';
import { ManualTimers } from '../../support/manual-timers.js';

function setup(minutes: number) {
  const clock = new FixedClock(1_000_000);
  const timers = new ManualTimers(clock);
  const locks: number[] = [];
  const idle = new IdleLock(timers, clock, () => locks.push(clock.now()));
  idle.configure(minutes);
  return { clock, timers, locks, idle };
}

describe('auto-lock after idle time', () => {
  it('decides on the wall clock: at the limit, not a millisecond before; 0 means never', async () => {
    expect(isIdleLongEnough(5 * MINUTE_MS - 1, 0, 5)).toBe(false);
    expect(isIdleLongEnough(5 * MINUTE_MS, 0, 5)).toBe(true);
    expect(isIdleLongEnough(10 ** 12, 0, 0)).toBe(false);
  });

  it('locks once the limit has passed without input', async () => {
    const { timers, locks, idle } = setup(5);
    idle.start();
    await timers.advance(5 * MINUTE_MS - 1);
    expect(locks).toHaveLength(0);
    await timers.advance(1);
    expect(locks).toHaveLength(1);
    expect(idle.isRunning).toBe(false);
    await timers.advance(60 * MINUTE_MS);
    expect(locks).toHaveLength(1);
  });

  it('input moves the deadline', async () => {
    const { timers, locks, idle } = setup(5);
    idle.start();
    await timers.advance(4 * MINUTE_MS);
    idle.activity();
    await timers.advance(4 * MINUTE_MS);
    expect(locks).toHaveLength(0);
    await timers.advance(MINUTE_MS);
    expect(locks).toHaveLength(1);
  });

  it('does nothing when stopped (locked) or set to never', async () => {
    const never = setup(0);
    never.idle.start();
    await never.timers.advance(DAY_MS);
    expect(never.locks).toHaveLength(0);
    expect(never.timers.count).toBe(0);

    const stopped = setup(1);
    stopped.idle.start();
    stopped.idle.stop();
    await stopped.timers.advance(10 * MINUTE_MS);
    expect(stopped.locks).toHaveLength(0);
  });

  it('a new limit applies at once, counted from the last input', async () => {
    const { timers, locks, idle } = setup(30);
    idle.start();
    await timers.advance(3 * MINUTE_MS);
    idle.configure(2);
    expect(locks).toHaveLength(0);
    await timers.advance(0);
    expect(locks).toHaveLength(1);
  });

  it('locks even when the timer fires late (after the computer slept)', async () => {
    const { clock, timers, locks, idle } = setup(5);
    idle.start();
    clock.advance(50 * MINUTE_MS);
    await timers.advance(0);
    expect(locks).toHaveLength(1);
  });
});
