import Database from 'better-sqlite3';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyVault } from '../../../src/core/backups/vault-copy.js';
import { backupFolderFor, listBackupFiles } from '../../../src/core/backups/backup-files.js';
import { restoreVault, verifyVaultFile } from '../../../src/core/backups/restore.js';
import { FixedClock } from '../../../src/core/clock.js';
import { makeSeed } from '../../../src/core/otp/seed.js';
import { Vault } from '../../../src/core/vault.js';
import { vaultErrorOf, vaultRejectionOf } from '../../support/errors.js';
import { createTestVault, FAST_KDF, PASSWORD, T0, tempFolder } from '../../support/temp-vault.js';
import { DAY_MS, HOUR_MS } from '../../../src/shared/durations.js';

const options = FAST_KDF;

describe('counting changes for backups', () => {
  it('counts each write that changed something once, however many records it wrote; not reads, not failures', async () => {
    const { vault } = await createTestVault();
    const changes = () => vault.backups.state().changes;
    expect(changes()).toBe(0);
    const account = vault.accounts.add({ issuer: 'Bank' });
    expect(changes()).toBe(1);
    vault.accounts.list();
    vault.transaction(() => vault.accounts.list());
    expect(changes()).toBe(1);
    const phone = vault.contacts.add({ kind: 'phone', value: '+447700900461' });
    vault.recovery.addMethod(account.id, { kind: 'sms', contactId: phone.id });
    expect(changes()).toBe(3);
    vault.contacts.retire(phone.id); // the contact and a history event: one action
    expect(changes()).toBe(4);
    expect(() => vault.accounts.update(account.id, { issuer: '' })).toThrow();
    expect(changes()).toBe(4);
    await vault.changePassword(PASSWORD, 'a brand new password');
    expect(changes()).toBe(5);
    vault.close();
  });
});

