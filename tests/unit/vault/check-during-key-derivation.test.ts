import { describe, expect, it } from 'vitest';
import type { KdfParams } from '../../../src/core/crypto/kdf.js';
import { makeSeed } from '../../../src/core/otp/seed.js';
import { Vault } from '../../../src/core/vault.js';
import { vaultRejectionOf } from '../../support/errors.js';
import {
  createTestVault,
  FAST_KDF,
  fastKeyDerivation,
  PASSWORD,
} from '../../support/temp-vault.js';
import { putRow, type RecordRow, recordRows, withFile } from '../../support/vault-file.js';

/**
 * Unlock reads and checks every row (the schema lock, SQLite's index check, each
 * row encoded for its tag) while Argon2id runs, before the key is known; once the
 * key is there it computes the tags from what it read. Whatever another program
 * commits to the file in between must not slip through: the rows are read again
 * and checked in full.
 */

const CODES = ['1111 1111', '2222 2222', '3333 3333'];

/** A vault with an account and its codes, one code marked used; the code set's row before that mark. */
async function vaultWithUsedCode(): Promise<{
  path: string;
  accountId: string;
  before: RecordRow;
}> {
  const { vault, path } = await createTestVault();
  const account = vault.accounts.add({
    issuer: 'Example',
    accountName: 'ana@example.com',
    seed: makeSeed({ secret: 'JBSWY3DPEHPK3PXP' }),
  });
  vault.backupCodes.add(account.id, { codes: CODES });
  vault.close();
  const before = withFile(path, (db) => recordRows(db).find((row) => row.kind === 'codeset')!);
  const again = await Vault.unlock(path, PASSWORD, FAST_KDF);
  again.backupCodes.use(account.id, { code: CODES[0]! });
  again.close();
  return { path, accountId: account.id, before };
}

/** Key derivation that does `meanwhile` to the file before it answers, as another program could. */
function derivationDoing(meanwhile: () => void | Promise<void>) {
  let calls = 0;
  return {
    deriveKey: async (password: string, params: KdfParams) => {
      calls++;
      // Unlock reads the rows as soon as the derivation has started: act after that.
      await new Promise((resolve) => setImmediate(resolve));
      await meanwhile();
      return fastKeyDerivation(password, params);
    },
    get calls() {
      return calls;
    },
  };
}

describe('the whole-vault check while the key is derived', () => {
  it('a code set rolled back to before its mark while the key is derived is refused', async () => {
    const { path, before } = await vaultWithUsedCode();
    const derivation = derivationDoing(() => withFile(path, (db) => putRow(db, before)));

    const refused = await vaultRejectionOf(Vault.unlock(path, PASSWORD, derivation));

    expect(derivation.calls).toBe(1);
    expect(refused.code).toBe('VAULT_DAMAGED');
    // An earlier copy of a row decrypts (its own version is in its associated data):
    // only the whole-vault check can tell, and does.
    expect(refused.message).toContain('not the ones Sparekey last wrote');
  });

  it('the same file opens when nothing changes meanwhile, with the code still used', async () => {
    const { path, accountId } = await vaultWithUsedCode();
    const vault = await Vault.unlock(
      path,
      PASSWORD,
      derivationDoing(() => undefined),
    );

    expect(vault.backupCodes.status(accountId).used).toBe(1);
    expect(vault.verifyDetailed().problems).toEqual([]);
    vault.close();
  });

  it('a change Sparekey commits elsewhere meanwhile is checked and seen, not refused', async () => {
    const { path, accountId } = await vaultWithUsedCode();
    const derivation = derivationDoing(async () => {
      const other = await Vault.unlock(path, PASSWORD, FAST_KDF);
      other.backupCodes.use(accountId, { code: CODES[1]! });
      other.close();
    });

    const vault = await Vault.unlock(path, PASSWORD, derivation);

    expect(vault.backupCodes.status(accountId).used).toBe(2);
    // Marking the third code writes on top of the state checked after the other's commit.
    vault.backupCodes.use(accountId, { code: CODES[2]! });
    vault.close();
    const reopened = await Vault.unlock(path, PASSWORD, FAST_KDF);
    expect(reopened.verifyDetailed().problems).toEqual([]);
    reopened.close();
  });

  it('damage found before the key is known is named with its account, once the key is there', async () => {
    const { path } = await vaultWithUsedCode();
    // A version beyond the state's counter: found while reading the rows, before any tag.
    withFile(path, (db) =>
      db.prepare("UPDATE records SET version = version + 100 WHERE kind = 'codeset'").run(),
    );

    const refused = await vaultRejectionOf(Vault.unlock(path, PASSWORD, FAST_KDF));

    expect(refused.code).toBe('VAULT_DAMAGED');
    expect(refused.details).toMatchObject({ reason: 'future-row', kind: 'codeset' });
    expect(refused.message).toContain('the codeset record');
    expect(refused.message).toContain('Example (ana@example.com)');
  });

  it('a wrong password is said before damage found while the key was derived', async () => {
    const { path, before } = await vaultWithUsedCode();
    withFile(path, (db) => putRow(db, before));

    const refused = await vaultRejectionOf(
      Vault.unlock(
        path,
        'not the password',
        derivationDoing(() => undefined),
      ),
    );
    expect(refused.code).toBe('WRONG_PASSWORD');
    const damaged = await vaultRejectionOf(Vault.unlock(path, PASSWORD, FAST_KDF));
    expect(damaged.code).toBe('VAULT_DAMAGED');
  });
});

