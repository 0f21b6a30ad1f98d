import { createDecipheriv, scryptSync } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OtpSeed } from '../../../src/shared/domain.js';
import { copyVault } from '../../../src/core/backups/vault-copy.js';
import { makeSeed } from '../../../src/core/otp/seed.js';
import { Vault } from '../../../src/core/vault.js';
import { codesOf, REFERENCE } from '../../support/corpus.js';
import { createTestVault, FAST_KDF, PASSWORD, tempFolder } from '../../support/temp-vault.js';

/**
 * Every export format, imported back into a fresh vault: the same accounts and
 * the same codes. Files are written with mode 0600 and never over another file.
 */

async function vaultWithReferenceAccounts(): Promise<Vault> {
  const { vault } = await createTestVault();
  REFERENCE.forEach((row, index) =>
    vault.accounts.add({
      issuer: row.issuer,
      accountName: row.accountName,
      notes: index === 0 ? 'Recovery codes are in the safe.\nSecond line.' : '',
      tags: index % 2 === 0 ? ['Work', 'Important'] : ['Home'],
      seed: row.seed,
    }),
  );
  return vault;
}

interface Snapshot {
  issuer: string;
  accountName: string;
  seed: OtpSeed;
  codes: string[];
  notes?: string;
  tags?: string[];
}

function snapshot(vault: Vault, withExtras = false): Snapshot[] {
  return vault.accounts
    .list()
    .filter((account) => account.otp !== null)
    .map((account) => {
      const { seed } = vault.accounts.revealSeed(account.id);
      return {
        issuer: account.issuer,
        accountName: account.accountName,
        seed,
        codes: codesOf(seed),
        ...(withExtras ? { notes: account.notes, tags: account.tags } : {}),
      };
    });
}

