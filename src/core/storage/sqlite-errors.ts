import { VaultError } from '../../shared/errors.js';

/** better-sqlite3 throws SqliteError with a `code` such as SQLITE_BUSY or SQLITE_CORRUPT_VTAB. */
function sqliteCode(error: unknown): string | undefined {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    return error.code.startsWith('SQLITE_') ? error.code : undefined;
  }
  return undefined;
}

/**
 * Turns an SQLite failure into the typed error a person can act on; anything
 * that is not an SQLite error (including VaultErrors) is returned unchanged.
 */
export function translateSqliteError(error: unknown, vaultPath: string): unknown {
  const code = sqliteCode(error);
  if (code === undefined) return error;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new VaultError(
      'BUSY',
      'The vault is being changed by another Sparekey window or command. Try again in a moment.',
    );
  }
  if (code === 'SQLITE_NOTADB') {
    return new VaultError('NOT_A_VAULT', `${vaultPath} is not a Sparekey vault.`);
  }
  if (code.startsWith('SQLITE_CORRUPT')) {
    return new VaultError(
      'VAULT_DAMAGED',
      `The vault file ${vaultPath} is damaged (the database structure is corrupt). Restore it from a backup.`,
    );
  }
  if (code === 'SQLITE_FULL') {
    return new VaultError(
      'IO_ERROR',
      `The disk holding ${vaultPath} is full; nothing was changed.`,
    );
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new VaultError(
      'IO_ERROR',
      `The vault file ${vaultPath} cannot be written (it or its folder is read-only); nothing was changed.`,
    );
  }
  if (
    code.startsWith('SQLITE_CANTOPEN') ||
    code.startsWith('SQLITE_IOERR') ||
    code === 'SQLITE_PERM'
  ) {
    return new VaultError(
      'IO_ERROR',
      `The vault file ${vaultPath} could not be read or written (${code}); nothing was changed.`,
    );
  }
  return error;
}
