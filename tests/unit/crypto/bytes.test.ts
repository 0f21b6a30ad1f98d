import { describe, expect, it } from 'vitest';
import { encodeFields } from '../../../src/core/crypto/bytes.js';

describe('encodeFields after fields encoded before', () => {
  it('gives the bytes of every field encoded at once', () => {
    const lists: (string | number | Uint8Array)[][] = [
      ['sparekey-record', 3, 'a0a1a2a3a4a5a6a7a8a9aaabacadaeaf', 'records'],
      ['account', 'a4f967e2342cf616', 0, '', 2],
      ['otp', 'é ☃ 𝄞', 1, 'a4f967e2342cf616', 9_007_199_254_740_991],
      [Uint8Array.of(1, 2, 3), '', new Uint8Array(0), 0],
      [],
    ];
    for (const before of lists) {
      for (const after of lists) {
        expect(encodeFields(after, encodeFields(before))).toEqual(
          encodeFields([...before, ...after]),
        );
      }
    }
  });
});
