import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { FixedClock } from '../../src/core/clock.js';
import { fastKeyDerivation } from './fast-key-derivation.js';
import { Vault, type VaultOptions } from '../../src/core/vault.js';

export { fastKeyDerivation };
/**
 * Vault options with Argon2id at the vault's real parameters: for a vault the CLI,
 * run as a child process, opens (it has no cheaper derivation).
 */
export const REAL_KDF = { deriveKey: undefined } satisfies VaultOptions;
/** Vault options with the cheap key derivation (fast-key-derivation.ts). */
export const FAST_KDF = { deriveKey: fastKeyDerivation } satisfies VaultOptions;
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
  const vault = await Vault.create(path, PASSWORD, { ...FAST_KDF, ...options, clock });
  return { vault, path, clock };
}
