import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { getCiphers } from 'node:crypto';
import { endianness } from 'node:os';
import { describe, expect, it } from 'vitest';
import {
  NATIVE_AEAD,
  open,
  seal,
  xchachaDecrypt,
  xchachaEncrypt,
} from '../../../src/core/crypto/aead.js';
import { seededRandom } from '../../support/seeded-random.js';

/**
 * Records go through OpenSSL's ChaCha20-Poly1305 under an HChaCha20 subkey; the
 * bytes must be exactly those of @noble/ciphers' xchacha20poly1305 (what every
 * vault so far was written with), which stays the reference here.
 */
const hex = (text: string) => Uint8Array.from(Buffer.from(text.replace(/\s+/g, ''), 'hex'));
const noble = {
  encrypt: (key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, ad: Uint8Array) =>
    xchacha20poly1305(key, nonce, ad).encrypt(plaintext),
  open(key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array, ad: Uint8Array) {
    try {
      return xchacha20poly1305(key, nonce, ad).decrypt(sealed);
    } catch {
      return null;
    }
  },
};

/** The bytes at an odd offset of a larger buffer (as a row's columns may come). */
function unaligned(bytes: Uint8Array): Uint8Array {
  const room = new Uint8Array(bytes.length + 3);
  room.set(bytes, 1);
  return room.subarray(1, 1 + bytes.length);
}

const LENGTHS = [0, 1, 15, 16, 17, 63, 64, 65, 100, 127, 128, 129, 255, 256, 1000, 4096, 70_001];

