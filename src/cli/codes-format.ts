import type { CodesLevel, CodesStatus } from '../shared/backup-codes.js';
import { formatDay } from '../shared/dates.js';
import type { HistoryEvent } from '../shared/history.js';

/** "3 May 2026 10:05", local time. */
export function formatDayTime(epochMs: number): string {
  const date = new Date(epochMs);
  const time = `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
  return `${formatDay(epochMs)} ${time}`;
}

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

function detailText(event: HistoryEvent, key: string): string {
  const value = event.detail[key];
  return value === null || value === undefined ? '' : String(value);
}

/** One history line, in words. */
export function describeEvent(event: HistoryEvent): string {
  const set = detailText(event, 'setId').slice(0, 8);
  const number = detailText(event, 'number');
  const note = detailText(event, 'note');
  switch (event.type) {
    case 'codes.add': {
      const label = detailText(event, 'label');
      return `added ${detailText(event, 'count')} codes${label ? ` "${label}"` : ''} (set ${set})`;
    }
    case 'codes.replace':
      return `replaced set ${set} (${detailText(event, 'unused')} unused codes stopped counting)`;
    case 'codes.reveal':
      return `showed the codes of set ${set}`;
    case 'codes.copy':
      return `copied code #${number} of set ${set}`;
    case 'codes.use':
      return `used code #${number} of set ${set}${detailText(event, 'how') === 'typed' ? ' (typed)' : ''}${note ? `: ${note}` : ''}`;
    case 'codes.undo': {
      const usedAt = event.detail.usedAt;
      return `undid the use of code #${number} of set ${set}${typeof usedAt === 'number' ? ` (marked ${formatDayTime(usedAt)})` : ''}`;
    }
    default:
      return event.type;
  }
}
