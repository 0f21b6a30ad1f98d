import type Database from 'better-sqlite3';
import { copyFileSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeSeed } from '../../../src/core/otp/seed.js';
import { FileCounterMemory } from '../../../src/core/storage/counter-memory.js';
import { Vault } from '../../../src/core/vault.js';
import { vaultErrorOf, vaultRejectionOf } from '../../support/errors.js';
import { editHeader, rebuildIndexAs, type RecordRow, withFile } from '../../support/vault-file.js';
import { createTestVault, FAST_KDF, PASSWORD, tempFolder } from '../../support/temp-vault.js';

const CODES = ['1111 1111', '2222 2222', '3333 3333', '4444 4444'];

/** A closed vault with one account holding a seed and a set of backup codes. */
async function vaultWithCodes(options: Parameters<typeof createTestVault>[0] = {}) {
  const { vault, path } = await createTestVault(options);
  const account = vault.accounts.add({
    issuer: 'Bank',
    accountName: 'me@example.com',
    seed: makeSeed({ secret: 'JBSWY3DPEHPK3PXP' }),
  });
  vault.backupCodes.add(account.id, { codes: CODES });
  vault.close();
  return { path, accountId: account.id };
}

type Row = Omit<RecordRow, 'rowid'>;
const rowOf = (db: Database.Database, kind: string, parent?: string) =>
  db
    .prepare(`SELECT * FROM records WHERE kind = ?${parent ? ' AND parent = ?' : ''}`)
    .get(...(parent ? [kind, parent] : [kind])) as Row;

const unlock = (path: string, options = {}) =>
  Vault.unlock(path, PASSWORD, { ...FAST_KDF, ...options });

async function useCode(path: string, accountId: string, code: string, options = {}) {
  const vault = await unlock(path, options);
  try {
    vault.backupCodes.use(accountId, { code });
  } finally {
    vault.close();
  }
}

describe('the schema lock', () => {
  it('refuses a trigger planted to undo marking a code used, naming it', async () => {
    const { path } = await vaultWithCodes();
    withFile(path, (db) =>
      db.exec(`CREATE TRIGGER keep_codes BEFORE UPDATE ON records WHEN old.kind = 'codeset'
               BEGIN SELECT RAISE(IGNORE); END`),
    );
    const error = vaultErrorOf(() => Vault.open(path, FAST_KDF));
    expect(error.code).toBe('VAULT_DAMAGED');
    expect(error.message).toContain('a trigger named "keep_codes" that Sparekey does not create');
    expect(error.details).toMatchObject({ part: 'schema' });
  });

  it('refuses a view, an extra table and a changed definition', async () => {
    for (const [sql, words] of [
      ['CREATE VIEW everything AS SELECT * FROM records', 'a view named "everything"'],
      ['CREATE TABLE notes (x)', 'a table named "notes"'],
      [
        'DROP INDEX records_by_parent; CREATE INDEX records_by_parent ON records (parent)',
        'an index named "records_by_parent" whose definition was changed',
      ],
    ] as const) {
      const { path } = await vaultWithCodes();
      withFile(path, (db) => db.exec(sql));
      const error = vaultErrorOf(() => Vault.open(path, FAST_KDF));
      expect(error.code).toBe('VAULT_DAMAGED');
      expect(error.message).toContain(words);
    }
  });

  it('a trigger planted while the vault is open to ignore a write is refused at that write, and changes nothing', async () => {
    const { path, accountId } = await vaultWithCodes();
    const vault = await unlock(path);
    withFile(path, (db) =>
      db.exec(`CREATE TRIGGER keep_codes BEFORE UPDATE ON records WHEN old.kind = 'codeset'
               BEGIN SELECT RAISE(IGNORE); END`),
    );
    const error = vaultErrorOf(() => vault.backupCodes.use(accountId, { code: CODES[0]! }));
    expect(error.code).toBe('VAULT_DAMAGED');
    expect(error.message).toContain('a trigger named "keep_codes" that Sparekey does not create');
    vault.close();
    withFile(path, (db) => db.exec('DROP TRIGGER keep_codes'));
    const reopened = await unlock(path);
    expect(reopened.backupCodes.status(accountId).remaining).toBe(CODES.length);
    reopened.close();
  });
});