describe('vault backups', () => {
  it('copies the vault into backups/ beside it: one file, mode 0600, the same password, every record checked', async () => {
    const { vault, path, clock } = await createTestVault();
    const account = vault.accounts.add({
      issuer: 'Bank',
      seed: makeSeed({ secret: 'JBSWY3DPEHPK3PXP' }),
    });
    const result = await vault.backups.create();
    const folder = backupFolderFor(path);
    expect(dirname(result.path)).toBe(folder);
    expect(result.path).toBe(join(folder, 'test-2026-05-03T10-00-00.000Z.sparekey'));
    expect(statSync(result.path).mode & 0o777).toBe(0o600);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(readdirSync(folder)).toEqual(['test-2026-05-03T10-00-00.000Z.sparekey']);
    expect(result.records).toBeGreaterThanOrEqual(3);
    expect(vault.backups.status()).toMatchObject({
      changes: 1,
      savedChanges: 1,
      unsavedChanges: 0,
      oldestUnsavedChangeAt: null,
      lastBackupAt: T0,
      lastBackupFile: result.path,
      folder,
    });

    const copy = await Vault.unlock(result.path, PASSWORD, { ...options, readOnly: true });
    expect(copy.accounts.list().map((a) => a.issuer)).toEqual(['Bank']);
    expect(copy.accounts.revealSeed(account.id).seed.secret).toBe('JBSWY3DPEHPK3PXP');
    copy.close();
    expect(readdirSync(folder)).toEqual(['test-2026-05-03T10-00-00.000Z.sparekey']);

    // Two backups in the same millisecond get different names.
    const again = await vault.backups.create();
    expect(again.path).toBe(join(folder, 'test-2026-05-03T10-00-00.000Z-2.sparekey'));
    clock.advance(1);
    vault.close();
  });

  it('--out writes a new file only, and refuses to overwrite anything', async () => {
    const { vault } = await createTestVault();
    vault.accounts.add({ issuer: 'Bank' });
    const folder = tempFolder();
    const existing = join(folder, 'taken.sparekey');
    writeFileSync(existing, 'my thesis');
    expect((await vaultRejectionOf(vault.backups.create({ out: existing }))).code).toBe('REFUSED');
    expect(readFileSync(existing, 'utf8')).toBe('my thesis');
    const out = join(folder, 'vault-copy.sparekey');
    const result = await vault.backups.create({ out });
    expect(result.path).toBe(out);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(result.removed).toEqual([]);
    expect((await verifyVaultFile(out, PASSWORD, options)).problems).toEqual([]);
    expect(await vaultRejectionOf(copyVault(vault, vault.path))).toMatchObject({ code: 'REFUSED' });
    vault.close();
  });

  it('rotates with the clock: keeps the last 10 plus the newest of each of 30 days, never a before-restore copy', async () => {
    const clock = new FixedClock(Date.UTC(2026, 0, 1, 9, 0, 0));
    const { vault, path } = await createTestVault({ clock });
    const folder = backupFolderFor(path);
    // Kept whatever happens: the vault a restore replaced.
    mkdirSync(folder, { mode: 0o700 });
    const restoreCopy = join(folder, 'test-2026-01-01T08-00-00.000Z-before-restore.sparekey');
    await copyVault(vault, restoreCopy);
    const made: number[] = [];
    for (let day = 0; day < 45; day++) {
      for (const hour of [9, 13, 18]) {
        clock.set(Date.UTC(2026, 0, 1 + day, hour, 0, 0));
        vault.accounts.add({ issuer: `Account ${day}-${hour}` });
        made.push((await vault.backups.create()).at);
      }
    }
    const now = clock.now();
    const left = listBackupFiles(path);
    expect(left.find((file) => file.kind === 'before-restore')?.path).toBe(restoreCopy);
    const automatic = left.filter((file) => file.kind === 'backup').map((file) => file.at);
    const lastTen = made.slice(-10);
    const dayOf = (at: number) => Math.floor(at / DAY_MS);
    const newestPerDay = new Map<number, number>();
    for (const at of made) {
      if (dayOf(now) - dayOf(at) < 30) newestPerDay.set(dayOf(at), at);
    }
    const expected = [...new Set([...lastTen, ...newestPerDay.values()])].sort((a, b) => b - a);
    expect(automatic).toEqual(expected);
    expect(automatic).toHaveLength(10 + 30 - 4); // the last 10 hold the newest of the last 4 days
    expect(automatic.at(-1)).toBe(Date.UTC(2026, 0, 16, 18, 0, 0)); // day 30 back; day 31 is gone

    vault.settings.update({ backupKeepLast: 2, backupKeepDays: 0 });
    clock.advance(HOUR_MS);
    vault.accounts.add({ issuer: 'One more' });
    const last = await vault.backups.create();
    expect(listBackupFiles(path).map((file) => file.path)).toEqual([
      last.path,
      join(folder, 'test-2026-02-14T18-00-00.000Z.sparekey'),
      restoreCopy,
    ]);
    vault.close();
  });

  it("a copy is checked with this vault's key: another vault's copy is refused, a good one says which changes it holds", async () => {
    const { vault } = await createTestVault();
    vault.accounts.add({ issuer: 'Bank' });
    const first = await vault.backups.create();
    vault.accounts.add({ issuer: 'Shop' });
    // A copy of another vault under this vault's name is not accepted as its backup.
    const other = await createTestVault();
    other.vault.accounts.add({ issuer: 'Other' });
    const foreign = join(tempFolder(), 'foreign.sparekey');
    await copyVault(other.vault, foreign);
    expect(vault.inspectCopy(foreign).problems).toEqual([`${foreign} is a copy of another vault.`]);
    other.vault.close();
    expect(vault.inspectCopy(first.path)).toMatchObject({ problems: [], state: { changes: 1 } });
    expect(vault.backups.status().unsavedChanges).toBe(1);
    vault.close();
  });
});

