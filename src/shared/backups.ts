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
