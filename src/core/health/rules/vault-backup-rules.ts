import { formatDay } from '../../../shared/dates.js';
import type { HealthRule } from '../health-rule.js';
import { HOUR_MS } from '../../../shared/durations.js';

/**
 * Changes to the vault that no backup holds: info while recent (the desktop app
 * backs up within a minute of a change), a warning once the oldest is older than
 * `backupStaleHours` (24). A vault nobody has changed needs no backup.
 */
export const backupStale: HealthRule = {
  id: 'backup.stale',
  check({ backup, now, settings }) {
    const unsaved = backup.changes - backup.savedChanges;
    if (unsaved <= 0) return [];
    const since = backup.oldestUnsavedChangeAt ?? backup.lastChangeAt ?? now;
    const stale = now - since >= settings.backupStaleHours * HOUR_MS;
    const changes = `${unsaved} change${unsaved === 1 ? '' : 's'}`;
    const never = backup.lastBackupAt === null;
    return [
      {
        ruleId: 'backup.stale',
        severity: stale ? 'warning' : 'info',
        accountId: null,
        title: never ? 'The vault has never been backed up' : 'Changes not in any backup',
        message: never
          ? `No backup of this vault exists: if its file is lost or damaged, everything in it is gone (${changes} since ${formatDay(since)}).`
          : `${changes} since the last backup (${formatDay(backup.lastBackupAt as number)}) ${unsaved === 1 ? 'is' : 'are'} in no backup; the oldest is from ${formatDay(since)}.`,
        fix: 'Back up now: in the app, "Back up now" (Sheets & backups; the app also backs up by itself while it is open); in a terminal, `sparekey backup`. Copy the backups folder beside the vault to another disk now and then.',
        fixTarget: 'backup',
      },
    ];
  },
};
