import { unlockedApiHost } from '../../support/api-host.js';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { PLAN_LIFETIME_MS } from '../../../src/main/api/handlers/import-handlers.js';
import { readQrCodes } from '../../../src/core/qr/read-qr.js';
import type { ImportPreviewResult } from '../../../src/shared/contract/import-methods.js';
import type { Envelope } from '../../../src/shared/contract/index.js';
import { corpusFile, REFERENCE } from '../../support/corpus.js';
import { PASSWORD } from '../../support/temp-vault.js';

/** The import methods as the desktop UI will call them: through the contract and the handler table. */
const host = unlockedApiHost;

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const fileInput = (path: string, password?: string) => {
  const { name, bytes } = corpusFile(path);
  return { name, content: base64(bytes), ...(password ? { password } : {}) };
};

function value<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value;
}

describe('import methods of the contract', () => {
  it('asks for the password of an encrypted file, then previews without a secret, then commits', async () => {
    const { session, call } = await host();
    const asked = value(
      await call<ImportPreviewResult>('previewImport', {
        files: [
          fileInput('aegis-tests/aegis_encrypted.json'),
          fileInput('aegis-tests/proton_authenticator.json'),
        ],
      }),
    );
    expect(asked).toEqual({ needsPassword: true, files: ['aegis_encrypted.json'] });

    const wrong = await call('previewImport', {
      files: [fileInput('aegis-tests/aegis_encrypted.json', 'nope')],
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD' } });

    const result = value(
      await call<ImportPreviewResult>('previewImport', {
        files: [
          fileInput('aegis-tests/aegis_encrypted.json', 'test'),
          fileInput('keepassxc-tests/bitwarden_export.json'),
        ],
      }),
    );
    if (result.needsPassword) throw new Error('expected a plan');
    expect(result.planId).toMatch(/^[0-9a-f]{32}$/);
    expect(result.preview.toImport).toBe(8);
    const shown = JSON.stringify(result);
    for (const secret of [...REFERENCE.map((row) => row.seed.secret), 'mypassword', 'DFDFDEF']) {
      expect(shown).not.toContain(secret);
    }

    const outcome = value(
      await call<{ imported: string[] }>('commitImport', { planId: result.planId }),
    );
    expect(outcome.imported).toHaveLength(8);
    expect(session.unlocked().accounts.list()).toHaveLength(8);
    expect(await call('commitImport', { planId: result.planId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    session.close();
  });

  it('forgets previewed plans when the vault locks, and after a while', async () => {
    const { session, clock, call } = await host();
    const preview = async () => {
      const result = value(
        await call<ImportPreviewResult>('previewImport', {
          files: [fileInput('aegis-tests/plain.txt')],
        }),
      );
      if (result.needsPassword) throw new Error('expected a plan');
      return result.planId;
    };
    const beforeLock = await preview();
    await call('lockVault', {});
    await call('unlockVault', { password: PASSWORD });
    expect(await call('commitImport', { planId: beforeLock })).toMatchObject({ ok: false });

    const stale = await preview();
    clock.advance(PLAN_LIFETIME_MS + 1);
    expect(await call('commitImport', { planId: stale })).toMatchObject({ ok: false });
    expect(session.unlocked().accounts.list()).toEqual([]);
    session.close();
  });

  it('decodes the codes in a pasted image into a plan, and shows Google transfer QR codes for accounts', async () => {
    const { session, call } = await host();
    const png = await QRCode.toBuffer(
      'otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ',
      { type: 'png' },
    );
    const decoded = value(await call<ImportPreviewResult>('decodeQrImage', { image: base64(png) }));
    if (decoded.needsPassword) throw new Error('expected a plan');
    expect(decoded.preview.entries).toMatchObject([
      { issuer: 'Deno', accountName: 'Mason', otp: { type: 'totp' } },
    ]);
    value(await call('commitImport', { planId: decoded.planId }));

    const [deno] = session.unlocked().accounts.list();
    const view = value(
      await call<{ images: string[]; exported: number }>('googleMigrationQr', { ids: [deno?.id] }),
    );
    expect(view.exported).toBe(1);
    expect(view.images).toHaveLength(1);
    const image = Buffer.from(
      (view.images[0] ?? '').replace(/^data:image\/png;base64,/, ''),
      'base64',
    );
    expect(PNG.sync.read(image).width).toBeGreaterThan(100);
    const [code] = await readQrCodes(new Uint8Array(image));
    expect(code?.text).toMatch(/^otpauth-migration:\/\/offline\?data=/);
    session.close();
  });

  it('refuses malformed input before the core sees it', async () => {
    const { session, call } = await host();
    expect(await call('previewImport', { files: [] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(
      await call('previewImport', { files: [{ name: 'x', content: 'not base64!' }] }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call('commitImport', { planId: 'abc' })).toMatchObject({ ok: false });
    const twice = fileInput('aegis-tests/plain.txt');
    expect(await call('previewImport', { files: [twice, twice] })).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'Two of the files are named plain.txt; rename one.',
      },
    });
    session.close();
  });
});
