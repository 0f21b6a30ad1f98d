import { VaultError } from '../../shared/errors.js';

/**
 * A write that changed no row, or more rows than it meant to: the transaction
 * it is in rolls back, and the user is told that nothing was changed. Only
 * something outside Sparekey (a planted trigger, another program) makes it happen.
 */
export function unexpectedWrite(what: string, changed: number, expected = 1): VaultError {
  return new VaultError(
    'VAULT_DAMAGED',
    `Writing ${what} changed ${changed} rows of the vault file instead of ${expected}: something outside Sparekey interferes with the file. Nothing was changed; restore the vault from a backup.`,
    { part: 'write', changed, expected },
  );
}
