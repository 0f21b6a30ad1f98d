import { unzipSync } from 'fflate';
import { fromUtf8 } from '../crypto/bytes.js';
import type { FileContent } from './file-content.js';
import { describeBytes, MAX_IMPORT_FILE_BYTES } from './limits.js';

/** ZIP archives (1Password's .1pux, Proton Pass's export) through fflate, read one member at a time. */

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function isZip(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((byte, index) => bytes[index] === byte);
}

/** The names in a ZIP's directory, without decompressing anything; empty when it is not one. */
export function zipNames(bytes: Uint8Array): string[] {
  if (!isZip(bytes)) return [];
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (info) => {
        names.push(info.name);
        return false;
      },
    });
  } catch {
    return [];
  }
  return names;
}

/**
 * One member of a ZIP, as UTF-8 text. Its size as the archive declares it is
 * checked before it is inflated (the archive is the file: a ZIP bomb is refused
 * at 64 MiB like any file); INVALID_INPUT naming the file when it is missing or damaged.
 */
export function zipText(file: FileContent, name: string): string {
  let tooLarge = 0;
  let member: Uint8Array | undefined;
  try {
    member = unzipSync(file.bytes, {
      filter: (info) => {
        if (info.name !== name) return false;
        if (info.originalSize > MAX_IMPORT_FILE_BYTES) {
          tooLarge = info.originalSize;
          return false;
        }
        return true;
      },
    })[name];
  } catch (error) {
    throw file.damaged(
      'it is not a readable ZIP archive; the file is truncated or was edited',
      error,
    );
  }
  if (tooLarge > 0) {
    throw file.damaged(
      `its ${name} would be ${describeBytes(tooLarge)} once unpacked, larger than any export (Sparekey reads up to ${describeBytes(MAX_IMPORT_FILE_BYTES)})`,
    );
  }
  if (member === undefined) throw file.damaged(`it has no ${name}`);
  try {
    return fromUtf8(member);
  } catch {
    throw file.damaged(`its ${name} is not UTF-8 text`);
  }
}
