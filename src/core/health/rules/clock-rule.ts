import { CLOCK_WRONG_MS } from '../../../shared/health.js';
import type { RawFinding } from '../finding.js';
import { SECOND_MS } from '../../../shared/durations.js';
import { finding } from '../finding.js';
import type { HealthRule } from '../health-rule.js';

function describeOffset(offsetMs: number): string {
  const seconds = Math.round(Math.abs(offsetMs) / SECOND_MS);
  return `${seconds} s ${offsetMs > 0 ? 'behind' : 'ahead of'}`;
}

/**
 * `clock.drift` (warning): the clock is off by more than the tolerance, up to
 * 90 s: the current code may be refused, the previous or next one shown works.
 * `clock.wrong` (critical): off by more than 90 s: no code shown is accepted.
 */
export const clockDrift: HealthRule = {
  id: 'clock',
  vault({ snapshot }): RawFinding[] {
    const check = snapshot.clockCheck;
    if (check === null) return [];
    const offset = Math.abs(check.offsetMs);
    if (offset <= snapshot.settings.clockToleranceSeconds * SECOND_MS) return [];
    const wrong = offset > CLOCK_WRONG_MS;
    const fix =
      'Turn on automatic date and time in your system settings, then check the clock again (“Check the clock” in Health).';
    return [
      finding(wrong ? 'clock.wrong' : 'clock.drift', {
        accountId: null,
        text: () => ({
          title: `The clock is ${describeOffset(check.offsetMs)} the right time`,
          message: wrong
            ? `This computer's clock is ${describeOffset(check.offsetMs)} ${check.server}. Authenticator codes are computed from the time: no code Sparekey shows, not even the previous or next one, will be accepted.`
            : `This computer's clock is ${describeOffset(check.offsetMs)} ${check.server}. Sites may refuse the current code; until the clock is right, try the previous or next code shown beside it.`,
          fix,
          terminalFix:
            'Turn on automatic date and time in your system settings, then `sparekey health --check-clock` again.',
        }),
        fixTarget: 'clock',
        // Whole steps off, so a dismissal holds while the clock stays about as wrong.
        facts: [Math.sign(check.offsetMs) * Math.round(offset / (30 * SECOND_MS))],
      }),
    ];
  },
};
