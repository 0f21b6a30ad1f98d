import { useEffect } from 'react';
import { call } from '../api.js';
import { SECOND_MS } from '../../../shared/durations.js';

/** At most one report per this many milliseconds: auto-lock counts in minutes. */
const REPORT_EVERY_MS = 10 * SECOND_MS;
const INPUT_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;

/**
 * Tells main the user is here (keyboard, mouse, wheel), so auto-lock counts
 * idle time from the last input. The once-a-second code refresh is not input.
 */
export function useActivityReporter(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    let last = 0;
    const report = () => {
      const now = performance.now();
      if (last !== 0 && now - last < REPORT_EVERY_MS) return;
      last = now;
      void call('reportActivity', {}).catch(() => undefined);
    };
    for (const name of INPUT_EVENTS)
      window.addEventListener(name, report, { capture: true, passive: true });
    return () => {
      for (const name of INPUT_EVENTS) window.removeEventListener(name, report, { capture: true });
    };
  }, [active]);
}
