import { sha256 } from '@noble/hashes/sha2.js';
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeFields } from '../../../src/core/crypto/bytes.js';
import { CURRENT_FORMAT, SCHEMA_QUERY, expectedSchema } from '../../../src/core/storage/schema.js';
import { Vault } from '../../../src/core/vault.js';
import { runCli } from '../../support/cli.js';
import { vaultErrorOf, vaultRejectionOf } from '../../support/errors.js';
import { createTestVault, tempFolder } from '../../support/temp-vault.js';

/**
 * The vaults written by Sparekey before format 2 and before format 3
 * (tests/fixtures/vaults/README.md says how each was made and what it holds: the
 * same accounts, made by the same commands). Opened with the real Argon2id: their
 * parameters are the real defaults (64 MiB, 3 passes, 4 lanes).
 */
const OLDER_VAULTS = [
  {
    format: 1,
    file: resolve('tests/fixtures/vaults/format-1.sparekey'),
    password: 'format one fixture password',
    ids: {
      github: 'a4f967e2342cf616',
      bank: '547e433fc1d13cdc',
      shop: '28b1699e7e1a7c28',
      contact: 'b7453045894554b2',
    },
    /** Its write counter (format 1 has none). */
    counter: 0,
  },
  {
    format: 2,
    file: resolve('tests/fixtures/vaults/format-2.sparekey'),
    password: 'format two fixture password',
    ids: {
      github: '48a0f7ce57667d80',
      bank: 'e91deae59bb7c254',
      shop: '9d28e7329e860094',
      contact: 'd8ff0c02555e28af',
    },
    counter: 8,
  },
] as const;

/** A copy of a fixture in a fresh temp folder (the fixture itself is never opened for writing). */
function fixtureCopy(file: string): string {
  const path = join(tempFolder(), 'vault.sparekey');
  copyFileSync(file, path);
  return path;
}

function readFile<T>(path: string, fn: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/**
 * Offsets in SQLite's file header that its online backup (and switching the copy to a
 * rollback journal) may change: the write and read versions (WAL or rollback journal), the
 * file change counter, the schema cookie, and the version-valid-for number
 * (https://www.sqlite.org/fileformat2.html#the_database_header).
 */
const SQLITE_HEADER_FIELDS_A_COPY_CHANGES = [
  18, 19, 24, 25, 26, 27, 40, 41, 42, 43, 92, 93, 94, 95,
];

function differingOffsets(a: Uint8Array, b: Uint8Array): number[] {
  const offsets: number[] = [];
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) offsets.push(index);
  return offsets;
}

const headerFormat = (path: string) =>
  readFile(
    path,
    (db) => (db.prepare('SELECT format FROM vault_header').get() as { format: number }).format,
  );

