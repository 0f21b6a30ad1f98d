import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportToFileResult } from '../../../src/shared/contract/file-methods.js';
import { unlockedApiHost } from '../../support/api-host.js';
import { REFERENCE } from '../../support/corpus.js';
import { createTestVault, PASSWORD, tempFolder } from '../../support/temp-vault.js';

/** exportToFile as the desktop UI calls it: through the contract, the handler table and a scripted save dialog. */

const [DENO, SPDX, ISSUU] = [REFERENCE[0]!, REFERENCE[1]!, REFERENCE[3]!];

async function hostWithAccounts() {
  const host = await unlockedApiHost({ desktop: true });
  const vault = host.session.unlocked();
  const ids = [DENO, SPDX, ISSUU].map(
    (row) =>
      vault.accounts.add({ issuer: row.issuer, accountName: row.accountName, seed: row.seed }).id,
  );
  vault.accounts.add({ issuer: 'Paper Bank', accountName: 'alice' });
  return { ...host, ids };
}

/** The secrets a fresh vault gets from importing `path`. */
async function secretsImported(path: string, password?: string): Promise<string[]> {
  const { vault } = await createTestVault();
  const plan = await vault.imports.preview(
    [{ name: 'export', bytes: new Uint8Array(readFileSync(path)) }],
    { password: () => password },
  );
  expect(plan.failed).toEqual([]);
  vault.imports.commit(plan);
  const secrets = vault.accounts
    .list()
    .map((account) => vault.accounts.revealSeed(account.id).seed.secret)
    .sort();
  vault.close();
  return secrets;
}

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('exportToFile', () => {
  it('asks where to save, writes the otpauth links with mode 0600, and lists what was left out', async () => {
    const { call, value, saveDialog, session } = await hostWithAccounts();
    const folder = tempFolder();
    const out = join(folder, 'links.txt');
    saveDialog.answers.push(out);

    const result = await value<ExportToFileResult>('exportToFile', { format: 'otpauth' });
    expect(result).toEqual({
      saved: true,
      fileName: 'links.txt',
      exported: 3,
      notExported: [
        { issuer: 'Paper Bank', accountName: 'alice', reason: 'it has no authenticator seed' },
      ],
    });
    expect(saveDialog.requests).toEqual([
      {
        title: 'Export otpauth:// links (unencrypted)',
        defaultName: 'sparekey-export-2026-05-03.txt',
        filters: [{ name: 'Text files', extensions: ['txt'] }],
      },
    ]);
    expect(modeOf(out)).toBe(0o600);
    expect(await secretsImported(out)).toEqual(
      [DENO.seed.secret, SPDX.seed.secret, ISSUU.seed.secret].sort(),
    );
    expect(await call('exportToFile', { format: 'otpauth' })).toMatchObject({
      ok: true,
      value: { saved: false, fileName: null },
    });
    expect(readdirSync(folder)).toEqual(['links.txt']);
    session.close();
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const { value, saveDialog, session } = await hostWithAccounts();
    saveDialog.answers.push(null);
    expect(await value<ExportToFileResult>('exportToFile', { format: 'aegis' })).toMatchObject({
      saved: false,
      fileName: null,
    });
    expect(saveDialog.requests[0]?.defaultName).toBe('sparekey-export-2026-05-03.json');
    session.close();
  });

  it('exports chosen accounts to an encrypted Aegis file that reads back with its password', async () => {
    const { call, value, saveDialog, ids, session } = await hostWithAccounts();
    const out = join(tempFolder(), 'aegis.json');

    const short = await call('exportToFile', {
      format: 'aegis-encrypted',
      accountIds: [ids[0]],
      password: 'short',
    });
    expect(short).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!short.ok && short.error.details).toEqual({
      issues: [{ field: 'password', problem: 'too-short', limit: 8 }],
    });
    expect(saveDialog.requests).toEqual([]);

    saveDialog.answers.push(out);
    const result = await value<ExportToFileResult>('exportToFile', {
      format: 'aegis-encrypted',
      accountIds: [ids[0], ids[1]],
      password: 'a long export password',
    });
    expect(result).toMatchObject({ saved: true, exported: 2, notExported: [] });
    expect(readFileSync(out, 'utf8')).not.toContain(DENO.seed.secret);
    expect(await secretsImported(out, 'a long export password')).toEqual(
      [DENO.seed.secret, SPDX.seed.secret].sort(),
    );
    session.close();
  });

  it('replaces a file the user chose to overwrite whole, with no temporary file left', async () => {
    const { value, saveDialog, session } = await hostWithAccounts();
    const folder = tempFolder();
    const out = join(folder, 'existing.json');
    writeFileSync(out, 'an older export', { mode: 0o644 });
    saveDialog.answers.push(out);

    await value('exportToFile', { format: 'aegis' });
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ version: 1 });
    expect(modeOf(out)).toBe(0o600);
    expect(readdirSync(folder)).toEqual(['existing.json']);
    session.close();
  });

  it('writes nothing when the vault locks while the dialog is open, or a folder is chosen', async () => {
    const { call, saveDialog, session } = await hostWithAccounts();
    const folder = tempFolder();
    saveDialog.answers.push(join(folder, 'late.txt'));
    saveDialog.whileOpen = () => session.lock();
    expect(await call('exportToFile', { format: 'otpauth' })).toMatchObject({
      ok: false,
      error: { code: 'LOCKED' },
    });
    expect(readdirSync(folder)).toEqual([]);

    await session.unlock(PASSWORD);
    saveDialog.whileOpen = undefined;
    saveDialog.answers.push(folder);
    expect(await call('exportToFile', { format: 'otpauth' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: `${folder} is a folder, not a file.` },
    });
    expect(readdirSync(folder)).toEqual([]);
    session.close();
  });

  it('refuses what cannot be exported before asking anything', async () => {
    const { call, saveDialog, session } = await unlockedApiHost({ desktop: true });
    const vault = session.unlocked();
    const paper = vault.accounts.add({ issuer: 'Paper Bank' });
    expect(await call('exportToFile', { format: 'otpauth', accountIds: [paper.id] })).toMatchObject(
      {
        ok: false,
        error: { code: 'REFUSED', message: expect.stringContaining('No file was written') },
      },
    );
    expect(await call('exportToFile', { format: 'otpauth', password: 'not wanted' })).toMatchObject(
      { ok: false, error: { code: 'INVALID_INPUT' } },
    );
    expect(saveDialog.requests).toEqual([]);
    session.close();
  });

  it('belongs to the desktop app', async () => {
    const { call, session } = await unlockedApiHost();
    expect(await call('exportToFile', { format: 'otpauth' })).toMatchObject({
      ok: false,
      error: { code: 'REFUSED', message: 'Saving an export to a file belongs to the desktop app.' },
    });
    session.close();
  });
});