describe('verify', () => {
  async function backupOf(): Promise<{ file: string; vault: Vault; path: string }> {
    const { vault, path } = await createTestVault();
    for (const issuer of ['Bank', 'Mail', 'Shop'])
      vault.accounts.add({ issuer, notes: 'x'.repeat(500) });
    const { path: file } = await vault.backups.create();
    return { file, vault, path };
  }

  it('passes an intact backup, with the number of records it decrypted', async () => {
    const { file, vault } = await backupOf();
    const report = await verifyVaultFile(file, PASSWORD, options);
    expect(report.problems).toEqual([]);
    expect(report.records).toBe(4); // three accounts and the backup bookkeeping
    expect(report.vaultId).toBe(vault.vaultId);
    expect(readdirSync(dirname(file))).toHaveLength(1); // opened read-only: no -wal, no -shm
    vault.close();
  });

  it('catches a record whose ciphertext was changed, naming it', async () => {
    const { file, vault } = await backupOf();
    const db = new Database(file);
    const row = db
      .prepare("SELECT rowid, body FROM records WHERE kind = 'account' LIMIT 1")
      .get() as {
      rowid: number;
      body: Buffer;
    };
    row.body[10] = (row.body[10] as number) ^ 0x01;
    db.prepare('UPDATE records SET body = ? WHERE rowid = ?').run(row.body, row.rowid);
    db.close();
    const error = await vaultRejectionOf(verifyVaultFile(file, PASSWORD, options));
    expect(error.code).toBe('VAULT_DAMAGED');
    expect(error.message).toMatch(/The account record [0-9a-f]{16} does not decrypt\./);
    vault.close();
  });

  it('catches a truncated file and a corrupt page', async () => {
    const { file, vault } = await backupOf();
    const bytes = readFileSync(file);
    truncateSync(file, bytes.length - 1000);
    expect((await vaultRejectionOf(verifyVaultFile(file, PASSWORD, options))).code).toBe(
      'VAULT_DAMAGED',
    );
    const page = 4096;
    const corrupt = Buffer.from(bytes);
    corrupt.fill(0x5a, page * 2 + 8, page * 2 + 2000);
    writeFileSync(file, corrupt);
    expect((await vaultRejectionOf(verifyVaultFile(file, PASSWORD, options))).code).toBe(
      'VAULT_DAMAGED',
    );
    vault.close();
  });

  it('says so for a wrong password and for a file that is not a vault', async () => {
    const { file, vault } = await backupOf();
    expect((await vaultRejectionOf(verifyVaultFile(file, 'not the password', options))).code).toBe(
      'WRONG_PASSWORD',
    );
    const notVault = join(tempFolder(), 'notes.txt');
    writeFileSync(notVault, 'hello');
    expect((await vaultRejectionOf(verifyVaultFile(notVault, PASSWORD, options))).code).toBe(
      'NOT_A_VAULT',
    );
    vault.close();
  });
});

