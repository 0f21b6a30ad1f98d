import type { BackupState } from './backup-state.js';
import { DAY_MS, MINUTE_MS, SECOND_MS } from '../../shared/durations.js';

/** When the desktop app backs up on its own. */
export interface BackupTiming {
  /** A backup waits until no change came for this long (changes come in bursts). */
  quietMs: number;
  /** …but never longer than this after the first change no backup holds. */
  maxDelayMs: number;
  /** And one at least this often while the app runs, changes or not. */
  intervalMs: number;
  /** After a failed backup, wait this long before trying again. */
  retryMs: number;
}

export const DEFAULT_BACKUP_TIMING: BackupTiming = {
  quietMs: 30 * SECOND_MS,
  maxDelayMs: 10 * MINUTE_MS,
  intervalMs: DAY_MS,
  retryMs: 5 * MINUTE_MS,
};

/**
 * When the next automatic backup is due (epoch ms; at or before now means now),
 * from the vault's change count and last backup alone: a pure function of the
 * state and the clock, so the shell only has to call it.
 */
export function nextBackupAt(
  state: BackupState,
  timing: BackupTiming = DEFAULT_BACKUP_TIMING,
  lastFailureAt: number | null = null,
): number {
  const candidates: number[] = [];
  // Never backed up: now.
  candidates.push(
    state.lastBackupAt === null ? Number.NEGATIVE_INFINITY : state.lastBackupAt + timing.intervalMs,
  );
  if (state.changes > state.savedChanges) {
    const lastChange = state.lastChangeAt ?? Number.NEGATIVE_INFINITY;
    const firstUnsaved = state.oldestUnsavedChangeAt ?? lastChange;
    candidates.push(Math.min(lastChange + timing.quietMs, firstUnsaved + timing.maxDelayMs));
  }
  const due = Math.min(...candidates);
  return lastFailureAt === null ? due : Math.max(due, lastFailureAt + timing.retryMs);
}

export function isBackupDue(
  state: BackupState,
  now: number,
  timing: BackupTiming = DEFAULT_BACKUP_TIMING,
  lastFailureAt: number | null = null,
): boolean {
  return nextBackupAt(state, timing, lastFailureAt) <= now;
}
