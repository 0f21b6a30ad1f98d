import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { REMOVED_ACCOUNT_KIND } from '../../../src/core/accounts/removed-accounts.js';
import { makeSeed } from '../../../src/core/otp/seed.js';
import { Vault } from '../../../src/core/vault.js';
import { DAY_MS } from '../../../src/shared/durations.js';
import { vaultErrorOf, vaultRejectionOf } from '../../support/errors.js';
import { findSecretsInFiles, secretForms, vaultFiles } from '../../support/secret-scan.js';
import { createTestVault, FAST_KDF, PASSWORD } from '../../support/temp-vault.js';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const PASSWORD_OF_ACCOUNT = 'velvet-orbit-lantern-73';
const CODES = ['4821-9930', '1177-2045', '6632-0081', '9054-7713'];

/** An account with something of every kind: seed, codes (one used), sign-in, recovery, history, a sheet. */
async function livedInVault() {
  const created = await createTestVault();
  const { vault } = created;
  const phone = vault.contacts.add({ kind: 'phone', value: '+44 7700 900123', label: 'mobile' });
  const bank = vault.accounts.add({
    issuer: 'Bank',
    accountName: 'alice',
    notes: 'branch 12',
    tags: ['money'],
    seed: makeSeed({ secret: SECRET }),
  });
  const other = vault.accounts.add({
    issuer: 'Other',
    seed: makeSeed({ secret: 'MFRGGZDFMZTWQ2LK' }),
  });
  const { set } = vault.backupCodes.add(bank.id, { codes: CODES });
  vault.backupCodes.use(bank.id, { setId: set.id, number: 2 }, 'at the branch');
  vault.backupCodes.reveal(bank.id, set.id);
  vault.logins.set(bank.id, { username: 'alice', password: 'first-password-1' });
  vault.logins.set(bank.id, { password: PASSWORD_OF_ACCOUNT, urls: ['https://bank.example'] });
  vault.recovery.addMethod(bank.id, { kind: 'sms', contactId: phone.id });
  vault.recovery.addRecoveryContact(bank.id, phone.id);
  vault.recovery.update(bank.id, {
    supportUrl: 'https://bank.example/help',
    recoveryNotes: 'call',
  });
  vault.recovery.markTested(bank.id);
  vault.sheets.markPrinted([bank.id], { paper: 'a4', includeUsed: false });
  return { ...created, bank, other, phone, setId: set.id };
}

/** Everything the vault says about an account, to compare before a removal and after its undo. */
function everything(vault: Vault, id: string) {
  return {
    account: vault.accounts.get(id),
    seed: vault.accounts.revealSeed(id),
    codes: vault.backupCodes.sets(id),
    history: vault.history.list(id),
    login: vault.logins.details(id),
    passwords: vault.logins.revealHistory(id),
    recovery: vault.recovery.get(id),
    printed: vault.sheets.lastPrinted(id),
  };
}

function rowsOf(path: string, sql: string, ...params: unknown[]): unknown[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(sql).all(...params);
  } finally {
    db.close();
  }
}