async function importInto(files: string[], password?: string): Promise<Vault> {
  const { vault } = await createTestVault();
  const plan = await vault.imports.preview(
    files.map((path) => ({ name: path, bytes: new Uint8Array(readFileSync(path)) })),
    { password: () => password },
  );
  expect(plan.failed).toEqual([]);
  vault.imports.commit(plan);
  return vault;
}

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('export round trips', () => {
  it('otpauth links: same accounts and codes', async () => {
    const source = await vaultWithReferenceAccounts();
    const out = join(tempFolder(), 'links.txt');
    const outcome = await source.exports.writeFile('otpauth', out);
    expect(outcome).toMatchObject({
      format: 'otpauth',
      files: [out],
      exported: 7,
      notExported: [],
    });
    expect(modeOf(out)).toBe(0o600);
    const copy = await importInto([out]);
    expect(snapshot(copy)).toEqual(snapshot(source));
    source.close();
    copy.close();
  });

  it('Aegis plain: same accounts, codes, notes and groups (as tags)', async () => {
    const source = await vaultWithReferenceAccounts();
    const out = join(tempFolder(), 'aegis.json');
    await source.exports.writeFile('aegis', out);
    expect(modeOf(out)).toBe(0o600);
    const file = JSON.parse(readFileSync(out, 'utf8')) as {
      db: { version: number; groups: { name: string }[] };
    };
    expect(file.db.version).toBe(3);
    expect(file.db.groups.map((group) => group.name)).toEqual(['Work', 'Important', 'Home']);
    const copy = await importInto([out]);
    expect(snapshot(copy, true)).toEqual(snapshot(source, true));
    source.close();
    copy.close();
  });

  it('Aegis encrypted: exactly Aegis’s format (scrypt 2^15/8/1 slot, AES-256-GCM), decryptable independently', async () => {
    const source = await vaultWithReferenceAccounts();
    const out = join(tempFolder(), 'aegis-encrypted.json');
    await source.exports.writeFile('aegis-encrypted', out, { password: 'phone export password' });
    expect(modeOf(out)).toBe(0o600);
    const file = JSON.parse(readFileSync(out, 'utf8')) as {
      version: number;
      header: { slots: Record<string, unknown>[]; params: { nonce: string; tag: string } };
      db: string;
    };
    expect(file.version).toBe(1);
    const [slot] = file.header.slots;
    expect(Object.keys(slot ?? {}).sort()).toEqual(
      ['is_backup', 'key', 'key_params', 'n', 'p', 'r', 'repaired', 'salt', 'type', 'uuid'].sort(),
    );
    expect(slot).toMatchObject({ type: 1, n: 32768, r: 8, p: 1, repaired: true });
    // Decrypt with Node's own scrypt and AES-GCM, as Aegis's Java code would.
    const s = slot as { key: string; salt: string; key_params: { nonce: string; tag: string } };
    const slotKey = scryptSync('phone export password', Buffer.from(s.salt, 'hex'), 32, {
      N: 32768,
      r: 8,
      p: 1,
      maxmem: 64 * 1024 * 1024,
    });
    const open = (key: Buffer, nonce: string, tag: string, data: Buffer) => {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'hex'));
      decipher.setAuthTag(Buffer.from(tag, 'hex'));
      return Buffer.concat([decipher.update(data), decipher.final()]);
    };
    const masterKey = open(
      slotKey,
      s.key_params.nonce,
      s.key_params.tag,
      Buffer.from(s.key, 'hex'),
    );
    const content = JSON.parse(
      open(
        masterKey,
        file.header.params.nonce,
        file.header.params.tag,
        Buffer.from(file.db, 'base64'),
      ).toString('utf8'),
    ) as { version: number; entries: { issuer: string; info: { secret: string } }[] };
    expect(content.version).toBe(3);
    expect(content.entries.map((entry) => entry.info.secret).sort()).toEqual(
      REFERENCE.map((row) => row.seed.secret).sort(),
    );

    const copy = await importInto([out], 'phone export password');
    expect(snapshot(copy, true)).toEqual(snapshot(source, true));
    source.close();
    copy.close();
  });

  it('refuses an encrypted Aegis export with a short password', async () => {
    const source = await vaultWithReferenceAccounts();
    const out = join(tempFolder(), 'weak.json');
    await expect(
      source.exports.writeFile('aegis-encrypted', out, { password: 'short' }),
    ).rejects.toThrow(/at least 8 characters/);
    expect(() => statSync(out)).toThrow();
    source.close();
  });

  it('Google Authenticator QR codes: batches of ten as PNG files, read back as one transfer', async () => {
    const { vault: source } = await createTestVault();
    for (let index = 0; index < 23; index++) {
      source.accounts.add({
        issuer: `Service ${index}`,
        accountName: `user${index}@example.com`,
        seed: makeSeed({
          type: index % 5 === 0 ? 'hotp' : 'totp',
          secret: Buffer.from(Array.from({ length: 20 }, (_, byte) => (index * 13 + byte) & 0xff))
            .toString('base64')
            .replace(/[^A-Z2-7]/gi, 'A')
            .toUpperCase()
            .slice(0, 32),
          algorithm: ['SHA1', 'SHA256', 'SHA512'][index % 3],
          digits: index % 2 === 0 ? 6 : 8,
          counter: index,
        }),
      });
    }
    const [steam, sevenDigits] = [REFERENCE[6], REFERENCE[1]];
    source.accounts.add({ issuer: steam?.issuer ?? '', seed: steam?.seed ?? null });
    source.accounts.add({ issuer: sevenDigits?.issuer ?? '', seed: sevenDigits?.seed ?? null });
    source.accounts.add({ issuer: 'No seed' });

    const folder = join(tempFolder(), 'google');
    const outcome = await source.exports.writeFile('google-qr', folder);
    expect(outcome.exported).toBe(23);
    expect(outcome.notExported.map((left) => [left.issuer, left.reason])).toEqual([
      ['No seed', 'it has no authenticator seed'],
      ['Boeing', 'Google Authenticator has no Steam codes'],
      ['SPDX', 'Google Authenticator shows 6 or 8 digits, not 7'],
    ]);
    expect(readdirSync(folder).sort()).toEqual([
      'google-authenticator-1-of-3.png',
      'google-authenticator-2-of-3.png',
      'google-authenticator-3-of-3.png',
    ]);
    for (const file of outcome.files) expect(modeOf(file)).toBe(0o600);

    const copy = await importInto(outcome.files);
    const exported = snapshot(source).filter((item) => item.issuer.startsWith('Service'));
    expect(snapshot(copy)).toEqual(exported);

    // Without its second QR code, the transfer says what is missing.
    const { vault: partial } = await createTestVault();
    const plan = await partial.imports.preview(
      [outcome.files[0], outcome.files[2]].map((path = '') => ({
        name: path,
        bytes: new Uint8Array(readFileSync(path)),
      })),
    );
    expect(plan.failed.map((note) => note.reason)).toEqual([
      'QR code 2 of 3 is missing: import every code of the transfer together',
    ]);
    source.close();
    copy.close();
    partial.close();
  });

  it('Sparekey copy: the same vault under the same password, with logins, mode 0600', async () => {
    const source = await vaultWithReferenceAccounts();
    const [first] = source.accounts.list();
    source.logins.set(first?.id ?? '', { username: 'mason', password: 'hunter2hunter2', urls: [] });
    const out = join(tempFolder(), 'backup.sparekey');
    const copy = await copyVault(source, out);
    expect(copy).toMatchObject({ path: out, vaultId: source.vaultId });
    expect(modeOf(out)).toBe(0o600);
    const opened = await Vault.unlock(out, PASSWORD, { ...FAST_KDF });
    expect(snapshot(opened, true)).toEqual(snapshot(source, true));
    expect(opened.logins.revealPassword(first?.id ?? '')).toBe('hunter2hunter2');
    expect(opened.verify()).toEqual([]);
    opened.close();
    await expect(copyVault(source, out)).rejects.toMatchObject({ code: 'REFUSED' });
    source.close();
  });

  it('never overwrites a file, and writes nothing when nothing can be exported', async () => {
    const source = await vaultWithReferenceAccounts();
    const folder = tempFolder();
    const existing = join(folder, 'existing.txt');
    writeFileSync(existing, 'keep me');
    await expect(source.exports.writeFile('otpauth', existing)).rejects.toMatchObject({
      code: 'REFUSED',
    });
    expect(readFileSync(existing, 'utf8')).toBe('keep me');

    const [spdx] = source.accounts.list().filter((account) => account.issuer === 'SPDX');
    const out = join(folder, 'google');
    await expect(
      source.exports.writeFile('google-qr', out, { accountIds: [spdx?.id ?? ''] }),
    ).rejects.toThrow(
      'Nothing to export: Google Authenticator shows 6 or 8 digits, not 7. No file was written.',
    );
    expect(() => statSync(out)).toThrow();
    source.close();
  });
});