describe('restore', () => {
  it('round trip: restores the backup over a changed vault, keeping the replaced one as a backup first', async () => {
    const { vault, path, clock } = await createTestVault();
    const bank = vault.accounts.add({
      issuer: 'Bank',
      seed: makeSeed({ secret: 'JBSWY3DPEHPK3PXP' }),
    });
    vault.backupCodes.add(bank.id, { codes: ['aaaa-1111', 'bbbb-2222'] });
    const backup = await vault.backups.create();
    clock.advance(DAY_MS);
    vault.accounts.remove(bank.id);
    vault.accounts.add({ issuer: 'Added after the backup' });
    vault.close();

    const refused = await vaultRejectionOf(
      restoreVault({
        from: backup.path,
        to: path,
        password: PASSWORD,
        clock,
        vaultOptions: options,
      }),
    );
    expect(refused.code).toBe('REFUSED');
    expect(refused.message).toContain('--force');
    const untouched = await Vault.unlock(path, PASSWORD, options);
    expect(untouched.accounts.list().map((a) => a.issuer)).toEqual(['Added after the backup']);
    untouched.close();

    const result = await restoreVault({
      from: backup.path,
      to: path,
      password: PASSWORD,
      force: true,
      clock,
      vaultOptions: options,
    });
    expect(result.keptAs).toBe(
      join(backupFolderFor(path), 'test-2026-05-04T10-00-00.000Z-before-restore.sparekey'),
    );
    const restored = await Vault.unlock(path, PASSWORD, options);
    expect(restored.accounts.list().map((a) => a.issuer)).toEqual(['Bank']);
    expect(restored.backupCodes.status(bank.id)).toMatchObject({ total: 2, remaining: 2 });
    expect(restored.verify()).toEqual([]);
    restored.close();
    const kept = await Vault.unlock(result.keptAs as string, PASSWORD, {
      ...options,
      readOnly: true,
    });
    expect(kept.accounts.list().map((a) => a.issuer)).toEqual(['Added after the backup']);
    kept.close();
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('restores into a missing vault, and over a vault so damaged it cannot be opened (kept byte for byte)', async () => {
    const { vault, clock } = await createTestVault();
    vault.accounts.add({ issuer: 'Bank' });
    const backup = await vault.backups.create();
    vault.close();
    const fresh = join(tempFolder(), 'new', 'vault.sparekey');
    await restoreVault({
      from: backup.path,
      to: fresh,
      password: PASSWORD,
      clock,
      vaultOptions: options,
    });
    expect(statSync(fresh).mode & 0o777).toBe(0o600);

    const damaged = join(tempFolder(), 'vault.sparekey');
    writeFileSync(damaged, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(50)]));
    const result = await restoreVault({
      from: backup.path,
      to: damaged,
      password: PASSWORD,
      force: true,
      clock,
      vaultOptions: options,
    });
    expect(
      readFileSync(result.keptAs as string)
        .subarray(0, 16)
        .toString('latin1'),
    ).toBe('SQLite format 3\0');
    const restored = await Vault.unlock(damaged, PASSWORD, options);
    expect(restored.accounts.list().map((a) => a.issuer)).toEqual(['Bank']);
    restored.close();
  });

  it('refuses a damaged backup or a wrong password, and leaves the vault as it was', async () => {
    const { vault, path, clock } = await createTestVault();
    vault.accounts.add({ issuer: 'Bank' });
    const backup = await vault.backups.create();
    vault.accounts.add({ issuer: 'Shop' });
    vault.close();
    const before = readFileSync(path);
    const wrong = await vaultRejectionOf(
      restoreVault({
        from: backup.path,
        to: path,
        password: 'wrong password!',
        force: true,
        clock,
        vaultOptions: options,
      }),
    );
    expect(wrong.code).toBe('WRONG_PASSWORD');
    truncateSync(backup.path, 4096);
    const damaged = await vaultRejectionOf(
      restoreVault({
        from: backup.path,
        to: path,
        password: PASSWORD,
        force: true,
        clock,
        vaultOptions: options,
      }),
    );
    expect(damaged.code).toBe('VAULT_DAMAGED');
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(listBackupFiles(path).filter((file) => file.kind === 'before-restore')).toEqual([]);
  });

  it('an open vault sees the restored content at once (same vault, same key)', async () => {
    const { vault, path, clock } = await createTestVault();
    vault.accounts.add({ issuer: 'Bank' });
    const backup = await vault.backups.create();
    vault.accounts.add({ issuer: 'Shop' });
    await restoreVault({
      from: backup.path,
      to: path,
      password: PASSWORD,
      force: true,
      clock,
      vaultOptions: options,
    });
    expect(vault.accounts.list().map((a) => a.issuer)).toEqual(['Bank']);
    vault.close();
    expect(vaultErrorOf(() => vault.accounts.list()).code).toBe('LOCKED');
  });
});
