/** The backup-code history in words, for the CLI's `codes history` and the desktop app alike. */
import { formatDayTime } from './dates.js';
import type { HistoryEvent } from './history.js';

function detailText(event: HistoryEvent, key: string): string {
  const value = event.detail[key];
  return value === null || value === undefined ? '' : String(value);
}

/** How a set is named in a line: by default its id's first characters ("set 1a2b3c4d"). */
export type SetName = (setId: string) => string;

const bySetId: SetName = (setId) => `set ${setId.slice(0, 8)}`;

/** One history line, in words: "used code #3 of set 1a2b3c4d (typed): new laptop". */
export function describeCodeEvent(event: HistoryEvent, setName: SetName = bySetId): string {
  const set = setName(detailText(event, 'setId'));
  const number = detailText(event, 'number');
  const note = detailText(event, 'note');
  switch (event.type) {
    case 'codes.add': {
      const label = detailText(event, 'label');
      return `added ${detailText(event, 'count')} codes${label ? ` "${label}"` : ''} (${set})`;
    }
    case 'codes.replace':
      return `replaced ${set} (${detailText(event, 'unused')} unused codes stopped counting)`;
    case 'codes.reveal':
      return `showed the codes of ${set}`;
    case 'codes.copy':
      return `copied code #${number} of ${set}`;
    case 'codes.suggest':
      return `showed code${detailText(event, 'numbers').includes(',') ? 's' : ''} #${detailText(event, 'numbers').split(',').join(', #')} of ${set} as the nearest to a mistyped code`;
    case 'codes.use':
      return `used code #${number} of ${set}${detailText(event, 'how') === 'typed' ? ' (typed)' : ''}${note ? `: ${note}` : ''}`;
    case 'codes.undo': {
      const usedAt = event.detail.usedAt;
      return `undid the use of code #${number} of ${set}${typeof usedAt === 'number' ? ` (marked ${formatDayTime(usedAt)})` : ''}`;
    }
    default:
      return event.type;
  }
}
