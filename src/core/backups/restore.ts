import { chmodSync, closeSync, copyFileSync, constants, existsSync, openSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isVaultError, VaultError } from '../../shared/errors.js';
import { copyVault } from './vault-copy.js';
import { ensurePrivateFolder } from '../exporters/private-file.js';
import type { Clock } from '../clock.js';
import { removeVaultFiles } from '../storage/database.js';
import { Vault, type VaultOptions, type VerifyReport } from '../vault.js';
import { backupFileName, backupFolderFor } from './backup-files.js';

export interface RestoreOptions {
  /** The backup to restore. */
  from: string;
  /** The vault file it replaces (or creates). */
  to: string;
  /** The backup's password (the vault's when the backup was made, or when it was last re-encrypted). */
  password: string;
  /** Replace an existing vault (it is kept as a backup first). */
  force?: boolean;
  clock: Clock;
  vaultOptions?: Omit<VaultOptions, 'clock' | 'readOnly'>;
}

export interface RestoreResult {
  vaultPath: string;
  from: string;
  /** Where the replaced vault was kept, or null when there was none. */
  keptAs: string | null;
  /** Records in the restored vault; every one was decrypted. */
  records: number;
}

/**
 * Checks a backup (opened read-only with its password: SQLite integrity, every
 * record decrypts) and returns what was found; throws VAULT_DAMAGED listing the
 * problems, WRONG_PASSWORD, NOT_A_VAULT… like opening a vault does.
 */
export async function verifyVaultFile(
  path: string,
  password: string,
  options: Omit<VaultOptions, 'readOnly'> = {},
): Promise<VerifyReport & { vaultId: string }> {
  const vault = await Vault.unlock(path, password, { ...options, readOnly: true });
  try {
    const report = vault.verifyDetailed();
    if (report.problems.length > 0) {
      throw new VaultError('VAULT_DAMAGED', `${path} is damaged: ${report.problems.join(' ')}`, {
        problems: report.problems,
      });
    }
    return { ...report, vaultId: vault.vaultId };
  } finally {
    vault.close();
  }
}

/**
 * `verifyVaultFile` for a backup about to be restored: a wrong password says which
 * password a backup opens with (after a password change whose backups were
 * re-encrypted, that is the new one).
 */
export async function checkBackup(
  path: string,
  password: string,
  options: Omit<VaultOptions, 'readOnly'> = {},
): Promise<VerifyReport & { vaultId: string }> {
  try {
    return await verifyVaultFile(path, password, options);
  } catch (error) {
    if (isVaultError(error) && error.code === 'WRONG_PASSWORD') {
      throw new VaultError(
        'WRONG_PASSWORD',
        'That password does not open this backup. A backup opens with the password the vault had when it was made, or when it was last re-encrypted after a password change.',
      );
    }
    throw error;
  }
}

/**
 * Restores a backup over the vault: checks the backup first, refuses to replace
 * an existing vault without `force`, keeps the replaced vault in the backups
 * folder (`…-before-restore.sparekey`), replaces the content through SQLite's
 * online backup (atomic, rolled back if interrupted), then checks the result.
 */
export async function restoreVault(options: RestoreOptions): Promise<RestoreResult> {
  const from = resolve(options.from);
  const to = resolve(options.to);
  if (from === to) throw new VaultError('INVALID_INPUT', 'That backup is the vault itself.');
  const vaultOptions = { ...options.vaultOptions, clock: options.clock };
  await checkBackup(from, options.password, vaultOptions);

  const exists = existsSync(to);
  if (exists && !options.force) {
    throw new VaultError(
      'REFUSED',
      `A vault already exists at ${to}; restoring replaces it. Run again with --force: the current vault is kept in ${backupFolderFor(to)} first.`,
    );
  }

  const backup = Vault.open(from, { ...vaultOptions, readOnly: true });
  let keptAs: string | null = null;
  try {
    if (exists) {
      ensurePrivateFolder(backupFolderFor(to));
      keptAs = join(backupFolderFor(to), backupFileName(to, options.clock.now(), 'before-restore'));
      let current: Vault | null = null;
      try {
        current = Vault.open(to, vaultOptions);
      } catch (error) {
        if (!isVaultError(error)) throw error;
        // Not openable (damaged, not a vault): keep its bytes as they are, then start afresh.
        keepRawCopy(to, keptAs);
        removeVaultFiles(to);
      }
      if (current !== null) {
        try {
          await copyVault(current, keptAs);
          // Through SQLite's online backup into the live file: atomic for every connection.
          await backup.database.backupTo(to);
        } finally {
          current.close();
        }
      }
    }
    if (!existsSync(to)) {
      ensurePrivateFolder(dirname(to));
      closeSync(openSync(to, 'wx', 0o600));
      try {
        await backup.database.backupTo(to);
      } catch (error) {
        removeVaultFiles(to);
        throw error;
      }
    }
  } finally {
    backup.close();
  }

  const restored = await Vault.unlock(to, options.password, vaultOptions);
  try {
    // A restore Sparekey makes is not a surprise: this computer remembers the vault as restored.
    restored.acceptOlderVault();
    const report = restored.verifyDetailed();
    if (report.problems.length > 0) {
      throw new VaultError(
        'VAULT_DAMAGED',
        `The restored vault does not check out: ${report.problems.join(' ')}${keptAs ? ` The replaced vault is kept at ${keptAs}.` : ''}`,
      );
    }
    return { vaultPath: to, from, keptAs, records: report.records };
  } finally {
    restored.close();
  }
}

/** Copies a vault file that cannot be opened (and its WAL, if any), byte for byte, mode 0600. */
function keepRawCopy(path: string, destination: string): void {
  ensurePrivateFolder(dirname(destination));
  for (const suffix of ['', '-wal']) {
    if (!existsSync(`${path}${suffix}`)) continue;
    copyFileSync(`${path}${suffix}`, `${destination}${suffix}`, constants.COPYFILE_EXCL);
    chmodSync(`${destination}${suffix}`, 0o600);
  }
}
