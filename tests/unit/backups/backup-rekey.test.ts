import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  backupFileName,
  backupFolderFor,
  listBackupFiles,
} from '../../../src/core/backups/backup-files.js';
import { verifyVaultFile } from '../../../src/core/backups/restore.js';
import { makeSeed } from '../../../src/core/otp/seed.js';
import { Vault } from '../../../src/core/vault.js';
import { CURRENT_FORMAT } from '../../../src/core/storage/schema.js';
import { HOUR_MS } from '../../../src/shared/durations.js';
import { vaultRejectionOf } from '../../support/errors.js';
import { editHeader } from '../../support/vault-file.js';
import { writeFormatOneCopy } from '../../support/format-1-vault.js';
import { fastKeyDerivation } from '../../support/fast-key-derivation.js';
import { createTestVault, FAST_KDF, PASSWORD, T0, tempFolder } from '../../support/temp-vault.js';

const NEW_PASSWORD = 'a brand new password';
const NEWER_PASSWORD = 'and a newer one still';

/** An unlocked vault with an account, and two backups of it an hour apart (the second with a second account). */
async function vaultWithBackups() {
  const made = await createTestVault();
  const { vault, clock } = made;
  const bank = vault.accounts.add({
    issuer: 'Bank',
    seed: makeSeed({ secret: 'JBSWY3DPEHPK3PXP' }),
  });
  const first = await vault.backups.create();
  clock.advance(HOUR_MS);
  vault.accounts.add({ issuer: 'Mail', seed: makeSeed({ secret: 'GEZDGNBVGY3TQOJQ' }) });
  const second = await vault.backups.create();
  clock.advance(HOUR_MS);
  return { ...made, bank, backups: [second.path, first.path] };
}

const openCopy = (path: string, password: string) =>
  Vault.unlock(path, password, { ...FAST_KDF, readOnly: true });

async function issuersIn(path: string, password: string): Promise<string[]> {
  const copy = await openCopy(path, password);
  try {
    return copy.accounts.list().map((account) => account.issuer);
  } finally {
    copy.close();
  }
}

/** The ciphertext a file holds: every record's nonce and body, and the key slot. */
function ciphertextsOf(path: string): Buffer[] {
  const db = new Database(path, { readonly: true });
  try {
    const rows = db.prepare('SELECT nonce, body FROM records').all() as {
      nonce: Buffer;
      body: Buffer;
    }[];
    const slot = (db.prepare('SELECT key_slot FROM vault_header').get() as { key_slot: Buffer })
      .key_slot;
    return [...rows.flatMap((row) => [row.nonce, row.body.subarray(0, 32)]), slot];
  } finally {
    db.close();
  }
}

function counterOf(path: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT counter FROM vault_state').get() as { counter: number }).counter;
  } finally {
    db.close();
  }
}

