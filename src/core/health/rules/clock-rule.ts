import type { HealthFinding } from '../../../shared/health.js';
import type { HealthRule } from '../health-rule.js';
import { SECOND_MS } from '../../../shared/durations.js';

function describeOffset(offsetMs: number): string {
  const seconds = Math.round(Math.abs(offsetMs) / SECOND_MS);
  return `${seconds} s ${offsetMs > 0 ? 'behind' : 'ahead of'}`;
}

/** The system clock differs from the network time by more than the tolerance: codes get rejected. */
export const clockDrift: HealthRule = {
  id: 'clock.drift',
  check(snapshot): HealthFinding[] {
    const check = snapshot.clockCheck;
    if (check === null) return [];
    const toleranceMs = snapshot.settings.clockToleranceSeconds * SECOND_MS;
    if (Math.abs(check.offsetMs) <= toleranceMs) return [];
    // Beyond a full 30-second step, the code shown is the wrong one for most sites.
    const severity = Math.abs(check.offsetMs) > 30 * SECOND_MS ? 'critical' : 'warning';
    return [
      {
        ruleId: 'clock.drift',
        severity,
        accountId: null,
        title: `The clock is ${describeOffset(check.offsetMs)} the right time`,
        message: `This computer's clock is ${describeOffset(check.offsetMs)} ${check.server}. Authenticator codes are computed from the time, so sites will reject the codes shown.`,
        fix: 'Turn on automatic date and time in your system settings. Until then, try the previous or next code shown beside each current one.',
        fixTarget: 'clock',
      },
    ];
  },
};
