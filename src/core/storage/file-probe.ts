import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { VaultError } from '../../shared/errors.js';

/** 'SPKY': written into the SQLite header's application_id so a vault is recognised before it is parsed. */
export const SPAREKEY_APPLICATION_ID = 0x53504b59;

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const SQLITE_HEADER_LENGTH = 100;

/**
 * Looks at the raw file before SQLite does, so that a missing file, a file that
 * is not a vault, and a truncated vault are three different, clear errors, and so
 * that nothing is written to a file that is not a vault.
 */
export function probeVaultFile(path: string): void {
  let size: number;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) throw new VaultError('NOT_A_VAULT', `${path} is not a file.`);
    size = stats.size;
  } catch (error) {
    if (error instanceof VaultError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new VaultError('NOT_FOUND', `There is no vault at ${path}.`);
    }
    throw new VaultError('IO_ERROR', `${path} cannot be read: ${(error as Error).message}`);
  }

  const header = Buffer.alloc(SQLITE_HEADER_LENGTH);
  const fd = openSync(path, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, SQLITE_HEADER_LENGTH, 0);
  } finally {
    closeSync(fd);
  }

  if (read === 0) {
    throw new VaultError('NOT_A_VAULT', `${path} is empty: it is not a Sparekey vault.`);
  }
  const magicLength = Math.min(read, SQLITE_MAGIC.length);
  if (!header.subarray(0, magicLength).equals(SQLITE_MAGIC.subarray(0, magicLength))) {
    throw new VaultError('NOT_A_VAULT', `${path} is not a Sparekey vault.`);
  }
  if (read < SQLITE_HEADER_LENGTH) {
    throw truncated(path, size);
  }
  if (header.readUInt32BE(68) !== SPAREKEY_APPLICATION_ID) {
    throw new VaultError('NOT_A_VAULT', `${path} is an SQLite database, but not a Sparekey vault.`);
  }
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) {
    throw new VaultError(
      'VAULT_DAMAGED',
      `The vault file ${path} is damaged: its header is invalid.`,
    );
  }
  if (size % pageSize !== 0) throw truncated(path, size);
  const changeCounter = header.readUInt32BE(24);
  const pagesInHeader = header.readUInt32BE(28);
  const validFor = header.readUInt32BE(92);
  if (validFor === changeCounter && pagesInHeader * pageSize > size) throw truncated(path, size);
}

function truncated(path: string, size: number): VaultError {
  return new VaultError(
    'VAULT_DAMAGED',
    `The vault file ${path} is truncated (only ${size} bytes are left). Restore it from a backup.`,
    { reason: 'truncated' },
  );
}
