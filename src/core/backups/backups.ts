import { join, resolve } from 'node:path';
import { rmSync } from 'node:fs';
import type {
  BackupFileInfo,
  BackupResult,
  BackupStatus,
  ListedBackup,
  OldBackupsChoice,
  OldBackupsPreview,
  OldBackupsReport,
} from '../../shared/backups.js';
import { VaultError } from '../../shared/errors.js';
import { copyVault } from './vault-copy.js';
import { wipe } from '../crypto/bytes.js';
import {
  type BackupKeyring,
  type BackupScope,
  handleOldBackups,
  previewOldBackups,
  reencryptBackupsWithPassword,
} from './backup-rekey.js';
import { ensurePrivateFolder } from '../exporters/private-file.js';
import type { SettingsService } from '../settings/settings.js';
import { removeVaultFiles, VaultDatabase } from '../storage/database.js';
import { readHeader, type VaultHeader } from '../storage/header.js';
import type { VaultContext } from '../vault-context.js';
import { backupFileName, backupFolderFor, listBackupFiles } from './backup-files.js';
import { BACKUP_STATE_ID, BACKUP_STATE_KIND, type BackupState } from './backup-state.js';
import { type ChangeTracker, readBackupState } from './change-tracker.js';
import { planRotation } from './rotation.js';

const MAX_NAME_ATTEMPTS = 100;

/** What checking a copy of the vault with the vault's key found (`Vault.inspectCopy`). */
interface CheckedCopy {
  problems: string[];
  /** Records decrypted. */
  records: number;
  /** The copy's change count and backup bookkeeping, as it was when copied. */
  state: BackupState;
}

/**
 * Encrypted backups of the vault: copies through SQLite's online backup (same
 * format, same password), each checked by decrypting every record before it
 * counts, kept in a `backups` folder beside the vault and rotated.
 */
export class BackupService {
  constructor(
    private readonly context: VaultContext,
    private readonly changes: ChangeTracker,
    private readonly settings: SettingsService,
    /** Checks a copy of this vault with its key (the vault's `inspectCopy`). */
    private readonly inspectCopy: (path: string) => CheckedCopy,
    /** The unlocked vault's key, header and subkeys, to re-encrypt backups into (LOCKED otherwise). */
    private readonly keyring: () => BackupKeyring,
  ) {}

  folder(): string {
    return backupFolderFor(this.context.db.path);
  }

  state(): BackupState {
    return this.context.read(() => readBackupState(this.context.records()));
  }

  status(): BackupStatus {
    const state = this.state();
    return {
      ...state,
      folder: this.folder(),
      unsavedChanges: Math.max(0, state.changes - state.savedChanges),
    };
  }

  /** This vault's backups in its backups folder, newest first. */
  list(): BackupFileInfo[] {
    return listBackupFiles(this.context.db.path);
  }

  /**
   * Backs the vault up now: into the backups folder (then rotates it), or to `out`
   * (a file that must not exist yet). The copy is checked with the vault's key
   * (SQLite integrity, every record decrypts); one that fails is deleted and
   * reported as VAULT_DAMAGED. Only a checked copy counts as holding the changes.
   */
  async create(options: { out?: string } = {}): Promise<BackupResult> {
    this.context.records();
    const at = this.context.clock.now();
    const path = options.out === undefined ? this.freePath(at) : resolve(options.out);
    if (options.out === undefined) ensurePrivateFolder(this.folder());
    const copy = await copyVault({ database: this.context.db }, path);
    let inspection;
    try {
      inspection = this.inspectCopy(copy.path);
    } catch (error) {
      removeVaultFiles(copy.path);
      throw error;
    }
    if (inspection.problems.length > 0) {
      removeVaultFiles(copy.path);
      throw new VaultError(
        'VAULT_DAMAGED',
        `The backup did not check out, so it was deleted: ${inspection.problems.join(' ')} Run \`sparekey verify\` on the vault.`,
      );
    }
    const saved = inspection.state.changes;
    this.changes.quietly(() =>
      this.context.write(() => {
        const records = this.context.records();
        const state = readBackupState(records);
        const savedChanges = Math.max(state.savedChanges, saved);
        records.put(BACKUP_STATE_KIND, BACKUP_STATE_ID, null, {
          ...state,
          savedChanges,
          lastBackupAt: at,
          lastBackupFile: copy.path,
          // A change made while the copy was taken is in no backup: count it from then.
          oldestUnsavedChangeAt: state.changes > savedChanges ? at : null,
        } satisfies BackupState);
      }),
    );
    const removed = options.out === undefined ? this.rotate(at) : [];
    return { path: copy.path, at, bytes: copy.bytes, records: inspection.records, removed };
  }