describe('the schema lock while the vault is open', () => {
  it('a trigger planted after unlock that puts a code set back is refused at the next write, naming it', async () => {
    const { path, accountId } = await vaultWithCodes();
    const vault = await unlock(path);
    // An AFTER trigger lets the write report one changed row, then undoes it.
    withFile(path, (db) =>
      db.exec(`CREATE TRIGGER put_back AFTER UPDATE ON records WHEN new.kind = 'codeset'
               BEGIN UPDATE records SET version = old.version, nonce = old.nonce, body = old.body
                 WHERE rowid = new.rowid; END`),
    );
    const error = vaultErrorOf(() => vault.backupCodes.use(accountId, { code: CODES[0]! }));
    expect(error.code).toBe('VAULT_DAMAGED');
    expect(error.message).toContain('a trigger named "put_back" that Sparekey does not create');
    expect(vault.verify().join(' ')).toContain('a trigger named "put_back"');
    vault.close();
  });
});

describe('the whole vault is sealed', () => {
  it('a code set put back to its copy from before a code was used is refused at unlock', async () => {
    const { path, accountId } = await vaultWithCodes();
    const before = withFile(path, (db) => rowOf(db, 'codeset', accountId));
    await useCode(path, accountId, CODES[0]!);
    withFile(path, (db) =>
      db
        .prepare('UPDATE records SET version = ?, nonce = ?, body = ? WHERE kind = ? AND id = ?')
        .run(before.version, before.nonce, before.body, 'codeset', before.id),
    );
    const error = await vaultRejectionOf(unlock(path));
    expect(error.code).toBe('VAULT_DAMAGED');
    expect(error.details).toMatchObject({ part: 'state', reason: 'mismatch' });
    expect(error.message).toContain('was changed outside Sparekey');
  });

  it("deleting an account's seed row, or its account row, is refused", async () => {
    for (const kind of ['otp', 'account']) {
      const { path } = await vaultWithCodes();
      withFile(path, (db) => db.prepare('DELETE FROM records WHERE kind = ?').run(kind));
      expect((await vaultRejectionOf(unlock(path))).code).toBe('VAULT_DAMAGED');
    }
  });

  it('moving a code set to another account is refused, naming the record and the account', async () => {
    const { path, accountId } = await vaultWithCodes();
    const vault = await unlock(path);
    const other = vault.accounts.add({ issuer: 'Other' });
    vault.close();
    const set = withFile(path, (db) => rowOf(db, 'codeset', accountId));
    withFile(path, (db) =>
      db
        .prepare('UPDATE records SET parent = ? WHERE kind = ? AND id = ?')
        .run(other.id, 'codeset', set.id),
    );
    const error = await vaultRejectionOf(unlock(path));
    expect(error.code).toBe('VAULT_DAMAGED');
    expect(error.details).toMatchObject({ kind: 'codeset', id: set.id, account: 'Other' });
    expect(error.message).toContain(
      `the codeset record ${set.id} of Other is not the one Sparekey wrote`,
    );
  });

  it('a record inserted from another vault, and a state row from an earlier moment, are refused', async () => {
    const { path, accountId } = await vaultWithCodes();
    const { path: otherPath } = await vaultWithCodes();
    const foreign = withFile(otherPath, (db) => rowOf(db, 'account'));
    withFile(path, (db) =>
      db
        .prepare(
          'INSERT INTO records (kind, id, parent, version, nonce, body) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run('account', foreign.id, null, foreign.version, foreign.nonce, foreign.body),
    );
    expect((await vaultRejectionOf(unlock(path))).code).toBe('VAULT_DAMAGED');

    const { path: third, accountId: thirdAccount } = await vaultWithCodes();
    const state = withFile(
      third,
      (db) => db.prepare('SELECT * FROM vault_state').get() as { counter: number; mac: Buffer },
    );
    await useCode(third, thirdAccount, CODES[1]!);
    withFile(third, (db) =>
      db.prepare('UPDATE vault_state SET counter = ?, mac = ?').run(state.counter, state.mac),
    );
    const error = await vaultRejectionOf(unlock(third));
    expect(error.code).toBe('VAULT_DAMAGED');
    expect(error.details).toMatchObject({ reason: 'future-row' });
    expect(accountId).not.toBe(thirdAccount);
  });

  it("a code set hidden from the index that finds an account's records is refused at unlock", async () => {
    const { path, accountId } = await vaultWithCodes();
    // The index is rebuilt without the code set, then its definition put back as it was:
    // the schema is exactly Sparekey's, every row is still in the table, but a lookup
    // of the account's records no longer finds the code set.
    rebuildIndexAs(
      path,
      'records_by_parent',
      "CREATE INDEX records_by_parent ON records (parent, kind) WHERE parent IS NOT NULL AND kind <> 'codeset'",
    );
    const error = await vaultRejectionOf(unlock(path));
    expect(error.code).toBe('VAULT_DAMAGED');
    expect(error.details).toMatchObject({ part: 'state', reason: 'index' });
    expect(error.message).toContain('was changed outside Sparekey');
    expect(accountId).toBeTruthy();
  });

  it('a code set put back by another program while the vault is open is refused at the next read', async () => {
    const { path, accountId } = await vaultWithCodes();
    const before = withFile(path, (db) => rowOf(db, 'codeset', accountId));
    const vault = await unlock(path);
    vault.backupCodes.use(accountId, { code: CODES[0]! });
    expect(vault.backupCodes.status(accountId).remaining).toBe(CODES.length - 1);
    withFile(path, (db) =>
      db
        .prepare('UPDATE records SET version = ?, nonce = ?, body = ? WHERE kind = ? AND id = ?')
        .run(before.version, before.nonce, before.body, 'codeset', before.id),
    );
    const error = vaultErrorOf(() => vault.backupCodes.status(accountId));
    expect(error.code).toBe('VAULT_DAMAGED');
    expect(error.message).toContain('was changed outside Sparekey');
    // Nor does a write seal it in.
    expect(vaultErrorOf(() => vault.settings.update({ autoLockMinutes: 3 })).code).toBe(
      'VAULT_DAMAGED',
    );
    vault.close();
  });

  it('verify reports a change made after unlock', async () => {
    const { path, accountId } = await vaultWithCodes();
    const vault = await unlock(path);
    withFile(path, (db) => db.prepare("DELETE FROM records WHERE kind = 'otp'").run());
    expect(vault.verify().join(' ')).toContain('was changed outside Sparekey');
    vault.close();
    expect(accountId).toBeTruthy();
  });
});

describe('the header', () => {
  it('format 0 is damage, not an unexpected error', async () => {
    const { path } = await vaultWithCodes();
    editHeader(path, (row) => (row.format = 0));
    const error = vaultErrorOf(() => Vault.open(path, FAST_KDF));
    expect(error.code).toBe('VAULT_DAMAGED');
    expect(error.message).not.toMatch(/already exists/);
  });

  it('key-derivation settings out of range are refused before any key is derived', async () => {
    const cases: [(kdf: Record<string, unknown>) => void, string][] = [
      [
        (kdf) => (kdf.salt = Buffer.alloc(1).toString('base64')),
        'the key-derivation salt is 1 byte long, shorter than the 16 bytes Sparekey requires',
      ],
      [
        (kdf) => Object.assign(kdf, { memoryKiB: 8, lanes: 64 }),
        'less than the 64 MiB Sparekey requires',
      ],
      [(kdf) => (kdf.memoryKiB = 64 * 1024 * 1024), 'more than the 1024 MiB Sparekey allows'],
      [(kdf) => (kdf.passes = 1000), 'more than the 10 Sparekey allows'],
    ];
    for (const [change, words] of cases) {
      const { path } = await vaultWithCodes();
      editHeader(path, (row) => {
        const kdf = JSON.parse(row.kdf as string) as Record<string, unknown>;
        change(kdf);
        row.kdf = JSON.stringify(kdf);
      });
      let derived = 0;
      const error = await vaultRejectionOf(
        Vault.unlock(path, PASSWORD, {
          deriveKey: (...args) => {
            derived++;
            return FAST_KDF.deriveKey(...args);
          },
        }),
      );
      expect(error.code).toBe('VAULT_DAMAGED');
      expect(error.message).toContain(words);
      expect(derived).toBe(0);
    }
  });

  it('the key-derivation settings rewritten with the same values in another form are damage', async () => {
    const rewrites: ((kdf: Record<string, unknown>) => string)[] = [
      (kdf) => JSON.stringify(kdf, null, 1),
      (kdf) => JSON.stringify({ ...kdf, extra: 1 }),
      (kdf) => JSON.stringify(Object.fromEntries(Object.entries(kdf).reverse())),
    ];
    for (const rewrite of rewrites) {
      const { path } = await vaultWithCodes();
      editHeader(path, (row) => (row.kdf = rewrite(JSON.parse(row.kdf as string))));
      const error = await vaultRejectionOf(unlock(path));
      expect(error.code).toBe('VAULT_DAMAGED');
      expect(error.details).toMatchObject({ part: 'header' });
    }
  });

  it('a vault made with its key-derivation cost given in another order opens', async () => {
    const { vault, path } = await createTestVault({
      kdfCost: { lanes: 4, passes: 3, memoryKiB: 64 * 1024 },
    });
    vault.close();
    const reopened = await unlock(path);
    expect(reopened.kdfParameters).toEqual({ memoryKiB: 64 * 1024, passes: 3, lanes: 4 });
    reopened.close();
  });

  it('a second header row is damage, wherever it sorts', async () => {
    for (const singleton of [0, 2]) {
      const { path } = await vaultWithCodes();
      withFile(path, (db) => {
        // CHECK (singleton = 1) holds only for those who do not turn it off.
        db.pragma('ignore_check_constraints = ON');
        db.prepare(
          `INSERT INTO vault_header (singleton, magic, format, vault_id, kdf, key_slot, checksum)
           SELECT ?, magic, format, vault_id, kdf, key_slot, checksum FROM vault_header`,
        ).run(singleton);
      });
      const error = vaultErrorOf(() => Vault.open(path, FAST_KDF));
      expect(error.code).toBe('VAULT_DAMAGED');
      expect(error.message).toContain('more than one header');
    }
  });

  it('a header field changed with its checksum recomputed does not unlock', async () => {
    const { path } = await vaultWithCodes();
    editHeader(path, (row) => {
      const kdf = JSON.parse(row.kdf as string) as Record<string, unknown>;
      kdf.passes = 4;
      row.kdf = JSON.stringify(kdf);
    });
    expect((await vaultRejectionOf(unlock(path))).code).toBe('WRONG_PASSWORD');
  });
});

describe('changing the password rotates the vault key', () => {
  it('a copy from before the change and the old password open none of what was written after', async () => {
    const { path, accountId } = await vaultWithCodes();
    const copy = join(tempFolder(), 'before.sparekey');
    copyFileSync(path, copy);
    const vault = await unlock(path);
    await vault.changePassword(PASSWORD, 'a brand new password');
    const later = vault.accounts.add({
      issuer: 'Added after the change',
      seed: makeSeed({
        secret: 'KRUGKIDROVUWG2ZAMJZG653OEBTG66BANJ2W24DTEBXXMZLSEB2GQZJANRQXU6JAMRXWOLQ',
      }),
    });
    vault.close();

    // The old key, as someone holding the copy and the old password gets it.
    const old = await unlock(copy);
    const oldKey = (old as unknown as { key: Uint8Array }).key.slice();
    old.close();
    const current = await Vault.unlock(path, 'a brand new password', FAST_KDF);
    const currentKey = (current as unknown as { key: Uint8Array }).key;
    expect(Buffer.from(currentKey).equals(Buffer.from(oldKey))).toBe(false);
    expect(current.accounts.get(later.id).issuer).toBe('Added after the change');
    expect(current.backupCodes.status(accountId).remaining).toBe(CODES.length);
    current.close();
    await expect(unlock(path)).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
  });

  it('goes on from the state it sealed, and still refuses a row changed elsewhere after it', async () => {
    const { path, accountId } = await vaultWithCodes();
    const vault = await unlock(path);
    try {
      await vault.changePassword(PASSWORD, 'a brand new password');
      // The sealed state is the vault's: this write is MACed over it, and the file opens after.
      vault.backupCodes.use(accountId, { code: CODES[0]! });
      // Another program puts the code set back as it was before the write.
      const before = withFile(path, (db) => rowOf(db, 'codeset', accountId));
      vault.backupCodes.use(accountId, { code: CODES[1]! });
      withFile(path, (db) =>
        db
          .prepare('UPDATE records SET version = ?, nonce = ?, body = ? WHERE kind = ? AND id = ?')
          .run(before.version, before.nonce, before.body, before.kind, before.id),
      );
      expect(vaultErrorOf(() => vault.backupCodes.use(accountId, { code: CODES[2]! })).code).toBe(
        'VAULT_DAMAGED',
      );
    } finally {
      vault.close();
    }
    const reopened = await Vault.unlock(path, 'a brand new password', FAST_KDF).catch(
      (error: unknown) => error,
    );
    expect(reopened).toMatchObject({ code: 'VAULT_DAMAGED' });
  });

  it('opens under the new password after the change and the writes that follow it', async () => {
    const { path, accountId } = await vaultWithCodes();
    const vault = await unlock(path);
    await vault.changePassword(PASSWORD, 'a brand new password');
    vault.backupCodes.use(accountId, { code: CODES[0]! });
    vault.close();
    const reopened = await Vault.unlock(path, 'a brand new password', FAST_KDF);
    expect(reopened.backupCodes.status(accountId).remaining).toBe(CODES.length - 1);
    reopened.close();
  });

  it('refuses, changing nothing, when a record far into the vault does not decrypt', async () => {
    const { vault, path } = await createTestVault();
    // More rows than one chunk of the re-encryption, the damaged one among the last.
    vault.transaction(() => {
      for (let index = 0; index < 1500; index++) {
        vault.accounts.add({ issuer: `Site ${index}`, accountName: `user${index}` });
      }
    });
    vault.close();
    const last = withFile(path, (db) => {
      const row = db
        .prepare("SELECT rowid, body FROM records WHERE kind = 'account' ORDER BY rowid DESC")
        .get() as { rowid: number; body: Buffer };
      row.body[0]! ^= 1; // the tag covers the nonce, not the body: only decrypting sees this
      db.prepare('UPDATE records SET body = ? WHERE rowid = ?').run(row.body, row.rowid);
      return row.rowid;
    });
    const before = withFile(path, (db) => db.prepare('SELECT * FROM records').all());
    // Unlocking decrypts no record; the password change is refused before it commits.
    const opened = await unlock(path);
    const error = await opened
      .changePassword(PASSWORD, 'a brand new password')
      .catch((thrown: unknown) => thrown);
    opened.close();
    expect(error).toMatchObject({ code: 'VAULT_DAMAGED', details: { part: 'record' } });
    await expect(unlock(path).then((again) => again.close())).resolves.toBeUndefined();
    expect(withFile(path, (db) => db.prepare('SELECT * FROM records').all())).toEqual(before);
    expect(last).toBeGreaterThan(1024);
  });

  it('leaves no old ciphertext, nonce or key slot in the file or its WAL', async () => {
    const { path } = await vaultWithCodes();
    const before = withFile(path, (db) => ({
      rows: db.prepare('SELECT nonce, body FROM records').all() as {
        nonce: Buffer;
        body: Buffer;
      }[],
      slot: (db.prepare('SELECT key_slot FROM vault_header').get() as { key_slot: Buffer })
        .key_slot,
    }));
    const vault = await unlock(path);
    await vault.changePassword(PASSWORD, 'a brand new password');
    const bytes = Buffer.concat(
      [path, `${path}-wal`].filter((file) => existsSync(file)).map((file) => readFileSync(file)),
    );
    vault.close();
    for (const { nonce, body } of before.rows) {
      expect(bytes.includes(nonce)).toBe(false);
      expect(bytes.includes(body.subarray(0, 32))).toBe(false);
    }
    expect(bytes.includes(before.slot)).toBe(false);
  });
});

describe("this computer's memory of each vault", () => {
  it('says how many changes are missing when the file is replaced by an older copy, then goes on', async () => {
    const memory = new FileCounterMemory(join(tempFolder(), 'seen-vaults.json'));
    const { path, accountId } = await vaultWithCodes({ counterMemory: memory });
    const copy = join(tempFolder(), 'older.sparekey');
    copyFileSync(path, copy);
    await useCode(path, accountId, CODES[0]!, { counterMemory: memory });
    await useCode(path, accountId, CODES[1]!, { counterMemory: memory });
    copyFileSync(copy, path);

    const vault = await unlock(path, { counterMemory: memory });
    expect(vault.olderThanLastSeen).toMatchObject({ missingChanges: 2 });
    vault.acceptOlderVault();
    vault.close();
    const again = await unlock(path, { counterMemory: memory });
    expect(again.olderThanLastSeen).toBeNull();
    again.close();
  });

  it('a memory that cannot be written never stops an unlock, a lock or a close', async () => {
    // A folder where the memory's file should be: every write of it fails.
    const folder = tempFolder();
    const memory = new FileCounterMemory(folder);
    const { path, accountId } = await vaultWithCodes({ counterMemory: memory });
    await useCode(path, accountId, CODES[0]!, { counterMemory: memory });
    const vault = await unlock(path, { counterMemory: memory });
    expect(vault.olderThanLastSeen).toBeNull();
    vault.close();
  });

  it('a WAL cut off after the last commit loses that commit, and the memory notices', async () => {
    const memory = new FileCounterMemory(join(tempFolder(), 'seen-vaults.json'));
    const { path, accountId } = await vaultWithCodes({ counterMemory: memory });
    const vault = await unlock(path, { counterMemory: memory });
    vault.database.checkpointAndTruncateWal();
    const main = readFileSync(path);
    vault.backupCodes.use(accountId, { code: CODES[0]! });
    // What a crash and a lost WAL leave: the main file as it was before the commit.
    const wal = readFileSync(`${path}-wal`);
    expect(wal.length).toBeGreaterThan(0);
    vault.close();
    const { writeFileSync, rmSync } = await import('node:fs');
    writeFileSync(path, main);
    rmSync(`${path}-wal`, { force: true });
    const reopened = await unlock(path, { counterMemory: memory });
    expect(reopened.olderThanLastSeen).toMatchObject({ missingChanges: 1 });
    reopened.close();
  });
});
