import Database from 'better-sqlite3';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { VaultError } from '../../../src/shared/errors.js';
import { makeSeed } from '../../../src/core/otp/seed.js';
import { IDLE_CHECKPOINT_MS } from '../../../src/core/storage/database.js';
import { Vault } from '../../../src/core/vault.js';
import {
  createTestVault,
  FAST_KDF,
  PASSWORD,
  tempFolder,
  tempVaultPath,
} from '../../support/temp-vault.js';

async function failure(promise: Promise<unknown> | (() => unknown)): Promise<VaultError> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    expect(error).toBeInstanceOf(VaultError);
    return error as VaultError;
  }
  throw new Error('expected a VaultError');
}

describe('creating, locking and reopening', () => {
  it('shows the same accounts after lock and reopen', async () => {
    const { vault, path } = await createTestVault();
    const seed = makeSeed({
      secret: 'JBSWY3DPEHPK3PXP',
      digits: 8,
      period: 60,
      algorithm: 'SHA256',
    });
    const added = vault.accounts.add({
      issuer: 'GitHub',
      accountName: 'octocat',
      url: 'github.com/login',
      notes: 'Work account',
      seed,
    });
    const before = vault.accounts.list();
    vault.close();

    const reopened = await Vault.unlock(path, PASSWORD, FAST_KDF);
    expect(reopened.accounts.list()).toEqual(before);
    expect(reopened.accounts.get(added.id)).toMatchObject({
      issuer: 'GitHub',
      accountName: 'octocat',
      url: 'https://github.com/login',
      notes: 'Work account',
      otp: { type: 'totp', algorithm: 'SHA256', digits: 8, period: 60 },
    });
    expect(reopened.accounts.revealSeed(added.id).seed).toEqual(seed);
    reopened.close();
  });

  it('creates the vault file readable by its owner only', async () => {
    const { vault, path } = await createTestVault();
    vault.close();
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('refuses to create a vault over an existing file, leaving it untouched', async () => {
    const path = tempVaultPath();
    writeFileSync(path, 'my notes');
    const error = await failure(Vault.create(path, PASSWORD, { ...FAST_KDF }));
    expect(error.code).toBe('VAULT_EXISTS');
    expect(statSync(path).size).toBe(8);
  });

  it('refuses a password shorter than 8 characters and creates nothing', async () => {
    const path = tempVaultPath();
    const error = await failure(Vault.create(path, 'short', { ...FAST_KDF }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(existsSync(path)).toBe(false);
  });

  it('stores the default Argon2id parameters (64 MiB, 3 passes, 4 lanes) in the vault', async () => {
    const path = tempVaultPath();
    const vault = await Vault.create(path, PASSWORD);
    expect(vault.kdfParameters).toEqual({ memoryKiB: 65536, passes: 3, lanes: 4 });
    vault.close();
    const reopened = Vault.open(path, FAST_KDF);
    expect(reopened.kdfParameters).toEqual({ memoryKiB: 65536, passes: 3, lanes: 4 });
    reopened.close();
  });

  it('is locked after opening, and refuses to read until unlocked', async () => {
    const { vault, path } = await createTestVault();
    vault.close();
    const locked = Vault.open(path, FAST_KDF);
    expect(locked.isUnlocked).toBe(false);
    expect((await failure(() => locked.accounts.list())).code).toBe('LOCKED');
    await locked.unlock(PASSWORD);
    expect(locked.accounts.list()).toEqual([]);
    locked.lock();
    expect((await failure(() => locked.accounts.list())).code).toBe('LOCKED');
    locked.close();
  });
});

describe('errors a person can tell apart', () => {
  it('a wrong password is WRONG_PASSWORD', async () => {
    const { vault, path } = await createTestVault();
    vault.close();
    const error = await failure(Vault.unlock(path, 'not the password', FAST_KDF));
    expect(error.code).toBe('WRONG_PASSWORD');
    expect(error.message).toMatch(/wrong password/i);
  });

  it('a file of random bytes is NOT_A_VAULT', async () => {
    const path = join(tempFolder(), 'random.bin');
    writeFileSync(path, Buffer.alloc(8192, 7));
    expect((await failure(() => Vault.open(path, FAST_KDF))).code).toBe('NOT_A_VAULT');
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('an empty file is NOT_A_VAULT', async () => {
    const path = join(tempFolder(), 'empty.sparekey');
    writeFileSync(path, '');
    expect((await failure(() => Vault.open(path, FAST_KDF))).code).toBe('NOT_A_VAULT');
  });

  it('another SQLite database is NOT_A_VAULT and is not modified', async () => {
    const path = join(tempFolder(), 'other.db');
    const other = new Database(path);
    other.exec('CREATE TABLE notes (text TEXT)');
    other.close();
    const before = statSync(path).mtimeMs;
    const error = await failure(() => Vault.open(path, FAST_KDF));
    expect(error.code).toBe('NOT_A_VAULT');
    expect(error.message).toMatch(/SQLite database, but not a Sparekey vault/);
    expect(statSync(path).mtimeMs).toBe(before);
  });

  it('a missing file is NOT_FOUND', async () => {
    expect((await failure(() => Vault.open(join(tempFolder(), 'nope.sparekey')))).code).toBe(
      'NOT_FOUND',
    );
  });

  it('a file from a newer Sparekey is NEWER_FORMAT, and is not changed', async () => {
    const { vault, path } = await createTestVault();
    vault.close();
    // Simulate a future version: bump the format and recompute the header checksum as it would.
    const { sha256 } = await import('@noble/hashes/sha2.js');
    const { encodeFields } = await import('../../../src/core/crypto/bytes.js');
    const db = new Database(path);
    const row = db.prepare('SELECT * FROM vault_header').get() as {
      magic: string;
      vault_id: Uint8Array;
      kdf: string;
      key_slot: Uint8Array;
    };
    const checksum = sha256(encodeFields([row.magic, 99, row.vault_id, row.kdf, row.key_slot]));
    db.prepare('UPDATE vault_header SET format = 99, checksum = ?').run(checksum);
    db.close();
    const error = await failure(() => Vault.open(path, FAST_KDF));
    expect(error.code).toBe('NEWER_FORMAT');
    expect(error.message).toMatch(/newer version of Sparekey/);
  });
});

describe('password change', () => {
  it('re-wraps the key: the old password fails, the new one opens the same data', async () => {
    const { vault, path } = await createTestVault();
    const account = vault.accounts.add({
      issuer: 'Proton',
      seed: makeSeed({ secret: 'JBSWY3DPEHPK3PXP' }),
    });
    await vault.changePassword(PASSWORD, 'a brand new passphrase');
    vault.close();

    expect((await failure(Vault.unlock(path, PASSWORD, FAST_KDF))).code).toBe('WRONG_PASSWORD');
    const reopened = await Vault.unlock(path, 'a brand new passphrase', FAST_KDF);
    expect(reopened.accounts.get(account.id).issuer).toBe('Proton');
    reopened.close();
  });

  it('refuses when the current password is wrong, changing nothing', async () => {
    const { vault, path } = await createTestVault();
    expect((await failure(vault.changePassword('wrong password', 'another password'))).code).toBe(
      'WRONG_PASSWORD',
    );
    vault.close();
    (await Vault.unlock(path, PASSWORD, FAST_KDF)).close();
  });

  it('leaves no copy of the old key slot in the file or its WAL', async () => {
    const { vault, path } = await createTestVault();
    const reader = new Database(path, { readonly: true });
    const oldSlot = (
      reader.prepare('SELECT key_slot FROM vault_header').get() as { key_slot: Buffer }
    ).key_slot;
    reader.close();
    expect(readFileSync(`${path}-wal`).includes(oldSlot)).toBe(true);
    vault.accounts.add({ issuer: 'Example' });
    await vault.changePassword(PASSWORD, 'a brand new passphrase');
    for (const file of [path, `${path}-wal`]) {
      expect(readFileSync(file).includes(oldSlot)).toBe(false);
    }
    vault.close();
    expect(readFileSync(path).includes(oldSlot)).toBe(false);
  });
});

describe('checkpoints off the user’s path', () => {
  const walBytes = (path: string) => statSync(`${path}-wal`, { throwIfNoEntry: false })?.size ?? 0;

  it('a write waits for its WAL fsync only; the pages reach the vault file once it has been idle', async () => {
    const { vault, path } = await createTestVault();
    const before = statSync(path).size;
    // The idle timer is the database's own setTimeout: Vitest's fake timers drive it.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      for (let index = 0; index < 40; index++) {
        vault.accounts.add({ issuer: `Site ${index}`, notes: 'n'.repeat(2000) });
      }
      // Acknowledged and durable in the WAL; nothing copied into the vault file yet.
      expect(walBytes(path)).toBeGreaterThan(40 * 2000);
      expect(statSync(path).size).toBe(before);

      vi.advanceTimersByTime(IDLE_CHECKPOINT_MS - 1);
      expect(statSync(path).size).toBe(before);
      vi.advanceTimersByTime(1);
      expect(statSync(path).size).toBeGreaterThan(before + 40 * 2000);
    } finally {
      vi.useRealTimers();
    }
    vault.close();
    const reopened = await Vault.unlock(path, PASSWORD, FAST_KDF);
    expect(reopened.accounts.list()).toHaveLength(40);
    reopened.close();
  });
});
