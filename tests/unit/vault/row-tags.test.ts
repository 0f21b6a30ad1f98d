import { blake3 } from '@noble/hashes/blake3.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHex } from '../../../src/core/crypto/bytes.js';
import {
  EncodedRows,
  RowEncoder,
  type RowIdentity,
  rowTagger,
  SetSum,
} from '../../../src/core/storage/set-commitment.js';

/**
 * Format 3's row tags are BLAKE3's keyed hash, computed by hash-wasm (WebAssembly)
 * once it has loaded and by noble's BLAKE3 before that: a write never waits for
 * WebAssembly. Both must give the same tag for every row, or a vault sealed by one
 * would be refused by the other.
 */

const row = fc.record({
  kind: fc.string({ minLength: 1, maxLength: 20 }),
  id: fc.string({ minLength: 1, maxLength: 40 }),
  parent: fc.option(fc.string({ maxLength: 40 }), { nil: null }),
  version: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
  nonce: fc.uint8Array({ minLength: 24, maxLength: 24 }),
}) satisfies fc.Arbitrary<RowIdentity>;
const key = fc.uint8Array({ minLength: 32, maxLength: 32 });

describe('format 3 row tags', () => {
  it('are the same before and after the WebAssembly BLAKE3 loads, and are BLAKE3 keyed hashes', async () => {
    await fc.assert(
      fc.asyncProperty(key, fc.array(row, { minLength: 1, maxLength: 30 }), async (k, rows) => {
        const plain = rowTagger(3, k);
        const fast = rowTagger(3, k);
        await fast.accelerate();
        const encoder = new RowEncoder(3);
        for (const identity of rows) {
          const expected = toHex(blake3(encoder.encode(identity), { key: k }));
          expect(toHex(plain.tag(identity))).toBe(expected);
          expect(toHex(fast.tag(identity))).toBe(expected);
        }
        plain.destroy();
        fast.destroy();
      }),
      { numRuns: 60 },
    );
  });

  it('sum the same over encoded rows as one by one', async () => {
    const k = new Uint8Array(32).fill(7);
    const tagger = rowTagger(3, k);
    await tagger.accelerate();
    const rows = fc.sample(row, { numRuns: 200, seed: 42 });
    const encoder = new RowEncoder(3);
    const encoded = new EncodedRows();
    const oneByOne = new SetSum();
    for (const identity of rows) {
      encoded.append(encoder.encode(identity));
      oneByOne.add(tagger.tag(identity));
    }
    expect(encoded.count).toBe(200);
    expect(toHex(tagger.sumInto(new SetSum(), encoded).bytes())).toBe(toHex(oneByOne.bytes()));
    tagger.destroy();
  });

  it('differ from format 2 tags of the same row under the same key (another function, another label)', () => {
    const k = new Uint8Array(32).fill(1);
    const [identity] = fc.sample(row, { numRuns: 1, seed: 1 });
    const two = rowTagger(2, k);
    const three = rowTagger(3, k);
    expect(toHex(two.tag(identity!))).not.toBe(toHex(three.tag(identity!)));
    two.destroy();
    three.destroy();
  });

  it('cannot be computed once destroyed, and a destroyed tagger does not load WebAssembly', async () => {
    const k = new Uint8Array(32).fill(9);
    const [identity] = fc.sample(row, { numRuns: 1, seed: 2 });
    const loaded = rowTagger(3, k);
    await loaded.accelerate();
    loaded.destroy();
    expect(() => loaded.tag(identity!)).toThrow('destroyed');

    const early = rowTagger(3, k);
    const loading = early.accelerate();
    early.destroy();
    await loading;
    expect(() => early.tag(identity!)).toThrow('destroyed');
    // The caller's key is its own: destroying the tagger wipes the tagger's copy only.
    expect(k.every((byte) => byte === 9)).toBe(true);
  });
});
