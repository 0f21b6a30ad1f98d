import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { makeSeed } from '../../../src/core/otp/seed.js';
import { VaultDatabase } from '../../../src/core/storage/database.js';
import { Vault } from '../../../src/core/vault.js';
import { vaultRejectionOf } from '../../support/errors.js';
import { createTestVault, FAST_KDF, PASSWORD } from '../../support/temp-vault.js';

/**
 * The check at unlock reads every row (in chunks of rowids, the nonce as hex text:
 * vault-state.ts). Whatever way the rows are read, every one of them must count.
 */
async function vaultOf(accounts: number): Promise<string> {
  const { vault, path } = await createTestVault();
  vault.transaction(() => {
    for (let index = 0; index < accounts; index++) {
      const id = vault.accounts.add({
        issuer: `Site ${index}`,
        seed: makeSeed({ secret: 'JBSWY3DPEHPK3PXP' }),
      }).id;
      vault.backupCodes.add(id, { codes: [`${index}1111111`, `${index}2222222`] });
    }
  });
  vault.close();
  return path;
}

function withFile<T>(path: string, fn: (db: Database.Database) => T): T {
  const db = new Database(path);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const unlock = (path: string) => Vault.unlock(path, PASSWORD, FAST_KDF);
const rowCount = (path: string) =>
  withFile(
    path,
    (db) => (db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n,
  );

describe('the check at unlock reads every row', () => {
  it('a vault of several thousand rows opens, and a row changed near its end is refused', async () => {
    const path = await vaultOf(1200);
    expect(rowCount(path)).toBeGreaterThan(2 * 2048);
    const vault = await unlock(path);
    expect(vault.verifyDetailed().problems).toEqual([]);
    vault.close();

    withFile(path, (db) => {
      const last = db.prepare('SELECT max(rowid) AS r FROM records').get() as { r: number };
      db.prepare('UPDATE records SET nonce = randomblob(24) WHERE rowid = ?').run(last.r);
    });
    const error = await vaultRejectionOf(unlock(path));
    expect(error.code).toBe('VAULT_DAMAGED');
    expect(error.details).toMatchObject({ part: 'state' });
  });

  it("a row planted at SQLite's smallest rowid, below where reading starts, is refused", async () => {
    const path = await vaultOf(2);
    withFile(path, (db) =>
      db
        .prepare(
          `INSERT INTO records (rowid, kind, id, parent, version, nonce, body)
           SELECT -9223372036854775808, kind, 'planted', parent, version, nonce, body
           FROM records WHERE kind = 'account' LIMIT 1`,
        )
        .run(),
    );
    const error = await vaultRejectionOf(unlock(path));
    expect(error.code).toBe('VAULT_DAMAGED');
    expect(error.details).toMatchObject({ part: 'state', reason: 'malformed-row' });
  });

  it('a nonce that is not a 24-byte blob is a malformed row, named', async () => {
    for (const nonce of ['hex(nonce)', 'substr(nonce, 1, 23)', "nonce || x'00'"]) {
      const path = await vaultOf(1);
      const target = withFile(path, (db) => {
        const row = db.prepare("SELECT id FROM records WHERE kind = 'otp'").get() as { id: string };
        db.prepare(`UPDATE records SET nonce = ${nonce} WHERE kind = 'otp'`).run();
        return row.id;
      });
      const error = await vaultRejectionOf(unlock(path));
      expect(error.code).toBe('VAULT_DAMAGED');
      expect(error.details).toMatchObject({ reason: 'malformed-row', kind: 'otp', id: target });
    }
  });
});

describe('the page cache during the check at unlock', () => {
  it('holds the whole file while the check reads it twice, then is put back as it was', async () => {
    const path = await vaultOf(300);
    const db = VaultDatabase.openExisting(path);
    try {
      const cacheSize = () => db.statement('PRAGMA cache_size').pluck().get() as number;
      const pages = db.statement('PRAGMA page_count').pluck().get() as number;
      // A cache smaller than the file, as the default is for a large vault.
      db.exec('PRAGMA cache_size = 10');
      expect(pages).toBeGreaterThan(10);
      const inside = db.withWholeFileCached(() => cacheSize());
      expect(inside).toBeGreaterThanOrEqual(pages);
      expect(cacheSize()).toBe(10);
      // Put back even when the work throws.
      expect(() =>
        db.withWholeFileCached(() => {
          throw new Error('the work failed');
        }),
      ).toThrow('the work failed');
      expect(cacheSize()).toBe(10);
      // A cache already large enough is left alone.
      db.exec('PRAGMA cache_size = -64000');
      expect(db.withWholeFileCached(() => cacheSize())).toBe(-64000);
    } finally {
      db.close();
    }
  });
});
