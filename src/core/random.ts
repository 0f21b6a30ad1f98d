import { randomBytes } from 'node:crypto';

/** Randomness comes from the platform CSPRNG only; it is injected so tests can observe it. */
export interface Random {
  bytes(length: number): Uint8Array;
}

export const systemRandom: Random = {
  bytes: (length) => new Uint8Array(randomBytes(length)),
};
