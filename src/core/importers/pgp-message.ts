import type * as OpenPgp from 'openpgp';
import { isVaultError } from '../../shared/errors.js';
import type { FileContent } from './file-content.js';
import { describeBytes, kdfTooCostly, MAX_IMPORT_FILE_BYTES } from './limits.js';

/**
 * OpenPGP messages encrypted with a passphrase (Proton Pass's PGP-encrypted
 * export), through OpenPGP.js, Proton's own library, loaded only when such a
 * file is imported. The passphrase's key derivation (S2K) is checked before any
 * runs: iterated-and-salted S2K is bounded by the format itself (at most 65 MB
 * hashed, which is what Proton Pass writes); Argon2 S2K is capped at 1 GiB and
 * 10 passes (OpenPGP.js writes 64 MiB and 3 by default).
 */

const ARMOR = '-----BEGIN PGP MESSAGE-----';
export const PGP_ARGON2_MAX = { memoryExponent: 20, passes: 10 } as const;

export function isArmoredPgpMessage(text: string | null): boolean {
  return text !== null && text.trimStart().startsWith(ARMOR);
}

interface S2k {
  type?: string;
  t?: number;
  p?: number;
  encodedM?: number;
}

/** Decrypts the file's message; any failure is WRONG_PASSWORD or INVALID_INPUT naming the file. */
export async function decryptPgpMessage(file: FileContent, password: string): Promise<Uint8Array> {
  try {
    return await decrypt(file, password);
  } catch (error) {
    if (isVaultError(error)) throw error;
    throw file.damaged(
      'its OpenPGP message does not read; the file is truncated or was edited',
      error,
    );
  }
}

async function decrypt(file: FileContent, password: string): Promise<Uint8Array> {
  const openpgp = (await import('openpgp')) as typeof OpenPgp;
  const config = {
    maxArgon2MemoryExponent: PGP_ARGON2_MAX.memoryExponent,
    maxDecompressedMessageSize: MAX_IMPORT_FILE_BYTES,
  };
  let message: OpenPgp.Message<string>;
  try {
    message = await openpgp.readMessage({ armoredMessage: file.requireText(), config });
  } catch (error) {
    throw file.damaged(
      'its OpenPGP message does not read; the file is truncated or was edited',
      error,
    );
  }
  const sessionKeys = message.packets.filterByTag(openpgp.enums.packet.symEncryptedSessionKey);
  if (sessionKeys.length === 0) {
    throw file.damaged(
      'it is encrypted to an OpenPGP key, not with a passphrase; Proton Pass exports use a passphrase',
    );
  }
  for (const packet of sessionKeys) {
    const s2k = (packet as unknown as { s2k?: S2k }).s2k ?? {};
    if (s2k.type === 'argon2') {
      const memory = s2k.encodedM ?? 0;
      const passes = s2k.t ?? 0;
      if (memory > PGP_ARGON2_MAX.memoryExponent || passes > PGP_ARGON2_MAX.passes) {
        throw kdfTooCostly(
          file,
          'Proton Pass (OpenPGP.js)',
          `Argon2 with ${describeBytes(2 ** memory * 1024)} and ${passes} passes`,
          `${describeBytes(2 ** PGP_ARGON2_MAX.memoryExponent * 1024)} and ${PGP_ARGON2_MAX.passes} passes`,
        );
      }
    }
  }
  try {
    const { data } = await openpgp.decrypt({
      message,
      passwords: [password],
      format: 'binary',
      config,
    });
    return data;
  } catch (error) {
    const text = error instanceof Error ? error.message : '';
    if (
      /decrypt|session key|password|passphrase/i.test(text) &&
      !/modification|integrity|tag/i.test(text)
    ) {
      throw file.wrongPassword();
    }
    throw file.damaged(
      'its OpenPGP message does not decrypt; the file was edited or is damaged',
      error,
    );
  }
}
