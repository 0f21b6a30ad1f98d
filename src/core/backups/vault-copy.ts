import { closeSync, openSync, statSync } from 'node:fs';
import { VaultError } from '../../shared/errors.js';
import { PRIVATE_FILE_MODE } from '../exporters/private-file.js';
import { removeVaultFiles, VaultDatabase } from '../storage/database.js';
import { readHeader } from '../storage/header.js';

export interface VaultCopy {
  path: string;
  bytes: number;
  /** The copy's vault id: the same as the original's (it is the same vault). */
  vaultId: string;
}

/**
 * Copies a vault file with SQLite's online backup: a consistent snapshot, taken
 * while the vault stays open, still encrypted under the same password (the
 * header with its key slot is copied as it is). The copy is created with mode
 * 0600, never over an existing file, as one self-contained file (a rollback
 * journal, so opening it read-only creates nothing beside it), and is checked,
 * opened read-only (SQLite integrity and the vault header), before this
 * returns; a failed copy is removed. `source` is an open vault (a `Vault`, or
 * anything holding its database).
 */
export async function copyVault(
  source: { readonly database: VaultDatabase },
  destination: string,
): Promise<VaultCopy> {
  try {
    closeSync(openSync(destination, 'wx', PRIVATE_FILE_MODE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new VaultError(
        'REFUSED',
        `${destination} already exists; Sparekey does not overwrite files. Choose another name.`,
        { path: destination },
      );
    }
    throw new VaultError('IO_ERROR', `Cannot create ${destination}: ${(error as Error).message}`);
  }
  try {
    await source.database.backupTo(destination, { singleFile: true });
    const copy = VaultDatabase.openExisting(destination, undefined, true);
    try {
      const problems = copy.integrityCheck();
      if (problems.length > 0) {
        throw new VaultError(
          'VAULT_DAMAGED',
          `The copy at ${destination} failed its check: ${problems[0]}`,
        );
      }
      const header = copy.read(() => readHeader(copy));
      return {
        path: destination,
        bytes: statSync(destination).size,
        vaultId: Buffer.from(header.vaultId).toString('hex'),
      };
    } finally {
      copy.close();
    }
  } catch (error) {
    removeVaultFiles(destination);
    throw error;
  }
}
