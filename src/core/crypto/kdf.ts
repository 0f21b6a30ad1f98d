import argon2 from 'argon2';
import { z } from 'zod';

/**
 * Argon2id through the native `argon2` package (see TOOLCHAIN.md for why not a
 * WebAssembly build). Parameters are stored per vault so they can be raised later.
 */
export const KdfParamsSchema = z.object({
  algorithm: z.literal('argon2id'),
  /** Argon2 version 0x13 (19). */
  version: z.literal(19),
  memoryKiB: z.number().int(),
  passes: z.number().int(),
  lanes: z.number().int(),
  /** Salt, base64. */
  salt: z.string(),
});

export type KdfParams = z.infer<typeof KdfParamsSchema>;
export type KdfCost = Pick<KdfParams, 'memoryKiB' | 'passes' | 'lanes'>;

/** RFC 9106's second recommended option: 64 MiB, 3 passes, 4 lanes. */
export const DEFAULT_KDF_COST: KdfCost = { memoryKiB: 64 * 1024, passes: 3, lanes: 4 };

/**
 * What a vault may ask of the computer that unlocks it. The floor is RFC 9106's
 * second recommended option (a vault never asks for less); the ceiling keeps an
 * unlock within tens of seconds on an ordinary computer (1 GiB × 10 passes took
 * about 17 s on a 2-core test machine) and stops a planted header from asking
 * for minutes and gigabytes. Both are checked before Argon2id runs.
 */
export const KDF_LIMITS = {
  minMemoryKiB: 64 * 1024,
  maxMemoryKiB: 1024 * 1024,
  minPasses: 3,
  maxPasses: 10,
  minLanes: 1,
  maxLanes: 16,
  /** Argon2 needs at least 8 KiB of memory per lane. */
  memoryKiBPerLane: 8,
} as const;

export const SALT_LENGTH = 16;
const MAX_SALT_LENGTH = 64;

/**
 * The parameters to store, their fields in KdfParamsSchema's order: the header
 * holds them as JSON, and the text read back and parsed must be the text written.
 */
export function kdfParams(cost: KdfCost, salt: Uint8Array): KdfParams {
  return {
    algorithm: 'argon2id',
    version: 19,
    memoryKiB: cost.memoryKiB,
    passes: cost.passes,
    lanes: cost.lanes,
    salt: Buffer.from(salt).toString('base64'),
  };
}

/**
 * What is wrong with a key-derivation cost, in a user's words, or undefined when
 * it is within KDF_LIMITS.
 */
export function kdfCostProblem(cost: KdfCost): string | undefined {
  const { memoryKiB, passes, lanes } = cost;
  const mib = (kib: number) => `${Math.round((kib / 1024) * 100) / 100} MiB`;
  if (!Number.isSafeInteger(memoryKiB) || memoryKiB < KDF_LIMITS.minMemoryKiB) {
    return `the key derivation asks for ${mib(memoryKiB)} of memory, less than the ${mib(KDF_LIMITS.minMemoryKiB)} Sparekey requires`;
  }
  if (memoryKiB > KDF_LIMITS.maxMemoryKiB) {
    return `the key derivation asks for ${mib(memoryKiB)} of memory, more than the ${mib(KDF_LIMITS.maxMemoryKiB)} Sparekey allows`;
  }
  if (!Number.isSafeInteger(passes) || passes < KDF_LIMITS.minPasses) {
    return `the key derivation asks for ${passes} passes, fewer than the ${KDF_LIMITS.minPasses} Sparekey requires`;
  }
  if (passes > KDF_LIMITS.maxPasses) {
    return `the key derivation asks for ${passes} passes, more than the ${KDF_LIMITS.maxPasses} Sparekey allows`;
  }
  if (!Number.isSafeInteger(lanes) || lanes < KDF_LIMITS.minLanes || lanes > KDF_LIMITS.maxLanes) {
    return `the key derivation asks for ${lanes} lanes, outside the ${KDF_LIMITS.minLanes} to ${KDF_LIMITS.maxLanes} Sparekey allows`;
  }
  if (memoryKiB < KDF_LIMITS.memoryKiBPerLane * lanes) {
    return `the key derivation asks for less memory than its ${lanes} lanes need`;
  }
  return undefined;
}

/** What is wrong with stored parameters (cost and salt), or undefined when they are usable. */
export function kdfParamsProblem(params: KdfParams): string | undefined {
  const costProblem = kdfCostProblem(params);
  if (costProblem !== undefined) return costProblem;
  const salt = saltBytes(params.salt);
  if (salt === undefined) return 'the key-derivation salt is unreadable';
  if (salt.length < SALT_LENGTH) {
    return `the key-derivation salt is ${salt.length} ${salt.length === 1 ? 'byte' : 'bytes'} long, shorter than the ${SALT_LENGTH} bytes Sparekey requires`;
  }
  if (salt.length > MAX_SALT_LENGTH) return 'the key-derivation salt is too long';
  return undefined;
}

function saltBytes(base64: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 !== 0) return undefined;
  return Buffer.from(base64, 'base64');
}

/**
 * Passwords are normalized (Unicode NFC) so that the same password typed on
 * different systems derives the same key.
 */
export function normalizePassword(password: string): Buffer {
  return Buffer.from(password.normalize('NFC'), 'utf8');
}

/** Derives the 32-byte password key; a vault takes another one only in tests (VaultOptions.deriveKey). */
export type KeyDerivation = (password: string, params: KdfParams) => Promise<Uint8Array>;

/** Argon2id with the stored parameters; callers check them with `kdfParamsProblem` first. */
export async function deriveKey(password: string, params: KdfParams): Promise<Uint8Array> {
  const passwordBytes = normalizePassword(password);
  try {
    const derived = await argon2.hash(passwordBytes, {
      type: argon2.argon2id,
      version: params.version,
      raw: true,
      salt: Buffer.from(params.salt, 'base64'),
      memoryCost: params.memoryKiB,
      timeCost: params.passes,
      parallelism: params.lanes,
      hashLength: 32,
    });
    const key = new Uint8Array(derived);
    derived.fill(0);
    return key;
  } finally {
    passwordBytes.fill(0);
  }
}
