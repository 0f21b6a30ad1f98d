import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { FixedClock } from '../../src/core/clock.js';
import type { KdfCost } from '../../src/core/crypto/kdf.js';
import { Vault, type VaultOptions } from '../../src/core/vault.js';

/** Argon2id at the minimum cost: tests check behaviour, not the KDF's strength (which has its own tests). */
export const FAST_KDF: KdfCost = { memoryKiB: 64, passes: 1, lanes: 1 };
export const PASSWORD = 'correct horse battery staple';
/** 2026-05-03T10:00:00Z, a fixed instant for deterministic codes and dates. */
export const T0 = Date.UTC(2026, 4, 3, 10, 0, 0);

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A fresh temp folder, removed after the test. */
export function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'sparekey-test-'));
  folders.push(folder);
  return folder;
}

export function tempVaultPath(): string {
  return join(tempFolder(), 'test.sparekey');
}

export async function createTestVault(
  options: VaultOptions & { path?: string } = {},
): Promise<{ vault: Vault; path: string; clock: FixedClock }> {
  const path = options.path ?? tempVaultPath();
  const clock = options.clock instanceof FixedClock ? options.clock : new FixedClock(T0);
  const vault = await Vault.create(path, PASSWORD, { kdfCost: FAST_KDF, ...options, clock });
  return { vault, path, clock };
}