describe('the check prepared while the password is typed (prepareUnlock)', () => {
  it('is used when nothing changed, and the vault opens with the code still used', async () => {
    const { path, accountId } = await vaultWithUsedCode();
    const vault = Vault.open(path, FAST_KDF);
    vault.prepareUnlock();
    await vault.unlock(PASSWORD);
    expect(vault.backupCodes.status(accountId).used).toBe(1);
    expect(vault.verifyDetailed().problems).toEqual([]);
    vault.close();
  });

  it('a code set rolled back after it was prepared is refused at unlock', async () => {
    const { path, before } = await vaultWithUsedCode();
    const vault = Vault.open(path, FAST_KDF);
    vault.prepareUnlock();
    withFile(path, (db) => putRow(db, before));

    const refused = await vaultRejectionOf(vault.unlock(PASSWORD));

    expect(refused.code).toBe('VAULT_DAMAGED');
    expect(refused.message).toContain('not the ones Sparekey last wrote');
    vault.close();
  });

  it('damage found when it was prepared is looked for again at unlock: a file put right since opens', async () => {
    const { path } = await vaultWithUsedCode();
    const original = withFile(path, (db) =>
      db.prepare("SELECT rowid, version FROM records WHERE kind = 'codeset'").get(),
    ) as { rowid: number; version: number };
    withFile(path, (db) =>
      db.prepare('UPDATE records SET version = version + 100 WHERE rowid = ?').run(original.rowid),
    );
    const vault = Vault.open(path, FAST_KDF);
    vault.prepareUnlock();
    withFile(path, (db) =>
      db
        .prepare('UPDATE records SET version = ? WHERE rowid = ?')
        .run(original.version, original.rowid),
    );

    await vault.unlock(PASSWORD);
    expect(vault.verifyDetailed().problems).toEqual([]);
    vault.close();
  });

  it('a password changed elsewhere after it was prepared: the new password opens the vault', async () => {
    const { path, accountId } = await vaultWithUsedCode();
    const vault = Vault.open(path, FAST_KDF);
    vault.prepareUnlock();
    const other = await Vault.unlock(path, PASSWORD, FAST_KDF);
    await other.changePassword(PASSWORD, 'another password entirely');
    other.close();

    expect((await vaultRejectionOf(vault.unlock(PASSWORD))).code).toBe('WRONG_PASSWORD');
    vault.prepareUnlock();
    await vault.unlock('another password entirely');
    expect(vault.backupCodes.status(accountId).used).toBe(1);
    vault.close();
  });
});
