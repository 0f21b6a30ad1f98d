import Database from 'better-sqlite3';
import { readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VaultError } from '../../../src/shared/errors.js';
import { makeSeed } from '../../../src/core/otp/seed.js';
import { Vault } from '../../../src/core/vault.js';
import { createTestVault, FAST_KDF, PASSWORD } from '../../support/temp-vault.js';

async function vaultWithTwoAccounts() {
  const { vault, path } = await createTestVault();
  const a = vault.accounts.add({ issuer: 'Alpha', seed: makeSeed({ secret: 'JBSWY3DPEHPK3PXP' }) });
  const b = vault.accounts.add({
    issuer: 'Beta',
    seed: makeSeed({ secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ' }),
  });
  vault.close();
  return { path, a, b };
}

function edit(path: string, sql: string, ...params: unknown[]): void {
  const db = new Database(path);
  db.prepare(sql).run(...params);
  db.close();
}

async function openAndList(path: string): Promise<VaultError> {
  try {
    const vault = await Vault.unlock(path, PASSWORD, FAST_KDF);
    try {
      vault.accounts.list();
      for (const account of vault.accounts.list()) vault.accounts.revealSeed(account.id);
    } finally {
      vault.close();
    }
  } catch (error) {
    expect(error).toBeInstanceOf(VaultError);
    return error as VaultError;
  }
  throw new Error('the tampered vault opened');
}

describe('tampering is detected, never shown as data', () => {
  it('one byte flipped in a record: VAULT_DAMAGED naming the record', async () => {
    const { path, b } = await vaultWithTwoAccounts();
    const db = new Database(path);
    const row = db
      .prepare("SELECT body FROM records WHERE kind = 'account' AND id = ?")
      .get(b.id) as { body: Buffer };
    const flipped = Buffer.from(row.body);
    flipped[10] = (flipped[10] ?? 0) ^ 0x01;
    db.prepare("UPDATE records SET body = ? WHERE kind = 'account' AND id = ?").run(flipped, b.id);
    db.close();
    const error = await openAndList(path);
    expect(error.code).toBe('VAULT_DAMAGED');
    expect(error.details).toMatchObject({ part: 'record', kind: 'account', id: b.id });
    expect(error.message).toContain(b.id);
  });

  it('a flipped nonce: VAULT_DAMAGED', async () => {
    const { path, a } = await vaultWithTwoAccounts();
    const db = new Database(path);
    const row = db.prepare("SELECT nonce FROM records WHERE kind = 'otp' AND id = ?").get(a.id) as {
      nonce: Buffer;
    };
    const nonce = Buffer.from(row.nonce);
    nonce[0] = (nonce[0] ?? 0) ^ 0x80;
    db.prepare("UPDATE records SET nonce = ? WHERE kind = 'otp' AND id = ?").run(nonce, a.id);
    db.close();
    expect((await openAndList(path)).details).toMatchObject({ kind: 'otp', id: a.id });
  });

  it("one record's ciphertext copied onto another row: VAULT_DAMAGED", async () => {
    const { path, a, b } = await vaultWithTwoAccounts();
    edit(
      path,
      `UPDATE records SET nonce = (SELECT nonce FROM records WHERE kind = 'otp' AND id = @a),
                          body = (SELECT body FROM records WHERE kind = 'otp' AND id = @a)
       WHERE kind = 'otp' AND id = @b`,
      { a: a.id, b: b.id },
    );
    const error = await openAndList(path);
    expect(error.code).toBe('VAULT_DAMAGED');
    expect(error.details).toMatchObject({ kind: 'otp', id: b.id });
  });

  it('a record moved to another parent: VAULT_DAMAGED', async () => {
    const { path, a, b } = await vaultWithTwoAccounts();
    edit(path, "UPDATE records SET parent = ? WHERE kind = 'otp' AND id = ?", b.id, a.id);
    expect((await openAndList(path)).code).toBe('VAULT_DAMAGED');
  });

  it('a record copied from another vault: VAULT_DAMAGED', async () => {
    const first = await vaultWithTwoAccounts();
    const second = await vaultWithTwoAccounts();
    const source = new Database(second.path, { readonly: true });
    const row = source
      .prepare("SELECT nonce, body FROM records WHERE kind = 'account' AND id = ?")
      .get(second.a.id) as {
      nonce: Buffer;
      body: Buffer;
    };
    source.close();
    edit(
      first.path,
      "UPDATE records SET nonce = ?, body = ? WHERE kind = 'account' AND id = ?",
      row.nonce,
      row.body,
      first.a.id,
    );
    expect((await openAndList(first.path)).code).toBe('VAULT_DAMAGED');
  });

  it('a flipped byte in the header: VAULT_DAMAGED naming the header', async () => {
    const { path } = await vaultWithTwoAccounts();
    const db = new Database(path);
    const row = db.prepare('SELECT kdf FROM vault_header').get() as { kdf: string };
    db.prepare('UPDATE vault_header SET kdf = ?').run(row.kdf.replace('"passes":3', '"passes":4'));
    db.close();
    const error = await openAndList(path);
    expect(error.code).toBe('VAULT_DAMAGED');
    expect(error.details).toMatchObject({ part: 'header' });
  });
});

describe('damaged files', () => {
  it('a truncated vault is reported as truncated, not a crash', async () => {
    const { path } = await vaultWithTwoAccounts();
    truncateSync(path, statSync(path).size - 1000);
    const error = await openAndList(path);
    expect(error.code).toBe('VAULT_DAMAGED');
    expect(error.message).toMatch(/truncated/);
  });

  it('a vault cut to its first 50 bytes is reported as truncated', async () => {
    const { path } = await vaultWithTwoAccounts();
    truncateSync(path, 50);
    expect((await openAndList(path)).message).toMatch(/truncated/);
  });

  it('a vault cut at a page boundary is reported as damaged', async () => {
    const { path } = await vaultWithTwoAccounts();
    const pageSize = readFileSync(path).readUInt16BE(16);
    truncateSync(path, pageSize * 2);
    const error = await openAndList(path);
    expect(error.code).toBe('VAULT_DAMAGED');
  });

  it('garbage written over the middle of the file is reported as damaged', async () => {
    const { path } = await vaultWithTwoAccounts();
    const bytes = readFileSync(path);
    bytes.fill(0xa5, 4096, 8192);
    writeFileSync(path, bytes);
    expect((await openAndList(path)).code).toBe('VAULT_DAMAGED');
  });
});
