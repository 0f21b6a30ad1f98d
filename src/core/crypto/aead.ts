import { hchacha, xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import {
  createCipheriv,
  createDecipheriv,
  createSecretKey,
  getCiphers,
  type KeyObject,
} from 'node:crypto';
import { endianness } from 'node:os';
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
  const ciphertext = xchachaEncrypt(key, nonce, plaintext, associatedData);
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
    return xchachaDecrypt(key, sealed.nonce, sealed.ciphertext, associatedData);
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

/*
 * XChaCha20-Poly1305 (draft-irtf-cfrg-xchacha) is HChaCha20 of the key and the
 * nonce's first 16 bytes, giving a subkey, then ChaCha20-Poly1305 (RFC 8439)
 * under that subkey with the 12-byte nonce 0x00000000 ‖ the nonce's last 8 bytes:
 * libsodium's construction, and @noble/ciphers' own. HChaCha20 is one ChaCha block,
 * taken from @noble/ciphers; the AEAD itself is OpenSSL's through node:crypto,
 * several times faster than pure JavaScript for records of any size (a vault
 * re-encrypts every record when its password changes). The bytes are the same as
 * noble's xchacha20poly1305 (tests/unit/crypto/aead.test.ts compares them); where
 * OpenSSL lacks the cipher, or on a big-endian host, noble's is used as it is.
 */

/** Whether records go through OpenSSL's ChaCha20-Poly1305 (else @noble/ciphers' whole AEAD). */
export const NATIVE_AEAD = endianness() === 'LE' && getCiphers().includes('chacha20-poly1305');

/** "expand 32-byte k" as little-endian words: HChaCha20's constants. */
const SIGMA = new Uint32Array([0x61707865, 0x3320646e, 0x79622d32, 0x6b206574]);

/**
 * Scratch space of chachaKeyAndNonce, allocated once (a typed array costs more to
 * make than HChaCha20 takes): every call is synchronous, and the key words are
 * wiped before it returns.
 */
const keyWords = new Uint32Array(8);
const nonceWords = new Uint32Array(4);
const subkeyWords = new Uint32Array(8);
const keyBytes = new Uint8Array(keyWords.buffer);
const nonceBytes = new Uint8Array(nonceWords.buffer);
const subkeyBytes = new Uint8Array(subkeyWords.buffer);
const ivBytes = new Uint8Array(12);

/**
 * The ChaCha20-Poly1305 key and 12-byte nonce for an XChaCha20-Poly1305 key and
 * nonce (the nonce is scratch space: use it before the next call). The subkey goes
 * to node:crypto as a KeyObject: handed a byte array, createCipheriv spends longer
 * telling it from a KeyObject than on the message.
 */
function chachaKeyAndNonce(
  key: Uint8Array,
  nonce: Uint8Array,
): { subkey: KeyObject; iv: Uint8Array } {
  if (key.length !== KEY_LENGTH) throw new Error(`The key must be ${KEY_LENGTH} bytes.`);
  if (nonce.length !== NONCE_LENGTH) throw new Error(`The nonce must be ${NONCE_LENGTH} bytes.`);
  // Aligned copies read as little-endian words (NATIVE_AEAD holds only on little-endian hosts).
  try {
    keyBytes.set(key);
    nonceBytes.set(nonce.subarray(0, 16));
    hchacha(SIGMA, keyWords, nonceWords, subkeyWords);
    ivBytes.set(nonce.subarray(16), 4);
    return { subkey: createSecretKey(subkeyBytes), iv: ivBytes };
  } finally {
    keyWords.fill(0);
    subkeyWords.fill(0);
  }
}

/** ciphertext ‖ 16-byte tag, as noble's `xchacha20poly1305(key, nonce, ad).encrypt(plaintext)`. */
export function xchachaEncrypt(
  key: Uint8Array,
  nonce: Uint8Array,
  plaintext: Uint8Array,
  associatedData: Uint8Array,
): Uint8Array {
  if (!NATIVE_AEAD) return xchacha20poly1305(key, nonce, associatedData).encrypt(plaintext);
  const { subkey, iv } = chachaKeyAndNonce(key, nonce);
  const cipher = createCipheriv('chacha20-poly1305', subkey, iv, { authTagLength: TAG_LENGTH });
  cipher.setAAD(associatedData, { plaintextLength: plaintext.length });
  const body = cipher.update(plaintext);
  const rest = cipher.final();
  const out = new Uint8Array(body.length + rest.length + TAG_LENGTH);
  out.set(body, 0);
  out.set(rest, body.length);
  out.set(cipher.getAuthTag(), body.length + rest.length);
  return out;
}

/**
 * The plaintext of ciphertext ‖ tag, as noble's `.decrypt`: throws when the tag
 * does not match (the key, nonce, ciphertext or associated data differ).
 */
export function xchachaDecrypt(
  key: Uint8Array,
  nonce: Uint8Array,
  sealed: Uint8Array,
  associatedData: Uint8Array,
): Uint8Array {
  if (!NATIVE_AEAD) return xchacha20poly1305(key, nonce, associatedData).decrypt(sealed);
  if (sealed.length < TAG_LENGTH) throw new Error('The ciphertext is shorter than its tag.');
  const { subkey, iv } = chachaKeyAndNonce(key, nonce);
  const length = sealed.length - TAG_LENGTH;
  let plaintext: Buffer | undefined;
  try {
    const decipher = createDecipheriv('chacha20-poly1305', subkey, iv, {
      authTagLength: TAG_LENGTH,
    });
    decipher.setAAD(associatedData, { plaintextLength: length });
    decipher.setAuthTag(sealed.subarray(length));
    plaintext = decipher.update(sealed.subarray(0, length));
    // Throws when the tag does not match; the unauthenticated plaintext is wiped below.
    const rest = decipher.final();
    if (rest.length !== 0) throw new Error('Unexpected output after the last block.');
    const out = new Uint8Array(plaintext.buffer, plaintext.byteOffset, plaintext.byteLength);
    plaintext = undefined;
    return out;
  } finally {
    plaintext?.fill(0);
  }
}
