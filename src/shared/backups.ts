/** Encrypted backups of the vault, as the core, the CLI and the UI see them. */

/** "12 KB", "1.4 MB": a backup's size for people. */
export function formatFileSize(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.ceil(bytes / 1024)} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** `before-restore`: the vault a restore replaced (rotation never removes it). */
export type BackupKind = 'backup' | 'before-restore';

export interface BackupFileInfo {
  path: string;
  name: string;
  /** When it was made (epoch ms, from its name). */
  at: number;
  kind: BackupKind;
  bytes: number;
}

/** A backup as the vault lists it: which password it opens with, as far as its key slot tells. */
export interface ListedBackup extends BackupFileInfo {
  /**
   * `current`: the vault's current password opens it (it has the vault's key slot).
   * `earlier`: a password the vault had before, not necessarily today's (the one
   * it had when the backup was made, or last re-encrypted).
   */
  opensWith: 'current' | 'earlier';
}

export interface BackupStatus {
  /** Write transactions that changed something since the vault began counting. */
  changes: number;
  lastChangeAt: number | null;
  /** The first change no backup holds, or null when the last backup holds them all. */
  oldestUnsavedChangeAt: number | null;
  /** How many of `changes` the last backup holds. */
  savedChanges: number;
  lastBackupAt: number | null;
  lastBackupFile: string;
  /** Where automatic backups go: `backups` beside the vault. */
  folder: string;
  /** Changes that no backup holds. */
  unsavedChanges: number;
}

export interface BackupResult {
  path: string;
  /** When it was made (epoch ms). */
  at: number;
  bytes: number;
  /** Records in it; each was decrypted to check the copy. */
  records: number;
  /** Older backups the rotation removed (paths). */
  removed: string[];
}

/** A backup restored over the open vault from the desktop app; the vault is then locked. */
export interface RestoreOutcome {
  /** The backup's file name. */
  restoredFrom: string;
  /** Where the replaced vault was kept (in the backups folder). */
  keptAs: string | null;
  /** Records in the restored vault; every one was decrypted to check it. */
  records: number;
}

/**
 * What to do, after a password change, with the backups that still open with the
 * old password: re-encrypt them under the new one (the app's default), delete
 * them, or keep them as they are.
 */
export const OLD_BACKUPS_CHOICES = ['reencrypt', 'delete', 'keep'] as const;
export type OldBackupsChoice = (typeof OLD_BACKUPS_CHOICES)[number];

/** Why a file Sparekey looked at was left as it is. */
export type LeftBackupReason =
  /** Made under an earlier password whose key Sparekey no longer holds (before an earlier change). */
  | 'earlier-password'
  /** Re-encrypting with a password: the file does not open with that password. */
  | 'other-password'
  /** A copy of another vault with the same name. */
  | 'another-vault'
  /** It does not check out (changed outside Sparekey, or damaged). */
  | 'damaged'
  /** Not a vault Sparekey can read (not a vault, or from a newer Sparekey). */
  | 'unreadable'
  /** The copy of the vault kept beside it when it was upgraded to the current format. */
  | 'upgrade-copy'
  /** Re-encrypting or deleting it failed; `detail` says why. The file is as it was. */
  | 'failed';

export interface LeftBackup {
  path: string;
  /** The file's name. */
  name: string;
  reason: LeftBackupReason;
  /** For `failed`: what went wrong, in a sentence. */
  detail?: string;
}

/** What a password change did with the backups made before it. */
export interface OldBackupsReport {
  choice: OldBackupsChoice;
  /** Re-encrypted under the new password (those of an older format upgraded on the way). */
  reencrypted: string[];
  deleted: string[];
  /** Kept as they were: they still open with the old password. */
  kept: string[];
  /** Left as they were, each with why. */
  left: LeftBackup[];
}

/** The backups a password change would concern, worked out before it with the current key. */
export interface OldBackupsPreview {
  /** Backups under the vault's current key: after a change they open with the old password. */
  underCurrentKey: string[];
  /** Files no password change can re-encrypt (an earlier password, damaged…), each with why. */
  left: LeftBackup[];
}

/** Why a file was left, in a sentence that follows its name. */
export function describeLeftBackup(left: LeftBackup): string {
  switch (left.reason) {
    case 'earlier-password':
      return 'it opens with an earlier password of the vault whose key Sparekey no longer holds, so it cannot re-encrypt it. Delete it if that password may be known to someone else.';
    case 'other-password':
      return 'it does not open with the password given.';
    case 'another-vault':
      return 'it is a copy of another vault.';
    case 'damaged':
      return 'it does not check out (damaged or changed outside Sparekey).';
    case 'unreadable':
      return 'it is not a vault this Sparekey can read.';
    case 'upgrade-copy':
      return 'it is the copy of the vault kept when Sparekey upgraded it to the current format, and it still opens with an earlier password. Delete it once you no longer need it.';
    case 'failed':
      return left.detail ?? 'it could not be changed; it is as it was.';
  }
}