describe('backups after a password change', () => {
  it('re-encrypts each backup under the new key: it opens with the new password, not the old, and holds no old ciphertext', async () => {
    const { vault, path, backups } = await vaultWithBackups();
    const before = backups.map(ciphertextsOf);
    const counters = backups.map(counterOf);
    expect(vault.backups.oldBackupsPreview()).toEqual({ underCurrentKey: backups, left: [] });

    const oldKey = await vault.rotateKey(PASSWORD, NEW_PASSWORD);
    const report = await vault.backups.afterPasswordChange(oldKey, 'reencrypt');

    expect(report).toEqual({
      choice: 'reencrypt',
      reencrypted: backups,
      deleted: [],
      kept: [],
      left: [],
    });
    expect(oldKey.every((byte) => byte === 0)).toBe(true); // the old key was wiped
    expect(await issuersIn(backups[0]!, NEW_PASSWORD)).toEqual(['Bank', 'Mail']);
    expect(await issuersIn(backups[1]!, NEW_PASSWORD)).toEqual(['Bank']);
    for (const [index, backup] of backups.entries()) {
      expect((await vaultRejectionOf(openCopy(backup, PASSWORD))).code).toBe('WRONG_PASSWORD');
      expect(vault.inspectCopy(backup).problems).toEqual([]);
      expect(statSync(backup).mode & 0o777).toBe(0o600);
      // The backup keeps its place in the vault's history.
      expect(counterOf(backup)).toBe(counters[index]);
      const bytes = readFileSync(backup);
      for (const old of before[index]!) expect(bytes.includes(old)).toBe(false);
    }
    // Nothing beside them: no journal, no copy being written.
    expect(readdirSync(backupFolderFor(path)).sort()).toEqual(
      backups.map((backup) => backup.split('/').pop()).sort(),
    );
    // Already under the new key: a second pass has nothing to do.
    expect(vault.backups.oldBackupsPreview().underCurrentKey).toEqual(backups);
    vault.close();
  });

  it('upgrades a format-2 backup in the same step, after checking its sealed state', async () => {
    // The vault and its backup, both as Sparekey wrote them in format 2 (the fixture,
    // real Argon2id parameters: opened with the real key derivation).
    const fixture = resolve('tests/fixtures/vaults/format-2.sparekey');
    const password = 'format two fixture password';
    const path = join(tempFolder(), 'vault.sparekey');
    copyFileSync(fixture, path);
    const folder = backupFolderFor(path);
    mkdirSync(folder, { recursive: true });
    const old = join(folder, backupFileName(path, T0 - HOUR_MS));
    copyFileSync(fixture, old);
    const vault = await Vault.unlock(path, password);
    expect(vault.upgradedFrom?.fromFormat).toBe(2);
    expect(vault.backups.oldBackupsPreview().underCurrentKey).toEqual([old]);

    const report = await vault.backups.afterPasswordChange(
      await vault.rotateKey(password, NEW_PASSWORD),
      'reencrypt',
    );

    expect(report.reencrypted).toEqual([old]);
    expect(vault.inspectCopy(old).problems).toEqual([]);
    const db = new Database(old, { readonly: true });
    expect(db.prepare('SELECT format FROM vault_header').get()).toEqual({ format: CURRENT_FORMAT });
    db.close();
    // The backup keeps its place in the vault's history (format 2's counter, 8).
    expect(counterOf(old)).toBe(8);
    const copy = await Vault.unlock(old, NEW_PASSWORD, { readOnly: true });
    expect(
      copy.accounts
        .list()
        .map((account) => account.issuer)
        .sort(),
    ).toEqual(['Bank', 'GitHub', 'Shop']);
    copy.close();
    vault.close();
  });

  it('upgrades a format-1 backup in the same step', async () => {
    const { vault, path } = await createTestVault();
    vault.accounts.add({ issuer: 'Bank', seed: makeSeed({ secret: 'JBSWY3DPEHPK3PXP' }) });
    const folder = backupFolderFor(path);
    mkdirSync(folder, { recursive: true });
    const old = join(folder, backupFileName(path, T0 - HOUR_MS));
    await writeFormatOneCopy(vault, old, PASSWORD, fastKeyDerivation);
    expect(await issuersIn(old, PASSWORD)).toEqual(['Bank']);
    const before = ciphertextsOf(old);

    const report = await vault.backups.afterPasswordChange(
      await vault.rotateKey(PASSWORD, NEW_PASSWORD),
      'reencrypt',
    );
    expect(report.reencrypted).toEqual([old]);
    const copy = await openCopy(old, NEW_PASSWORD);
    expect(copy.accounts.list().map((account) => account.issuer)).toEqual(['Bank']);
    expect(copy.verify()).toEqual([]);
    copy.close();
    const db = new Database(old, { readonly: true });
    expect(db.prepare('SELECT format FROM vault_header').get()).toEqual({ format: CURRENT_FORMAT });
    db.close();
    // Every row grew a version, so each was written elsewhere in its page: the old cells are gone too.
    const bytes = readFileSync(old);
    for (const ciphertext of before) expect(bytes.includes(ciphertext)).toBe(false);
    vault.close();
  });

  it('leaves a backup made under an even older password, saying so; it still opens with that password', async () => {
    const { vault, clock } = await createTestVault();
    vault.accounts.add({ issuer: 'Bank' });
    const oldest = (await vault.backups.create()).path;
    clock.advance(HOUR_MS);
    const kept = await vault.backups.afterPasswordChange(
      await vault.rotateKey(PASSWORD, NEW_PASSWORD),
      'keep',
    );
    expect(kept.kept).toEqual([oldest]);
    const middle = (await vault.backups.create()).path;
    clock.advance(HOUR_MS);

    expect(vault.backups.oldBackupsPreview()).toMatchObject({
      underCurrentKey: [middle],
      left: [{ path: oldest, reason: 'earlier-password' }],
    });
    const report = await vault.backups.afterPasswordChange(
      await vault.rotateKey(NEW_PASSWORD, NEWER_PASSWORD),
      'reencrypt',
    );
    expect(report.reencrypted).toEqual([middle]);
    expect(report.left).toEqual([
      { path: oldest, name: oldest.split('/').pop(), reason: 'earlier-password' },
    ]);
    expect(await issuersIn(oldest, PASSWORD)).toEqual(['Bank']);
    expect(await issuersIn(middle, NEWER_PASSWORD)).toEqual(['Bank']);
    vault.close();
  });

  it('delete removes them, and the vault no longer counts on a backup', async () => {
    const { vault, path, backups } = await vaultWithBackups();
    expect(vault.backups.status().lastBackupAt).not.toBeNull();
    const report = await vault.backups.afterPasswordChange(
      await vault.rotateKey(PASSWORD, NEW_PASSWORD),
      'delete',
    );
    expect(report).toMatchObject({ deleted: backups, reencrypted: [], kept: [], left: [] });
    expect(listBackupFiles(path)).toEqual([]);
    expect(readdirSync(backupFolderFor(path))).toEqual([]);
    expect(vault.backups.status()).toMatchObject({ lastBackupAt: null, lastBackupFile: '' });
    expect(vault.backups.status().unsavedChanges).toBeGreaterThan(0);
    vault.close();
  });

  it('keep leaves them as they were: they still open with the old password', async () => {
    const { vault, backups } = await vaultWithBackups();
    const bytes = backups.map((backup) => readFileSync(backup));
    const report = await vault.backups.afterPasswordChange(
      await vault.rotateKey(PASSWORD, NEW_PASSWORD),
      'keep',
    );
    expect(report).toMatchObject({ kept: backups, reencrypted: [], deleted: [], left: [] });
    for (const [index, backup] of backups.entries()) {
      expect(readFileSync(backup).equals(bytes[index]!)).toBe(true);
    }
    expect(await issuersIn(backups[0]!, PASSWORD)).toEqual(['Bank', 'Mail']);

    // Later, with the old password: re-encrypted after all.
    const wrong = await vault.backups.reencryptWithPassword('not the old password');
    expect(wrong.reencrypted).toEqual([]);
    expect(wrong.left.map((left) => left.reason)).toEqual(['other-password', 'other-password']);
    const later = await vault.backups.reencryptWithPassword(PASSWORD);
    expect(later.reencrypted).toEqual(backups);
    expect(await issuersIn(backups[1]!, NEW_PASSWORD)).toEqual(['Bank']);
    vault.close();
  });

  it('later, a kept backup whose header was changed to say format 2 is left as damaged; the others are re-encrypted', async () => {
    const { vault, backups } = await vaultWithBackups();
    await vault.backups.afterPasswordChange(await vault.rotateKey(PASSWORD, NEW_PASSWORD), 'keep');
    // Formats 2 and 3 share their tables: only the key slot tells the edit.
    editHeader(backups[1]!, (row) => {
      row.format = 2;
    });
    const edited = readFileSync(backups[1]!);

    const later = await vault.backups.reencryptWithPassword(PASSWORD);

    expect(later.reencrypted).toEqual([backups[0]]);
    expect(later.left).toMatchObject([{ path: backups[1], reason: 'damaged' }]);
    expect(readFileSync(backups[1]!).equals(edited)).toBe(true);
    vault.close();
  });

  it('a backup changed outside Sparekey is left as it was, reported as damaged', async () => {
    const { vault, backups } = await vaultWithBackups();
    const db = new Database(backups[1]!);
    db.prepare("DELETE FROM records WHERE kind = 'account'").run();
    db.close();
    const damaged = readFileSync(backups[1]!);
    const report = await vault.backups.afterPasswordChange(
      await vault.rotateKey(PASSWORD, NEW_PASSWORD),
      'reencrypt',
    );
    expect(report.reencrypted).toEqual([backups[0]]);
    expect(report.left).toMatchObject([{ path: backups[1], reason: 'damaged' }]);
    expect(readFileSync(backups[1]!).equals(damaged)).toBe(true);
    vault.close();
  });

  it('a backup that cannot be rewritten is reported in words, and left as it was', async () => {
    const { vault, backups } = await vaultWithBackups();
    const name = backups[0]!.split('/').pop()!;
    // Something already occupies the place of its re-encrypted copy.
    mkdirSync(join(backupFolderFor(vault.path), `.${name}.reencrypting`));
    const bytes = readFileSync(backups[0]!);
    const report = await vault.backups.afterPasswordChange(
      await vault.rotateKey(PASSWORD, NEW_PASSWORD),
      'reencrypt',
    );
    expect(report.reencrypted).toEqual([backups[1]]);
    expect(report.left).toEqual([
      {
        path: backups[0],
        name,
        reason: 'failed',
        detail: 'Sparekey could not write its re-encrypted copy beside it; it is as it was.',
      },
    ]);
    expect(readFileSync(backups[0]!).equals(bytes)).toBe(true);
    vault.close();
  });

  it("another vault's file in the folder is left alone, and named", async () => {
    const { vault, path, backups } = await vaultWithBackups();
    const other = await createTestVault();
    const stranger = join(backupFolderFor(path), backupFileName(path, T0 - 5 * HOUR_MS));
    await other.vault.backups.create({ out: stranger });
    other.vault.close();
    const report = await vault.backups.afterPasswordChange(
      await vault.rotateKey(PASSWORD, NEW_PASSWORD),
      'delete',
    );
    expect(report.deleted).toEqual(backups);
    expect(report.left).toMatchObject([{ path: stranger, reason: 'another-vault' }]);
    expect(existsSync(stranger)).toBe(true);
    vault.close();
  });
});