describe.each(OLDER_VAULTS)('a vault written by format $format of Sparekey', (older) => {
  const { format, password: PASSWORD } = older;
  const { github: GITHUB, bank: BANK, shop: SHOP, contact: CONTACT } = older.ids;
  const keptName = (attempt = 1) =>
    `vault.format-${format}${attempt === 1 ? '' : `-${attempt}`}.sparekey`;

  it('is upgraded on its first unlock, keeping the older file as it was, and reads back in full', async () => {
    const path = fixtureCopy(older.file);
    const fixtureBytes = readFileSync(older.file);
    const vault = await Vault.unlock(path, PASSWORD);
    try {
      const kept = join(path, '..', keptName());
      expect(vault.upgradedFrom).toEqual({ fromFormat: format, copy: kept });
      expect(headerFormat(path)).toBe(CURRENT_FORMAT);
      // The kept file is the older vault, unchanged: it still opens as that format, and
      // every page is the fixture's byte for byte. Only SQLite's own 100-byte file header
      // differs, as SQLite's online backup writes it: rollback journal instead of WAL (so
      // the copy is one file), its change counter and schema cookie.
      expect(headerFormat(kept)).toBe(format);
      const keptBytes = readFileSync(kept);
      expect(keptBytes.length).toBe(fixtureBytes.length);
      expect(keptBytes.subarray(100).equals(fixtureBytes.subarray(100))).toBe(true);
      expect(differingOffsets(keptBytes.subarray(0, 100), fixtureBytes.subarray(0, 100))).toEqual(
        expect.arrayContaining([18, 19]),
      );
      for (const offset of differingOffsets(
        keptBytes.subarray(0, 100),
        fixtureBytes.subarray(0, 100),
      )) {
        expect(SQLITE_HEADER_FIELDS_A_COPY_CHANGES).toContain(offset);
      }
      expect([keptBytes[18], keptBytes[19]]).toEqual([1, 1]);

      // Sealed at the next counter (1 for format 1, which had none).
      expect(vault.writeCounter).toBe(older.counter + 1);
      expect(
        vault.accounts
          .list()
          .map((account) => account.issuer)
          .sort(),
      ).toEqual(['Bank', 'GitHub', 'Shop']);
      const github = vault.accounts.get(GITHUB);
      expect(github.accountName).toBe('octocat');
      expect(vault.accounts.revealSeed(GITHUB).seed).toMatchObject({
        type: 'totp',
        secret: 'JBSWY3DPEHPK3PXP',
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
      });

      expect(vault.backupCodes.status(GITHUB)).toMatchObject({ total: 4, used: 1, remaining: 3 });
      const [set] = vault.backupCodes.sets(GITHUB);
      const revealed = vault.backupCodes.reveal(GITHUB, set!.id);
      const used = revealed.codes.filter((code) => code.usedAt !== null);
      expect(used.map((code) => [code.code, code.note])).toEqual([
        ['3333-4444', 'signed in on the new laptop'],
      ]);
      // Still used after the upgrade: marking it again is refused.
      expect(() => vault.backupCodes.use(GITHUB, { code: '3333-4444' })).toThrow(/already used/);

      expect(vault.contacts.get(CONTACT)).toMatchObject({
        kind: 'email',
        value: 'me@example.com',
        label: 'personal mail',
      });
      expect(vault.recovery.get(BANK)).toMatchObject({
        recoveryContactIds: [CONTACT],
        supportUrl: 'https://bank.example/recover',
      });
      expect(vault.accounts.get(BANK)).toMatchObject({ notes: 'card ends 4242' });
      expect(vault.logins.get(SHOP)).toMatchObject({ username: 'shopper', hasPassword: true });
      expect(vault.logins.revealPassword(SHOP)).toBe('bank login password 1');

      // Each write after it counts on (revealing a secret above is recorded, a write too).
      const counter = vault.writeCounter;
      vault.backupCodes.use(GITHUB, { code: '5555-6666' });
      expect(vault.writeCounter).toBe(counter + 1);
      expect(vault.verifyDetailed()).toMatchObject({ problems: [], counter: counter + 1 });
    } finally {
      vault.close();
    }

    const written = readFile(
      path,
      (db) => (db.prepare('SELECT counter FROM vault_state').get() as { counter: number }).counter,
    );
    const again = await Vault.unlock(path, PASSWORD);
    try {
      expect(again.upgradedFrom).toBeNull();
      expect(again.writeCounter).toBe(written);
      expect(written).toBeGreaterThan(2);
      expect(again.backupCodes.status(GITHUB)).toMatchObject({ used: 2, remaining: 2 });
    } finally {
      again.close();
    }
    expect(existsSync(join(path, '..', keptName(2)))).toBe(false);
  });

  it('is upgraded in one transaction: a failure half way through leaves the older vault as it was', async () => {
    const path = fixtureCopy(older.file);
    const rowsBefore = readFile(path, (db) =>
      db.prepare('SELECT kind, id, parent, nonce, body FROM records ORDER BY rowid').all(),
    );
    // The random source fails on the 7th nonce: the key slot's, then five records re-encrypted.
    let nonces = 0;
    const failing = {
      bytes: (length: number) => {
        if (++nonces === 7) throw new Error('the random source failed');
        return new Uint8Array(Buffer.alloc(length, nonces));
      },
    };
    await expect(Vault.unlock(path, PASSWORD, { random: failing })).rejects.toThrow(
      'the random source failed',
    );
    expect(nonces).toBe(7);

    // Still the older format throughout: its header, its schema, its rows.
    expect(headerFormat(path)).toBe(format);
    readFile(path, (db) => {
      expect(db.prepare(SCHEMA_QUERY).all()).toEqual(expectedSchema(format));
      expect(
        db.prepare('SELECT kind, id, parent, nonce, body FROM records ORDER BY rowid').all(),
      ).toEqual(rowsBefore);
    });

    // And the next unlock upgrades it (keeping a second copy of the older file).
    const vault = await Vault.unlock(path, PASSWORD);
    try {
      expect(vault.upgradedFrom).toEqual({
        fromFormat: format,
        copy: join(path, '..', keptName(2)),
      });
      expect(vault.verifyDetailed()).toEqual({
        problems: [],
        records: 11,
        counter: older.counter + 1,
      });
    } finally {
      vault.close();
    }
  });

  it('the CLI upgrades it, lists its accounts, and says where the older file is kept', async () => {
    const path = fixtureCopy(older.file);
    const home = tempFolder();
    const result = await runCli(['list'], {
      home,
      env: { SPAREKEY_VAULT: path, SPAREKEY_PASSWORD: PASSWORD },
    });
    expect(result.code).toBe(0);
    expect(
      result.stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split('\t')[1]),
    ).toEqual(['Bank', 'GitHub', 'Shop']);
    expect(result.stderr).toContain(
      `Upgraded the vault from format ${format} to the current format`,
    );
    expect(result.stderr).toContain(
      `The vault as it was is kept at ${join(path, '..', keptName())}.`,
    );
    expect(headerFormat(path)).toBe(CURRENT_FORMAT);

    const second = await runCli(['list'], {
      home,
      env: { SPAREKEY_VAULT: path, SPAREKEY_PASSWORD: PASSWORD },
    });
    expect(second.code).toBe(0);
    expect(second.stderr).not.toContain('Upgraded');
  });
});

