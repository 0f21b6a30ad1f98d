import { closeSync, fchmodSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { VaultError } from '../shared/errors.js';

/**
 * Writes a file that holds secrets (a recovery sheet): readable by its owner
 * only (mode 0600, also when replacing a file), written in place (never through
 * a temp file) and flushed to disk. Refuses an existing file unless `overwrite`.
 */
export function writeSecretFile(path: string, content: Uint8Array, overwrite: boolean): string {
  const target = resolve(path);
  let fd: number;
  try {
    fd = openSync(target, overwrite ? 'w' : 'wx', 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      throw new VaultError(
        'REFUSED',
        `${target} already exists; it was left untouched. Choose another file, or add --force to replace it.`,
      );
    }
    throw new VaultError('IO_ERROR', `Cannot write ${target}: ${(error as Error).message}`);
  }
  try {
    fchmodSync(fd, 0o600);
    let offset = 0;
    while (offset < content.length) offset += writeSync(fd, content, offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return target;
}
