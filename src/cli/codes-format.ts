import type { CodesLevel, CodesStatus } from '../shared/backup-codes.js';

// Shared with the desktop app, which words the history the same way.
export { describeCodeEvent as describeEvent } from '../shared/backup-code-events.js';
export { formatDayTime } from '../shared/dates.js';

const LEVEL_WORDS: Record<CodesLevel, string> = {
  none: 'no codes',
  ok: 'ok',
  low: 'low',
  exhausted: 'all used',
};

export function levelWord(level: CodesLevel): string {
  return LEVEL_WORDS[level];
}

/** "7 of 10 left" */
export function remainingText(status: CodesStatus): string {
  return status.total === 0 ? 'no current codes' : `${status.remaining} of ${status.total} left`;
}

/** The warning a person should see after listing or using codes, or null when all is well. */
export function levelWarning(status: CodesStatus, site: string): string | null {
  if (status.level === 'exhausted') {
    return `Warning (critical): every backup code is used. Generate new ones at ${site} and add them with --replace.`;
  }
  if (status.level === 'low') {
    return `Warning: only ${status.remaining} backup codes left. Generate new ones at ${site} soon and add them with --replace.`;
  }
  return null;
}
