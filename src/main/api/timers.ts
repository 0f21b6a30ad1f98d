/**
 * A timer scheduler, injected so the shell's timed rules run on a test's clock. A
 * callback that starts asynchronous work returns its promise: the platform ignores
 * it, a test's manual timers await it.
 */
export interface Timers {
  setTimeout(callback: () => unknown, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** Opaque: whatever the scheduler hands back. */
export type TimerHandle = object | number;

/** The platform's timers (Node's in the Electron main process). */
export const systemTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
