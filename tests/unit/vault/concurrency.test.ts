import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { VaultError } from '../../../src/shared/errors.js';
import { Vault } from '../../../src/core/vault.js';
import { createTestVault, FAST_KDF, PASSWORD } from '../../support/temp-vault.js';

describe('two connections on one vault', () => {
  it("each sees the other's committed changes", async () => {
    const { vault: app, path } = await createTestVault();
    const cli = await Vault.unlock(path, PASSWORD, FAST_KDF);
    cli.accounts.add({ issuer: 'From the CLI' });
    expect(app.accounts.list().map((a) => a.issuer)).toEqual(['From the CLI']);
    app.accounts.add({ issuer: 'From the app' });
    expect(cli.accounts.list().map((a) => a.issuer)).toEqual(['From the app', 'From the CLI']);
    app.close();
    cli.close();
  });

  it('a write while another process holds the write lock gives BUSY and changes nothing', async () => {
    const { vault: first, path } = await createTestVault();
    first.close();
    const vault = await Vault.unlock(path, PASSWORD, { ...FAST_KDF, busyTimeoutMs: 100 });
    const holder = new Database(path);
    holder.exec('BEGIN IMMEDIATE');
    let error: unknown;
    try {
      vault.accounts.add({ issuer: 'Blocked' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(VaultError);
    expect((error as VaultError).code).toBe('BUSY');
    holder.exec('ROLLBACK');
    holder.close();
    expect(vault.accounts.list()).toEqual([]);
    vault.accounts.add({ issuer: 'After' });
    expect(vault.accounts.list()).toHaveLength(1);
    vault.close();
  });
});
