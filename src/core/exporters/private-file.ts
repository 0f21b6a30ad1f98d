import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { VaultError } from '../../shared/errors.js';
import { fileProblem } from '../file-problem.js';

/** Readable and writable by the owner only. */
export const PRIVATE_FILE_MODE = 0o600;

function ioError(path: string, error: unknown): VaultError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EEXIST') {
    return new VaultError(
      'REFUSED',
      `${path} already exists; Sparekey does not overwrite files. Choose another name or move that file away.`,
      { path },
    );
  }
  return new VaultError(
    'IO_ERROR',
    `Cannot write ${path}: ${fileProblem(error, 'write')}.`,
    { path },
    { cause: error },
  );
}

/**
 * Creates `path` (never overwriting anything) with mode 0600 and writes `data`
 * to it directly, synced to disk: no temporary copy anywhere. A file left half
 * written by a failure is removed.
 */
export function writePrivateFile(path: string, data: Uint8Array | string): void {
  let fd: number;
  try {
    fd = openSync(path, 'wx', PRIVATE_FILE_MODE);
  } catch (error) {
    throw ioError(path, error);
  }
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written);
    fsyncSync(fd);
    closeSync(fd);
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // Already closed.
    }
    unlinkSync(path);
    throw ioError(path, error);
  }
}

/**
 * Writes `path` with mode 0600 where the user already agreed to replace a file
 * there (the OS save dialog asked): a new file is created directly; an existing
 * one is replaced whole, by a private temporary file in the same folder renamed
 * over it, so it is never left half-written. The temporary file is removed on failure.
 */
export function replacePrivateFile(path: string, data: Uint8Array | string): void {
  if (!existsSync(path)) {
    writePrivateFile(path, data);
    return;
  }
  if (statSync(path).isDirectory()) {
    throw new VaultError('INVALID_INPUT', `${path} is a folder, not a file.`, { path });
  }
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  writePrivateFile(temporary, data);
  try {
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new VaultError(
      'IO_ERROR',
      `Cannot replace ${path}: ${fileProblem(error, 'write')}.`,
      { path },
      { cause: error },
    );
  }
}

/** Creates a folder readable by the owner only (an existing folder is used as it is). */
export function ensurePrivateFolder(path: string): void {
  try {
    mkdirSync(path, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new VaultError(
      'IO_ERROR',
      `Cannot create the folder ${path}: ${fileProblem(error, 'write')}.`,
      { path },
      { cause: error },
    );
  }
  if (!statSync(path).isDirectory()) {
    throw new VaultError('INVALID_INPUT', `${path} is a file, not a folder.`);
  }
}
