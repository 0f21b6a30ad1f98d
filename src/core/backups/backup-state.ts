import { z } from 'zod';

/**
 * One record (id `vault`, no parent) counting the vault's changes and what the
 * last backup holds, so "changes that no backup holds" survives restarts and is
 * shared by every process that writes the vault (the app and the CLI).
 */
export const BACKUP_STATE_KIND = 'backup-state';
export const BACKUP_STATE_ID = 'vault';

export const BackupStateSchema = z.object({
  /** Write transactions that changed something, ever (a counter, never reset). */
  changes: z.number().int().nonnegative(),
  lastChangeAt: z.number().nullable(),
  /** The first change that no backup holds yet, or null when the last backup holds them all. */
  oldestUnsavedChangeAt: z.number().nullable(),
  /** `changes` as it stood in the last backup. */
  savedChanges: z.number().int().nonnegative(),
  lastBackupAt: z.number().nullable(),
  /** Where the last backup was written. */
  lastBackupFile: z.string(),
});
export type BackupState = z.infer<typeof BackupStateSchema>;

export const INITIAL_BACKUP_STATE: BackupState = {
  changes: 0,
  lastChangeAt: null,
  oldestUnsavedChangeAt: null,
  savedChanges: 0,
  lastBackupAt: null,
  lastBackupFile: '',
};
