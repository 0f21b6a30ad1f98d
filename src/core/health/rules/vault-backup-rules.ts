import { formatDay } from '../../../shared/dates.js';
import { HOUR_MS } from '../../../shared/durations.js';
import { finding } from '../finding.js';
import type { HealthRule } from '../health-rule.js';

/**
 * `backup.stale` (warning): changes to the vault that no backup holds, the
 * oldest older than `backupStaleHours` (24). Newer ones are no finding: the
 * desktop app backs up within a minute of a change. A vault nobody has changed
 * needs no backup.
 */
export const backupStale: HealthRule = {
  id: 'backup',
  vault({ snapshot: { backup, now, settings } }) {
    const unsaved = backup.changes - backup.savedChanges;
    if (unsaved <= 0) return [];
    const since = backup.oldestUnsavedChangeAt ?? backup.lastChangeAt ?? now;
    if (now - since < settings.backupStaleHours * HOUR_MS) return [];
    const changes = `${unsaved} change${unsaved === 1 ? '' : 's'}`;
    const never = backup.lastBackupAt === null;
    const copy = 'Copy the backups folder beside the vault to another disk now and then.';
    return [
      finding('backup.stale', {
        accountId: null,
        text: () => ({
          title: never ? 'The vault has never been backed up' : 'Changes not in any backup',
          message: never
            ? `No backup of this vault exists: if its file is lost or damaged, everything in it is gone (${changes} since ${formatDay(since)}).`
            : `${changes} since the last backup (${formatDay(backup.lastBackupAt as number)}) ${unsaved === 1 ? 'is' : 'are'} in no backup; the oldest is from ${formatDay(since)}.`,
          fix: `Choose “Back up now” in Sheets & backups (while it is open, the app also backs up by itself after each change). ${copy}`,
          terminalFix: `Run \`sparekey backup\`. ${copy}`,
        }),
        fixTarget: 'backup',
        facts: [backup.lastBackupAt],
      }),
    ];
  },
};