describe('removing an account, and bringing it back', () => {
  it('sets the account and everything of it aside in one encrypted record, and restores it all', async () => {
    const { vault, path, bank } = await livedInVault();
    const before = everything(vault, bank.id);
    const childRows = rowsOf(path, 'SELECT kind FROM records WHERE parent = ?', bank.id).length;
    expect(childRows).toBeGreaterThan(5);

    const removed = vault.accounts.remove(bank.id);
    expect(removed).toMatchObject({
      id: bank.id,
      issuer: 'Bank',
      hadSeed: true,
      records: childRows,
    });
    expect(vault.accounts.list().map((account) => account.issuer)).toEqual(['Other']);
    expect(vaultErrorOf(() => vault.accounts.revealSeed(bank.id)).code).toBe('NOT_FOUND');
    // Nothing of it is left where the features look, and nothing of it is readable on disk.
    expect(
      rowsOf(path, 'SELECT kind FROM records WHERE parent = ? OR id = ? ', bank.id, bank.id),
    ).toEqual([{ kind: REMOVED_ACCOUNT_KIND }]);
    vault.close();
    const secrets = [
      { label: 'seed', forms: secretForms(SECRET, { base32: true }) },
      { label: 'password', forms: secretForms(PASSWORD_OF_ACCOUNT) },
      ...CODES.map((code) => ({ label: code, forms: secretForms(code) })),
      { label: 'issuer', forms: secretForms('Bank') },
    ];
    expect(findSecretsInFiles(vaultFiles(path), secrets)).toEqual([]);

    // The vault as a file: opened again, the removed account is listed and comes back whole.
    const reopened = await Vault.unlock(path, PASSWORD, {
      ...FAST_KDF,
      clock: vault['clock'],
    });
    expect(reopened.accounts.removed.list()).toEqual([removed]);
    expect(
      reopened.contacts.uses({
        id: before.recovery.methods[0]!.contactId!,
        kind: 'phone',
        display: '',
      }),
    ).toEqual([]);
    const restored = reopened.accounts.removed.restore(bank.id);
    expect(restored.id).toBe(bank.id);
    expect(everything(reopened, bank.id)).toEqual(before);
    expect(reopened.accounts.list().map((account) => account.issuer)).toEqual(['Bank', 'Other']);
    expect(reopened.accounts.removed.list()).toEqual([]);
    expect(rowsOf(path, 'SELECT count(*) AS n FROM records WHERE parent = ?', bank.id)).toEqual([
      { n: childRows },
    ]);
    expect(reopened.verify()).toEqual([]);
    reopened.close();
  });

  it('keeps a removed account 30 days, then purges it (also when another is removed)', async () => {
    const { vault, path, bank, other, clock } = await livedInVault();
    vault.accounts.remove(bank.id);
    clock.advance(30 * DAY_MS - 1);
    expect(vault.accounts.removed.list().map((removed) => removed.id)).toEqual([bank.id]);
    clock.advance(1);
    expect(vault.accounts.removed.list()).toEqual([]);
    expect(vaultErrorOf(() => vault.accounts.removed.restore(bank.id)).message).toBe(
      'This account can no longer be brought back: removed accounts are kept for 30 days.',
    );
    // The expired one is still in the file until a purge: the next removal makes it.
    expect(
      rowsOf(path, 'SELECT id FROM records WHERE kind = ?', REMOVED_ACCOUNT_KIND),
    ).toHaveLength(1);
    vault.accounts.remove(other.id);
    expect(rowsOf(path, 'SELECT id FROM records WHERE kind = ?', REMOVED_ACCOUNT_KIND)).toEqual([
      { id: other.id },
    ]);
    clock.advance(31 * DAY_MS);
    expect(vault.accounts.removed.purgeExpired()).toBe(1);
    expect(rowsOf(path, 'SELECT id FROM records WHERE kind = ?', REMOVED_ACCOUNT_KIND)).toEqual([]);
    vault.close();
  });

  it('finds the removed account a person means, among those still kept', async () => {
    const { vault, bank, other, clock } = await livedInVault();
    vault.accounts.remove(bank.id);
    clock.advance(DAY_MS);
    vault.accounts.remove(other.id);
    expect(vault.accounts.removed.resolve('bank').id).toBe(bank.id);
    expect(vault.accounts.removed.resolve('BANK:alice').id).toBe(bank.id);
    expect(vault.accounts.removed.resolve(other.id.slice(0, 6)).id).toBe(other.id);
    expect(vaultErrorOf(() => vault.accounts.removed.resolve('shop')).message).toBe(
      'No removed account matches "shop".',
    );
    clock.advance(29 * DAY_MS);
    // Bank's 30 days are up: it is no longer offered, Other still is.
    expect(vaultErrorOf(() => vault.accounts.removed.resolve('bank')).code).toBe('NOT_FOUND');
    expect(vault.accounts.removed.resolve('other').id).toBe(other.id);
    vault.close();
  });

  it('deletes a removed account for good on request', async () => {
    const { vault, path, bank } = await livedInVault();
    vault.accounts.remove(bank.id);
    vault.accounts.removed.purge(bank.id);
    expect(vault.accounts.removed.list()).toEqual([]);
    expect(
      rowsOf(path, 'SELECT kind FROM records WHERE id = ? OR parent = ?', bank.id, bank.id),
    ).toEqual([]);
    expect(vaultErrorOf(() => vault.accounts.removed.purge(bank.id)).code).toBe('NOT_FOUND');
    vault.close();
  });

  it('removes nothing when one of the records cannot be read (one transaction)', async () => {
    const { vault, path, bank } = await livedInVault();
    vault.close();
    // Someone who can write the file damages one record of the account (its login).
    const db = new Database(path);
    db.prepare(
      "UPDATE records SET body = zeroblob(length(body)) WHERE kind = 'login' AND id = ?",
    ).run(bank.id);
    db.close();
    const reopened = await Vault.unlock(path, PASSWORD, { ...FAST_KDF });
    expect(vaultErrorOf(() => reopened.accounts.remove(bank.id)).code).toBe('VAULT_DAMAGED');
    expect(reopened.accounts.list().map((account) => account.issuer)).toEqual(['Bank', 'Other']);
    expect(reopened.accounts.removed.list()).toEqual([]);
    expect(
      rowsOf(path, 'SELECT count(*) AS n FROM records WHERE kind = ?', REMOVED_ACCOUNT_KIND),
    ).toEqual([{ n: 0 }]);
    reopened.close();
  });

  it("does not open a removed account's record moved among the accounts by someone who can write the file", async () => {
    const { vault, path, bank } = await livedInVault();
    vault.accounts.remove(bank.id);
    vault.close();
    const db = new Database(path);
    db.prepare("UPDATE records SET kind = 'account' WHERE kind = ? AND id = ?").run(
      REMOVED_ACCOUNT_KIND,
      bank.id,
    );
    db.close();
    // The row no longer matches the vault's seal, and the record inside is bound to its kind,
    // id and parent: the vault is refused at unlock, naming the record.
    const error = await vaultRejectionOf(Vault.unlock(path, PASSWORD, FAST_KDF));
    expect(error.code).toBe('VAULT_DAMAGED');
    expect(error.details).toMatchObject({ part: 'state', kind: 'account', id: bank.id });
  });

  it('refuses to restore over records the vault holds again, and changes nothing', async () => {
    const { vault, bank } = await livedInVault();
    vault.accounts.remove(bank.id);
    // The account's id taken again (ids are random, so only a crafted vault does this).
    vault.transaction(() => {
      vault['context'].records().put('account', bank.id, null, {
        issuer: 'Impostor',
        accountName: '',
        url: '',
        notes: '',
        tags: [],
        createdAt: 0,
        updatedAt: 0,
        otp: null,
      });
    });
    expect(vaultErrorOf(() => vault.accounts.removed.restore(bank.id)).code).toBe('REFUSED');
    expect(vault.accounts.removed.list().map((removed) => removed.id)).toEqual([bank.id]);
    expect(vault.history.list(bank.id)).toEqual([]);
    vault.close();
  });
});
