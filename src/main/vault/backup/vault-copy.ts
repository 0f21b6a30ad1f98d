import { closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { VaultError } from '../../../shared/errors.js';
import { removeVaultFiles } from '../storage/database.js';
import type { Vault } from '../vault.js';

export interface VaultCopy {
  /** The copy's absolute path. */
  path: string;
  bytes: number;
}

/**
 * An encrypted copy of the vault, as it is at this moment, through SQLite's online
 * backup: the same format and header, so the same password opens it. It is written
 * straight to `destination` (created with mode 0600, its folder 0700 if new; never
 * staged in a temp folder) as one self-contained file. Refuses to overwrite anything;
 * a failed copy leaves no file behind.
 */
export async function copyVault(vault: Vault, destination: string): Promise<VaultCopy> {
  const path = resolve(destination);
  if (path === resolve(vault.path)) {
    throw new VaultError('INVALID_INPUT', 'A copy of the vault cannot replace the vault itself.');
  }
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new VaultError(
        'VAULT_EXISTS',
        `A file already exists at ${path}; it was left untouched.`,
      );
    }
    throw new VaultError('IO_ERROR', `Cannot create ${path}: ${(error as Error).message}`);
  }
  try {
    await vault.copyDatabaseTo(path);
  } catch (error) {
    removeVaultFiles(path);
    throw error;
  }
  return { path, bytes: statSync(path).size };
}
