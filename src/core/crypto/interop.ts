import { cbc, gcm } from '@noble/ciphers/aes.js';
import { equalBytes } from '@noble/ciphers/utils.js';
import { expand } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { pbkdf2Async } from '@noble/hashes/pbkdf2.js';
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { sha256 } from '@noble/hashes/sha2.js';
import argon2 from 'argon2';
import { utf8 } from './bytes.js';

/**
 * The cryptography other apps' export files use (Aegis, 2FAS, andOTP, Bitwarden,
 * Stratum, Ente), from audited libraries. Sparekey's own vault uses none of it.
 * Passwords are encoded as UTF-8, as those apps do; decryptions return null on
 * any failure (wrong key or tampered data) so callers can say which it was.
 */

export const AES_KEY_LENGTH = 32;
export const GCM_TAG_LENGTH = 16;

export function passwordBytes(password: string): Uint8Array {
  return utf8(password);
}

export function pbkdf2(
  hash: 'sha1' | 'sha256',
  password: string,
  salt: Uint8Array,
  iterations: number,
  length = AES_KEY_LENGTH,
): Promise<Uint8Array> {
  return pbkdf2Async(hash === 'sha1' ? sha1 : sha256, passwordBytes(password), salt, {
    c: iterations,
    dkLen: length,
  });
}

export function scrypt(
  password: string,
  salt: Uint8Array,
  cost: { N: number; r: number; p: number },
  length = AES_KEY_LENGTH,
): Promise<Uint8Array> {
  return scryptAsync(passwordBytes(password), salt, {
    ...cost,
    dkLen: length,
    maxmem: 1024 ** 3 + 1024,
  });
}

/** Argon2id (version 0x13) through the native module, as Sparekey's own vault uses it. */
export async function argon2id(
  password: string | Uint8Array,
  salt: Uint8Array,
  cost: { memoryKiB: number; passes: number; lanes: number },
  length = AES_KEY_LENGTH,
): Promise<Uint8Array> {
  const passwordBuffer = Buffer.from(
    typeof password === 'string' ? passwordBytes(password) : password,
  );
  try {
    const derived = await argon2.hash(passwordBuffer, {
      type: argon2.argon2id,
      version: 0x13,
      raw: true,
      salt: Buffer.from(salt),
      memoryCost: cost.memoryKiB,
      timeCost: cost.passes,
      parallelism: cost.lanes,
      hashLength: length,
    });
    const key = new Uint8Array(derived);
    derived.fill(0);
    return key;
  } finally {
    passwordBuffer.fill(0);
  }
}

/** AES-GCM with a 16-byte tag appended to the ciphertext; null when it does not authenticate. */
export function aesGcmOpen(
  key: Uint8Array,
  nonce: Uint8Array,
  sealed: Uint8Array,
): Uint8Array | null {
  if (sealed.length < GCM_TAG_LENGTH || nonce.length < 8) return null;
  try {
    return gcm(key, nonce).decrypt(sealed);
  } catch {
    return null;
  }
}

/** AES-GCM: ciphertext ‖ 16-byte tag. */
export function aesGcmSeal(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array): Uint8Array {
  return gcm(key, nonce).encrypt(plaintext);
}

/** AES-CBC with PKCS#7 padding; null when the padding is wrong. */
export function aesCbcOpen(
  key: Uint8Array,
  iv: Uint8Array,
  ciphertext: Uint8Array,
): Uint8Array | null {
  if (iv.length !== 16 || ciphertext.length === 0 || ciphertext.length % 16 !== 0) return null;
  try {
    return cbc(key, iv).decrypt(ciphertext);
  } catch {
    return null;
  }
}

export function hmacSha256(key: Uint8Array, data: Uint8Array): Uint8Array {
  return hmac(sha256, key, data);
}

export function hkdfExpandSha256(key: Uint8Array, info: string, length: number): Uint8Array {
  return expand(sha256, key, utf8(info), length);
}

export function sha256Digest(data: Uint8Array): Uint8Array {
  return sha256(data);
}

/** Constant-time comparison of two MACs. */
export function sameMac(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && equalBytes(a, b);
}