describe('XChaCha20-Poly1305 through node:crypto', () => {
  it('is in use wherever OpenSSL has ChaCha20-Poly1305 on a little-endian host', () => {
    expect(NATIVE_AEAD).toBe(endianness() === 'LE' && getCiphers().includes('chacha20-poly1305'));
    // This project's machines (and CI) are such hosts, so the comparisons below test the native path.
    expect(NATIVE_AEAD).toBe(true);
  });

  it('gives the draft-irtf-cfrg-xchacha test vector (A.3.1)', () => {
    const plaintext = new TextEncoder().encode(
      "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.",
    );
    const ad = hex('50515253c0c1c2c3c4c5c6c7');
    const key = hex('808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f');
    const nonce = hex('404142434445464748494a4b4c4d4e4f5051525354555657');
    const expected = hex(`
      bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb
      731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b452
      2f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff9
      21f9664c97637da9768812f615c68b13b52e
      c0875924c1c7987947deafd8780acf49`);
    expect(xchachaEncrypt(key, nonce, plaintext, ad)).toEqual(expected);
    expect(noble.encrypt(key, nonce, plaintext, ad)).toEqual(expected);
    expect(xchachaDecrypt(key, nonce, expected, ad)).toEqual(plaintext);
  });

  it('encrypts and decrypts exactly as noble on random keys, nonces, associated data and lengths', () => {
    const random = seededRandom(20261206);
    let cases = 0;
    for (let round = 0; round < 40; round++) {
      for (const length of [...LENGTHS, random.bytes(1)[0]! * 7]) {
        const key = random.bytes(32);
        const nonce = random.bytes(24);
        const adLength = round % 4 === 0 ? 0 : random.bytes(1)[0]!;
        const ad = random.bytes(adLength);
        const plaintext = random.bytes(length);
        const reference = noble.encrypt(key, nonce, plaintext, ad);
        const sealed = xchachaEncrypt(key, nonce, plaintext, ad);
        expect(Buffer.compare(sealed, reference)).toBe(0);
        expect(sealed.length).toBe(length + 16);
        const opened = xchachaDecrypt(key, nonce, reference, ad);
        expect(Buffer.compare(opened, plaintext)).toBe(0);
        // The same from unaligned views, as columns read from SQLite may be.
        const again = xchachaEncrypt(
          unaligned(key),
          unaligned(nonce),
          unaligned(plaintext),
          unaligned(ad),
        );
        expect(Buffer.compare(again, reference)).toBe(0);
        expect(
          Buffer.compare(
            xchachaDecrypt(unaligned(key), unaligned(nonce), unaligned(reference), ad),
            plaintext,
          ),
        ).toBe(0);
        cases++;
      }
    }
    expect(cases).toBe(40 * (LENGTHS.length + 1));
  });

  it('seal and open agree with noble, and open returns null wherever noble refuses', () => {
    const random = seededRandom(7);
    for (let round = 0; round < 200; round++) {
      const key = random.bytes(32);
      const ad = random.bytes(round % 5 === 0 ? 0 : 1 + (round % 90));
      const plaintext = random.bytes(round % 7 === 0 ? 0 : round * 3);
      const sealed = seal(key, plaintext, ad, random);
      expect(sealed.nonce.length).toBe(24);
      expect(
        Buffer.compare(sealed.ciphertext, noble.encrypt(key, sealed.nonce, plaintext, ad)),
      ).toBe(0);
      expect(Buffer.compare(open(key, sealed, ad)!, plaintext)).toBe(0);

      const otherKey = Uint8Array.from(key);
      otherKey[round % 32]! ^= 1;
      const otherAd = ad.length === 0 ? Uint8Array.of(0) : ad.subarray(1);
      const flippedTag = Uint8Array.from(sealed.ciphertext);
      flippedTag[flippedTag.length - 1 - (round % 16)]! ^= 0x80;
      const otherNonce = Uint8Array.from(sealed.nonce);
      otherNonce[round % 24]! ^= 4;
      const refused: [Uint8Array, Uint8Array, Uint8Array, Uint8Array][] = [
        [otherKey, sealed.nonce, sealed.ciphertext, ad],
        [key, sealed.nonce, sealed.ciphertext, otherAd],
        [key, sealed.nonce, flippedTag, ad],
        [key, otherNonce, sealed.ciphertext, ad],
        [key, sealed.nonce, sealed.ciphertext.subarray(1), ad],
      ];
      if (plaintext.length > 0) {
        const flippedBody = Uint8Array.from(sealed.ciphertext);
        flippedBody[round % plaintext.length]! ^= 1;
        refused.push([key, sealed.nonce, flippedBody, ad]);
      }
      for (const [k, nonce, ciphertext, a] of refused) {
        expect(noble.open(k, nonce, ciphertext, a)).toBeNull();
        expect(open(k, { nonce, ciphertext }, a)).toBeNull();
      }
    }
  });

  it('refuses keys, nonces and ciphertexts of the wrong length as before', () => {
    const random = seededRandom(3);
    const key = random.bytes(32);
    const sealed = seal(key, random.bytes(40), new Uint8Array(0), random);
    expect(open(key.subarray(0, 16), sealed, new Uint8Array(0))).toBeNull();
    expect(open(new Uint8Array(33), sealed, new Uint8Array(0))).toBeNull();
    expect(
      open(key, { ...sealed, nonce: sealed.nonce.subarray(0, 12) }, new Uint8Array(0)),
    ).toBeNull();
    expect(
      open(key, { ...sealed, ciphertext: sealed.ciphertext.subarray(0, 15) }, new Uint8Array(0)),
    ).toBeNull();
    expect(() => seal(key.subarray(0, 31), new Uint8Array(1), new Uint8Array(0), random)).toThrow();
    expect(() =>
      xchachaEncrypt(key, new Uint8Array(12), new Uint8Array(1), new Uint8Array(0)),
    ).toThrow();
  });

  it('leaves its inputs as they were', () => {
    const random = seededRandom(11);
    const key = random.bytes(32);
    const nonce = random.bytes(24);
    const plaintext = random.bytes(100);
    const ad = random.bytes(30);
    const copies = [key, nonce, plaintext, ad].map((bytes) => Uint8Array.from(bytes));
    const sealed = xchachaEncrypt(key, nonce, plaintext, ad);
    const sealedCopy = Uint8Array.from(sealed);
    xchachaDecrypt(key, nonce, sealed, ad);
    expect([key, nonce, plaintext, ad]).toEqual(copies);
    expect(sealed).toEqual(sealedCopy);
  });
});