  /** Deletes the backups rotation does not keep (never a `before-restore` copy); returns their paths. */
  rotate(now: number = this.context.clock.now()): string[] {
    const settings = this.settings.get();
    const automatic = this.list().filter((file) => file.kind === 'backup');
    const { remove } = planRotation(automatic, now, {
      keepLast: settings.backupKeepLast,
      keepDays: settings.backupKeepDays,
    });
    for (const file of remove) rmSync(file.path, { force: true });
    return remove.map((file) => file.path);
  }

  /**
   * Before a password change: the backups under the vault's current key (after the
   * change they open with the old password) and those no change can re-encrypt.
   */
  oldBackupsPreview(): OldBackupsPreview {
    return previewOldBackups(this.scope(), this.keyring());
  }

  /**
   * After a password change (`Vault.rotateKey`), with the old vault key it returned:
   * the backups made under it are re-encrypted under the new key, deleted, or kept
   * (`choice`). Takes the old key over and wipes it.
   */
  async afterPasswordChange(
    oldKey: Uint8Array,
    choice: OldBackupsChoice,
  ): Promise<OldBackupsReport> {
    try {
      const report = await handleOldBackups(this.scope(), this.keyring(), oldKey, choice);
      this.forgetDeleted(report.deleted);
      return report;
    } finally {
      wipe(oldKey);
    }
  }

  /** Re-encrypts under the current key the backups that open with `password`, an earlier password of the vault. */
  reencryptWithPassword(password: string): Promise<OldBackupsReport> {
    return reencryptBackupsWithPassword(this.scope(), this.keyring(), password);
  }

  /**
   * This vault's backups, newest first, each with the password it opens with: the
   * current one when it has the vault's key slot, else one the vault had before.
   */
  listWithPasswords(): ListedBackup[] {
    const current = this.context.read(() => readHeader(this.context.db));
    return this.list().map((file) => ({
      ...file,
      opensWith: hasKeySlot(file.path, current) ? 'current' : 'earlier',
    }));
  }

  private scope(): BackupScope {
    return {
      vaultPath: this.context.db.path,
      random: this.context.random,
      inspect: (path) => this.inspectCopy(path),
    };
  }

  /**
   * When the last backup was deleted, no backup holds the vault's changes any more:
   * the bookkeeping says so (never backed up), so the health check and the
   * automatic backups do not count on it.
   */
  private forgetDeleted(deleted: string[]): void {
    const state = this.state();
    if (state.lastBackupAt === null || !deleted.includes(state.lastBackupFile)) return;
    const now = this.context.clock.now();
    this.changes.quietly(() =>
      this.context.write(() => {
        this.context.records().put(BACKUP_STATE_KIND, BACKUP_STATE_ID, null, {
          ...state,
          savedChanges: 0,
          lastBackupAt: null,
          lastBackupFile: '',
          oldestUnsavedChangeAt: state.oldestUnsavedChangeAt ?? state.lastChangeAt ?? now,
        } satisfies BackupState);
      }),
    );
  }

  private freePath(at: number): string {
    const folder = this.folder();
    const taken = new Set(this.list().map((file) => file.name));
    for (let attempt = 1; attempt <= MAX_NAME_ATTEMPTS; attempt++) {
      const name = backupFileName(this.context.db.path, at, 'backup', attempt);
      if (!taken.has(name)) return join(folder, name);
    }
    throw new VaultError('REFUSED', `Too many backups at the same instant in ${folder}.`);
  }
}

/** Whether the file at `path` is a format-2 vault with `header`'s vault id and key slot. */
function hasKeySlot(path: string, header: VaultHeader): boolean {
  let copy: VaultDatabase;
  try {
    copy = VaultDatabase.openExisting(path, undefined, true);
  } catch {
    return false;
  }
  try {
    const found = copy.read(() => readHeader(copy));
    return (
      found.format === header.format &&
      Buffer.compare(found.vaultId, header.vaultId) === 0 &&
      Buffer.compare(found.keySlot, header.keySlot) === 0
    );
  } catch {
    return false;
  } finally {
    copy.close();
  }
}
