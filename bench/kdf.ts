import argon2 from 'argon2';
import { argon2id as wasmArgon2id } from 'hash-wasm';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { DEFAULT_KDF_COST, deriveKey, type KdfCost, kdfParams } from '../src/core/crypto/kdf.js';
import { Vault } from '../src/core/vault.js';
import { formatMs, median, sample, sampleInterleaved } from './lib/measure.js';
import type { Report } from './lib/report.js';

const PASSWORD = 'correct horse battery staple';

/** Argon2id through the vault's own code path, beside the native package called directly and hash-wasm. */
export async function benchKdf(report: Report, folder: string): Promise<void> {
  const { memoryKiB, passes, lanes } = DEFAULT_KDF_COST;
  report.section(
    '1. Key derivation',
    `Argon2id at the vault's default parameters (${memoryKiB / 1024} MiB, ${passes} passes, ${lanes} lanes, 32-byte key): ` +
      "the vault's `deriveKey` beside the native `argon2` package called directly with the same inputs (alternating, 9 runs each), " +
      'and hash-wasm (WebAssembly, single-threaded) for reference (5 runs). Unlock end to end is `Vault.unlock` on a vault file: ' +
      'open, read the header, derive, unwrap the key.',
  );
  const salt = randomBytes(16);
  const params = kdfParams(DEFAULT_KDF_COST, salt);
  const runs = await sampleInterleaved(
    9,
    () => deriveKey(PASSWORD, params),
    () =>
      argon2.hash(Buffer.from(PASSWORD), {
        type: argon2.argon2id,
        raw: true,
        salt,
        memoryCost: memoryKiB,
        timeCost: passes,
        parallelism: lanes,
        hashLength: 32,
      }),
  );
  const vaultMs = median(runs.a);
  const directMs = median(runs.b);
  const ratio = vaultMs / directMs;
  report.figure('vault deriveKey (median)', formatMs(vaultMs));
  report.figure('argon2 package directly (median)', formatMs(directMs));
  report.target('KDF vault / native ratio', ratio.toFixed(3), '≤ 1.05', ratio <= 1.05);

  const wasm = await sample(5, () =>
    wasmArgon2id({
      password: PASSWORD,
      salt,
      parallelism: lanes,
      iterations: passes,
      memorySize: memoryKiB,
      hashLength: 32,
      outputType: 'binary',
    }),
  );
  report.figure(
    'hash-wasm (WebAssembly) (median)',
    `${formatMs(median(wasm))} (${(median(wasm) / directMs).toFixed(2)}× native)`,
  );

  const path = join(folder, 'kdf.sparekey');
  (await Vault.create(path, PASSWORD)).close();
  const unlock = await sample(5, async () => (await Vault.unlock(path, PASSWORD)).close());
  report.figure('unlock end to end at default parameters (median)', formatMs(median(unlock)));

  // What a one-second unlock would allow here: memory doubled from 64 MiB at 3 passes, 4 lanes.
  const rows: string[][] = [];
  let best: KdfCost | null = null;
  for (const mib of [64, 128, 256, 512, 1024]) {
    const cost: KdfCost = { memoryKiB: mib * 1024, passes: 3, lanes: 4 };
    const times = await sample(3, () => deriveKey(PASSWORD, kdfParams(cost, salt)), 0);
    const ms = median(times);
    rows.push([`${mib} MiB`, '3', '4', formatMs(ms)]);
    if (ms <= 1000) best = cost;
    if (ms > 1000) break;
  }
  report.table(['memory', 'passes', 'lanes', 'derive (median)'], rows);
  report.figure(
    'strongest tried parameters within a one-second budget',
    best === null
      ? 'none (even 64 MiB takes over 1 s)'
      : `${best.memoryKiB / 1024} MiB, ${best.passes} passes, ${best.lanes} lanes`,
  );
}