describe('a format-2 vault changed outside Sparekey', () => {
  const older = OLDER_VAULTS[1];

  it('is refused before it is upgraded: not sealed in as format 3, and no copy kept', async () => {
    const path = fixtureCopy(older.file);
    // Someone who can write the file deletes the record of the last event (the code used).
    const writable = new Database(path);
    try {
      const { changes } = writable
        .prepare(
          `DELETE FROM records WHERE rowid =
             (SELECT max(rowid) FROM records WHERE kind = 'event')`,
        )
        .run();
      expect(changes).toBe(1);
    } finally {
      writable.close();
    }
    const before = readFileSync(path);

    const refused = await vaultRejectionOf(Vault.unlock(path, older.password));

    expect(refused.code).toBe('VAULT_DAMAGED');
    expect(refused.message).toContain('not the ones Sparekey last wrote');
    expect(headerFormat(path)).toBe(2);
    expect(readFileSync(path).subarray(100).equals(before.subarray(100))).toBe(true);
    expect(existsSync(join(path, '..', 'vault.format-2.sparekey'))).toBe(false);
  });
});

describe('a vault written by a newer Sparekey', () => {
  /**
   * What a newer Sparekey's vault looks like to this one: today's tables, and a header
   * claiming the next format, its checksum recomputed as that version would write it.
   * (That format 1's code refuses a real format-2 file this way was checked by hand with
   * the build of 2804d2d: docs/vault-format.md, "Older versions".)
   */
  async function newerVault(): Promise<string> {
    const { vault, path } = await createTestVault();
    vault.accounts.add({ issuer: 'Example' });
    vault.close();
    const db = new Database(path);
    try {
      const row = db.prepare('SELECT * FROM vault_header').get() as {
        magic: string;
        vault_id: Uint8Array;
        kdf: string;
        key_slot: Uint8Array;
      };
      const format = CURRENT_FORMAT + 1;
      const checksum = sha256(
        encodeFields([row.magic, format, row.vault_id, row.kdf, row.key_slot]),
      );
      db.prepare('UPDATE vault_header SET format = ?, checksum = ?').run(format, checksum);
    } finally {
      db.close();
    }
    return path;
  }

  it('is refused as written by a newer version, before any password is asked for', async () => {
    const path = await newerVault();
    const error = vaultErrorOf(() => Vault.open(path));
    expect(error.code).toBe('NEWER_FORMAT');
    expect(error.details).toEqual({ format: CURRENT_FORMAT + 1, supported: CURRENT_FORMAT });
    expect(error.message).toBe(
      `${path} was written by a newer version of Sparekey (vault format ${CURRENT_FORMAT + 1}; this version reads up to ${CURRENT_FORMAT}). Update Sparekey to open it; the file was not changed.`,
    );
  });

  it('the CLI exits 3 with that sentence, and leaves the file as it was', async () => {
    const path = await newerVault();
    const before = readFileSync(path);
    for (const command of [['list'], ['verify']]) {
      const result = await runCli(command, {
        home: tempFolder(),
        env: { SPAREKEY_VAULT: path, SPAREKEY_PASSWORD: 'correct horse battery staple' },
      });
      expect(result.code).toBe(3);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(
        `was written by a newer version of Sparekey (vault format ${CURRENT_FORMAT + 1}; this version reads up to ${CURRENT_FORMAT})`,
      );
    }
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});
