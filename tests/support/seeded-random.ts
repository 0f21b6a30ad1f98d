import { chacha20 } from '@noble/ciphers/chacha.js';
import type { Random } from '../../src/core/random.js';

/**
 * A deterministic stand-in for the CSPRNG: the ChaCha20 keystream of a key made
 * from `seed`. Statistical tests run on it so they give the same answer every
 * time (no flakiness), while the bytes are as uniform as the real thing.
 */
export function seededRandom(seed: number): Random {
  const key = new Uint8Array(32);
  new DataView(key.buffer).setUint32(0, seed);
  const nonce = new Uint8Array(12);
  const BLOCKS = 64;
  let block = 0;
  let buffer = new Uint8Array(0);
  let offset = 0;
  return {
    bytes(length) {
      const out = new Uint8Array(length);
      for (let i = 0; i < length; i++) {
        if (offset === buffer.length) {
          buffer = chacha20(key, nonce, new Uint8Array(64 * BLOCKS), undefined, block);
          block += BLOCKS;
          offset = 0;
        }
        out[i] = buffer[offset++] as number;
      }
      return out;
    },
  };
}

/** A Random that hands out the given bytes, in order, and counts what was taken. */
export function scriptedRandom(bytes: number[]): Random & { taken: () => number } {
  let next = 0;
  return {
    bytes(length) {
      if (next + length > bytes.length) throw new Error('The scripted random bytes ran out.');
      const out = Uint8Array.from(bytes.slice(next, next + length));
      next += length;
      return out;
    },
    taken: () => next,
  };
}