describe('a format-1 vault upgraded, then its password changed', () => {
  it('upgrades on first unlock, keeping the format-1 file, which a password change names as still opening with the old password', async () => {
    const { vault, path } = await createTestVault();
    vault.accounts.add({ issuer: 'Bank', seed: makeSeed({ secret: 'JBSWY3DPEHPK3PXP' }) });
    const formatOne = join(path, '..', 'old.sparekey');
    await writeFormatOneCopy(vault, formatOne, PASSWORD, fastKeyDerivation);
    vault.close();

    const upgraded = await Vault.unlock(formatOne, PASSWORD, FAST_KDF);
    const keptAt = upgraded.upgradedFrom?.copy;
    expect(keptAt).toBe(join(path, '..', 'old.format-1.sparekey'));
    expect(upgraded.accounts.list().map((account) => account.issuer)).toEqual(['Bank']);
    expect(upgraded.verify()).toEqual([]);
    expect(upgraded.backups.oldBackupsPreview()).toMatchObject({
      underCurrentKey: [],
      left: [{ path: keptAt, reason: 'upgrade-copy' }],
    });
    const report = await upgraded.backups.afterPasswordChange(
      await upgraded.rotateKey(PASSWORD, NEW_PASSWORD),
      'reencrypt',
    );
    expect(report.left).toMatchObject([{ path: keptAt, reason: 'upgrade-copy' }]);
    upgraded.close();
    expect((await verifyVaultFile(keptAt!, PASSWORD, FAST_KDF)).records).toBeGreaterThan(0);
  });
});
