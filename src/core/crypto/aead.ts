import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import type { Random } from '../random.js';
import { concatBytes } from './bytes.js';

/** XChaCha20-Poly1305 with a fresh random 24-byte nonce per message. */
export const KEY_LENGTH = 32;
export const NONCE_LENGTH = 24;
export const TAG_LENGTH = 16;

export interface Sealed {
  nonce: Uint8Array;
  ciphertext: Uint8Array;
}

export function seal(
  key: Uint8Array,
  plaintext: Uint8Array,
  associatedData: Uint8Array,
  random: Random,
): Sealed {
  const nonce = random.bytes(NONCE_LENGTH);
  const ciphertext = xchacha20poly1305(key, nonce, associatedData).encrypt(plaintext);
  return { nonce, ciphertext };
}

/** Returns the plaintext, or null when the key, nonce, ciphertext or associated data do not match. */
export function open(
  key: Uint8Array,
  sealed: Sealed,
  associatedData: Uint8Array,
): Uint8Array | null {
  if (sealed.nonce.length !== NONCE_LENGTH || sealed.ciphertext.length < TAG_LENGTH) return null;
  try {
    return xchacha20poly1305(key, sealed.nonce, associatedData).decrypt(sealed.ciphertext);
  } catch {
    return null;
  }
}

/** nonce ‖ ciphertext, for values stored in one column. */
export function packSealed(sealed: Sealed): Uint8Array {
  return concatBytes(sealed.nonce, sealed.ciphertext);
}

export function unpackSealed(packed: Uint8Array): Sealed {
  return { nonce: packed.subarray(0, NONCE_LENGTH), ciphertext: packed.subarray(NONCE_LENGTH) };
}
