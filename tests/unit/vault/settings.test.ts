import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { VaultError } from '../../../src/shared/errors.js';
import { Vault } from '../../../src/core/vault.js';
import { createTestVault, FAST_KDF, PASSWORD } from '../../support/temp-vault.js';

describe('vault settings', () => {
  it('start at their defaults, keep changes across a reopen, and are encrypted', async () => {
    const { vault, path } = await createTestVault();
    expect(vault.settings.get()).toMatchObject({ autoLockMinutes: 5, clipboardClearSeconds: 20 });
    vault.settings.update({ autoLockMinutes: 15 });
    vault.close();
    const reopened = await Vault.unlock(path, PASSWORD, FAST_KDF);
    expect(reopened.settings.get()).toMatchObject({
      autoLockMinutes: 15,
      clipboardClearSeconds: 20,
    });
    reopened.close();
    const db = new Database(path, { readonly: true });
    const row = db.prepare("SELECT body FROM records WHERE kind = 'settings'").get() as {
      body: Buffer;
    };
    db.close();
    expect(row.body.includes(Buffer.from('autoLockMinutes'))).toBe(false);
  });

  it('refuses an out-of-range value, naming the setting, and keeps the old one', async () => {
    const { vault } = await createTestVault();
    let error: unknown;
    try {
      vault.settings.update({ clipboardClearSeconds: -1 });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(VaultError);
    expect((error as VaultError).message).toContain('clipboardClearSeconds');
    expect(vault.settings.get().clipboardClearSeconds).toBe(20);
    vault.close();
  });
});
