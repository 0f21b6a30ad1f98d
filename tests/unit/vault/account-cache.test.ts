import { describe, expect, it } from 'vitest';
import { Vault } from '../../../src/core/vault.js';
import { createTestVault, FAST_KDF, PASSWORD } from '../../support/temp-vault.js';

const issuers = (vault: Vault) => vault.accounts.list().map((account) => account.issuer);

describe('the decrypted account list kept while unlocked', () => {
  it('follows this connection’s adds, edits and removals', async () => {
    const { vault } = await createTestVault();
    const a = vault.accounts.add({ issuer: 'Alpha' });
    expect(issuers(vault)).toEqual(['Alpha']);
    vault.accounts.add({ issuer: 'Beta' });
    vault.accounts.update(a.id, { issuer: 'Gamma' });
    expect(issuers(vault)).toEqual(['Beta', 'Gamma']);
    vault.accounts.remove(a.id);
    expect(issuers(vault)).toEqual(['Beta']);
    vault.close();
  });

  it('keeps nothing a rolled-back transaction wrote', async () => {
    const { vault } = await createTestVault();
    vault.accounts.add({ issuer: 'Kept' });
    expect(issuers(vault)).toEqual(['Kept']);
    expect(() =>
      vault.transaction(() => {
        vault.accounts.add({ issuer: 'Rolled back' });
        // Inside the transaction its own change is visible…
        expect(issuers(vault)).toEqual(['Kept', 'Rolled back']);
        throw new Error('abort');
      }),
    ).toThrow('abort');
    // …and gone once it rolled back.
    expect(issuers(vault)).toEqual(['Kept']);
    vault.close();
  });

  it('sees what another connection committed', async () => {
    const { vault, path } = await createTestVault();
    expect(issuers(vault)).toEqual([]);
    const other = await Vault.unlock(path, PASSWORD, FAST_KDF);
    const added = other.accounts.add({ issuer: 'From elsewhere' });
    expect(issuers(vault)).toEqual(['From elsewhere']);
    other.accounts.update(added.id, { issuer: 'Renamed elsewhere' });
    expect(issuers(vault)).toEqual(['Renamed elsewhere']);
    other.close();
    vault.close();
  });

  it('is dropped on lock, and its entries cannot be changed by a caller', async () => {
    const { vault } = await createTestVault();
    vault.accounts.add({ issuer: 'Alpha' });
    const listed = vault.accounts.list();
    expect(() => {
      (listed[0] as { issuer: string }).issuer = 'Tampered';
    }).toThrow(TypeError);
    vault.lock();
    expect(() => vault.accounts.list()).toThrow(/locked/);
    await vault.unlock(PASSWORD);
    expect(issuers(vault)).toEqual(['Alpha']);
    vault.close();
  });
});
