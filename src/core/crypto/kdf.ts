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
  memoryKiB: z
    .number()
    .int()
    .min(8)
    .max(4 * 1024 * 1024),
  passes: z.number().int().min(1).max(64),
  lanes: z.number().int().min(1).max(64),
  /** Salt, base64. */
  salt: z.string().min(1),
});

export type KdfParams = z.infer<typeof KdfParamsSchema>;
export type KdfCost = Pick<KdfParams, 'memoryKiB' | 'passes' | 'lanes'>;

/** RFC 9106's second recommended option: 64 MiB, 3 passes, 4 lanes. */
export const DEFAULT_KDF_COST: KdfCost = { memoryKiB: 64 * 1024, passes: 3, lanes: 4 };

export const SALT_LENGTH = 16;

export function kdfParams(cost: KdfCost, salt: Uint8Array): KdfParams {
  return {
    algorithm: 'argon2id',
    version: 19,
    ...cost,
    salt: Buffer.from(salt).toString('base64'),
  };
}

/**
 * Passwords are normalized (Unicode NFC) so that the same password typed on
 * different systems derives the same key.
 */
export function normalizePassword(password: string): Buffer {
  return Buffer.from(password.normalize('NFC'), 'utf8');
}

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
