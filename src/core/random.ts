import { randomFillSync } from 'node:crypto';

/** Randomness comes from the platform CSPRNG only; it is injected so tests can observe it. */
export interface Random {
  bytes(length: number): Uint8Array;
}

/** Requests up to this many bytes are served from the block; larger ones are filled directly. */
const SMALL_REQUEST = 64;
const BLOCK_LENGTH = 4096;

/**
 * The CSPRNG drawn a block at a time. A call into node:crypto costs a few
 * microseconds whatever its size, and a vault draws a 24-byte nonce for every
 * record it writes (every record of the vault when the password changes), so small
 * requests are cut from a 4 KiB block filled by `fill`. The bytes handed out are
 * zeroed in the block at once: nothing drawn stays behind in it.
 */
export function blockRandom(fill: (bytes: Uint8Array) => void): Random {
  const block = new Uint8Array(BLOCK_LENGTH);
  let offset = BLOCK_LENGTH;
  return {
    bytes(length) {
      if (!Number.isSafeInteger(length) || length < 0) {
        throw new RangeError(`Cannot draw ${length} random bytes.`);
      }
      const out = new Uint8Array(length);
      if (length > SMALL_REQUEST) {
        fill(out);
        return out;
      }
      if (offset + length > BLOCK_LENGTH) {
        fill(block);
        offset = 0;
      }
      out.set(block.subarray(offset, offset + length));
      block.fill(0, offset, offset + length);
      offset += length;
      return out;
    },
  };
}

export const systemRandom: Random = blockRandom((bytes) => randomFillSync(bytes));
