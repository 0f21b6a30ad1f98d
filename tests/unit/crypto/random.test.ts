import { describe, expect, it } from 'vitest';
import { blockRandom, systemRandom } from '../../../src/core/random.js';

/** A fill that writes a counter (1, 2, 3, …, wrapping past 255 to 1) and keeps what it filled. */
function countingFill() {
  let next = 0;
  const filled: Uint8Array[] = [];
  return {
    filled,
    fill(bytes: Uint8Array) {
      filled.push(bytes);
      for (let index = 0; index < bytes.length; index++) bytes[index] = (next++ % 255) + 1;
    },
  };
}

describe('blockRandom', () => {
  it('hands out every byte of the source once, in order, across refills', () => {
    const source = countingFill();
    const random = blockRandom((bytes) => source.fill(bytes));
    const drawn: number[] = [];
    // 24-byte nonces do not divide 4096: the last partial piece of each block is skipped.
    for (let index = 0; index < 400; index++) drawn.push(...random.bytes(24));
    expect(source.filled).toHaveLength(3);
    const perBlock = Math.floor(4096 / 24) * 24;
    expect(drawn.slice(0, perBlock)).toEqual(
      Array.from({ length: perBlock }, (_, index) => (index % 255) + 1),
    );
    expect(drawn[perBlock]).toBe((4096 % 255) + 1);
  });

  it('zeroes in its block every byte it has handed out', () => {
    const source = countingFill();
    const random = blockRandom((bytes) => source.fill(bytes));
    const key = random.bytes(32);
    const nonce = random.bytes(24);
    const [block] = source.filled;
    expect(block!.subarray(0, 56).every((byte) => byte === 0)).toBe(true);
    expect(block!.subarray(56).every((byte) => byte !== 0)).toBe(true);
    expect(Array.from(key)).toEqual(Array.from({ length: 32 }, (_, index) => index + 1));
    expect(nonce[0]).toBe(33);
  });

  it('fills larger requests directly, and refuses impossible lengths', () => {
    const source = countingFill();
    const random = blockRandom((bytes) => source.fill(bytes));
    const large = random.bytes(65);
    expect(source.filled).toEqual([large]);
    expect(random.bytes(0)).toEqual(new Uint8Array(0));
    expect(() => random.bytes(-1)).toThrow(RangeError);
    expect(() => random.bytes(1.5)).toThrow(RangeError);
  });
});

describe('systemRandom', () => {
  it('gives distinct nonces and keys, of the lengths asked', () => {
    const seen = new Set<string>();
    for (let index = 0; index < 2000; index++) {
      const bytes = systemRandom.bytes(index % 2 === 0 ? 24 : 32);
      expect(bytes.length).toBe(index % 2 === 0 ? 24 : 32);
      seen.add(Buffer.from(bytes).toString('hex'));
    }
    expect(seen.size).toBe(2000);
    expect(systemRandom.bytes(100_000).length).toBe(100_000);
  });
});
