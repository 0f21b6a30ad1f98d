import type { FileContent } from './file-content.js';

/**
 * How much an import file may ask of this computer, checked before any work.
 *
 * Files: export files and screenshots are kilobytes to a few megabytes; a
 * KeePass database with attachments can be tens. Past 64 MiB a file is not an
 * export (the app's contract takes 16 MiB, the size of a file it can send).
 *
 * Key derivation: each encrypted format is capped at the most its own app ever
 * writes, so a hostile file cannot make Sparekey spend minutes and gigabytes
 * before "wrong password". The caps, and where each comes from, are beside the
 * formats (aegis.ts, bitwarden-json.ts, ente-encrypted.ts, andotp.ts, kdbx.ts,
 * proton-pass.ts) and in docs/import-export.md.
 */
export const MAX_IMPORT_FILE_BYTES = 64 * 1024 * 1024;

/** "64 MiB", "1 GiB": sizes as people read them. */
export function describeBytes(bytes: number): string {
  if (bytes >= 1024 ** 3 && bytes % 1024 ** 3 === 0) return `${bytes / 1024 ** 3} GiB`;
  if (bytes >= 1024 ** 2) return `${Math.round((bytes / 1024 ** 2) * 10) / 10} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}

/**
 * INVALID_INPUT for key-derivation settings past what the format's app writes:
 * "<file> cannot be imported: its key derivation asks for <asked>, more than
 * <app> ever writes (<most>); …".
 */
export function kdfTooCostly(file: FileContent, app: string, asked: string, most: string) {
  return file.damaged(
    `its key derivation asks for ${asked}, more than ${app} ever writes (at most ${most}); Sparekey refuses it before deriving anything, since settings like these take minutes and gigabytes`,
  );
}
