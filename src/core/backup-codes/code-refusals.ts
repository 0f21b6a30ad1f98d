import type { CodesStatus } from '../../shared/backup-codes.js';
import { formatDay } from '../../shared/dates.js';
import { VaultError } from '../../shared/errors.js';
import type { CodeSetRecord } from './code-set-records.js';
import { newestFirst, type StoredSet } from './code-status.js';

/**
 * The refusals of backup codes: REFUSED with `details.reason` saying which, and a
 * sentence saying it in words (the contract documents the reasons).
 */
export function refused(message: string, details: Record<string, unknown>): VaultError {
  return new VaultError('REFUSED', message, details);
}

/** Adding codes to an account that has some, without saying whether the site replaced them. */
export function hasCurrentCodesRefusal(status: CodesStatus): VaultError {
  return refused(
    `This account already has ${status.total} backup codes (${status.remaining} unused). ` +
      'Say whether the site replaced them (the usual case: the old codes stop working) or whether they stay valid too.',
    { reason: 'has-current-codes', currentSetIds: status.currentSetIds },
  );
}

/** A code that was already used: when, and the note left then. */
export function usedRefusal(set: StoredSet, index: number): VaultError {
  const code = set.value.codes[index] as CodeSetRecord['codes'][number];
  const usedAt = code.usedAt as number;
  return refused(
    `${code.code} was already used on ${formatDay(usedAt)}${code.note ? `: ${code.note}` : ''}. Each backup code works only once.`,
    { reason: 'already-used', setId: set.id, number: index + 1, usedAt, note: code.note },
  );
}

/** A code from a set the site replaced: it no longer works. */
export function replacedRefusal(set: StoredSet, index: number, current: number): VaultError {
  const code = set.value.codes[index] as CodeSetRecord['codes'][number];
  const replacedAt = set.value.replacedAt ?? set.value.changedAt;
  const label = set.value.label ? ` "${set.value.label}"` : '';
  return refused(
    `${code.code} is from the set${label} replaced on ${formatDay(replacedAt)}; it no longer works.` +
      (current > 0 ? ' Use a code from the current set.' : ''),
    { reason: 'replaced', setId: set.id, number: index + 1, replacedAt },
  );
}

/** The same codes twice, or an old list from the drawer, are refused before anything is saved. */
export function checkNotStoredAlready(
  codes: readonly { normalized: string }[],
  sets: readonly StoredSet[],
): void {
  for (const state of ['current', 'replaced'] as const) {
    const stored = sets.filter((set) => set.value.state === state);
    const known = new Set(stored.flatMap((set) => set.value.codes.map((code) => code.normalized)));
    const repeated = codes.filter((code) => known.has(code.normalized)).length;
    if (repeated === 0) continue;
    const newest = stored.sort(newestFirst)[0];
    const when = newest ? formatDay(newest.value.addedAt) : '';
    throw refused(
      state === 'current'
        ? `${repeated === codes.length ? 'These are' : `${repeated} of these codes are`} already stored (added ${when}); nothing was saved.`
        : `${repeated === codes.length ? 'These codes are' : `${repeated} of these codes are`} from a set that was replaced; they no longer work. Check that you pasted the newest codes.`,
      { reason: state === 'current' ? 'already-stored' : 'replaced-codes', repeated },
    );
  }
}
