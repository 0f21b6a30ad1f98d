import argon2 from 'argon2';
import { createRequire } from 'node:module';
import type * as Kdbxweb from 'kdbxweb';

/**
 * kdbxweb (KeeWeb's KDBX 3.1/4 library), loaded on first use, with the native
 * `argon2` package as its Argon2 (KDBX 4's KDF), the same implementation as
 * Sparekey's own vault. Its KDF settings are read from the header and checked
 * against KDBX_MAX before any derivation runs.
 */
export type KdbxLibrary = typeof Kdbxweb;

let library: KdbxLibrary | null = null;

export function kdbxLibrary(): KdbxLibrary {
  if (library === null) {
    const loaded = createRequire(import.meta.url)('kdbxweb') as KdbxLibrary;
    loaded.CryptoEngine.setArgon2Impl(
      // kdbxweb passes memory in KiB (the header's bytes / 1024).
      async (password, salt, memoryKiB, iterations, length, parallelism, type, version) => {
        const passwordBuffer = Buffer.from(password);
        try {
          const hash = await argon2.hash(passwordBuffer, {
            type:
              type === loaded.CryptoEngine.Argon2TypeArgon2id ? argon2.argon2id : argon2.argon2d,
            version,
            raw: true,
            salt: Buffer.from(salt),
            memoryCost: memoryKiB,
            timeCost: iterations,
            parallelism,
            hashLength: length,
          });
          const copy = new Uint8Array(hash).slice().buffer;
          hash.fill(0);
          return copy;
        } finally {
          passwordBuffer.fill(0);
        }
      },
    );
    library = loaded;
  }
  return library;
}

/** KDBX's file signatures: 0x9AA2D903, then 0xB54BFB67 (KDBX 2 to 4) or 0xB54BFB65 (KeePass 1's .kdb). */
export const KDBX_SIGNATURE = [0x03, 0xd9, 0xa2, 0x9a, 0x67, 0xfb, 0x4b, 0xb5] as const;
export const KDB_SIGNATURE = [0x03, 0xd9, 0xa2, 0x9a, 0x65, 0xfb, 0x4b, 0xb5] as const;

export function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

/**
 * The most KeePass-family apps write through their settings screens, as the cap
 * on a file's key derivation. KeePassXC sets it from a decryption time of at
 * most 5 seconds on the computer that saves (Kdf::MAX_ENCRYPTION_TIME), 64 MiB
 * of Argon2 memory by default; KeePass's "1 second delay" likewise. On a fast
 * desktop 5 seconds reach about 250 million AES-KDF rounds, or some 20 GiB ×
 * passes of Argon2: the caps leave room above that (about 30 seconds here), and
 * 1 GiB of Argon2 memory, Bitwarden's and Ente's maximum too.
 */
export const KDBX_MAX = {
  aesRounds: 300_000_000,
  argon2MemoryBytes: 1024 ** 3,
  /** Memory (GiB) × passes. */
  argon2WorkGiB: 32,
  argon2Parallelism: 64,
} as const;

export type KdbxKdf =
  | { kind: 'aes'; rounds: number }
  | { kind: 'argon2d' | 'argon2id'; memoryBytes: number; passes: number; lanes: number };
