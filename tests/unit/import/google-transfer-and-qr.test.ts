import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import type { Vault } from '../../../src/core/vault.js';
import { codesOf, REFERENCE, secretHex } from '../../support/corpus.js';
import { type Otp, transferLink } from '../../support/google-transfer.js';
import { createTestVault } from '../../support/temp-vault.js';

/**
 * Google Authenticator transfers, built with protobufjs from Google's own
 * message definition (tests/support/google-transfer.ts, not with Sparekey's
 * encoder), and QR code images made with the `qrcode` library and read back.
 */
const secretOf = (base32: string) => new Uint8Array(Buffer.from(secretHex(base32), 'hex'));
const [DENO, SPDX, AIRBNB, ISSUU] = REFERENCE as [
  (typeof REFERENCE)[number],
  (typeof REFERENCE)[number],
  (typeof REFERENCE)[number],
  (typeof REFERENCE)[number],
];

async function preview(vault: Vault, files: { name: string; content: string | Uint8Array }[]) {
  return vault.imports.preview(
    files.map(({ name, content }) => ({
      name,
      bytes: typeof content === 'string' ? new Uint8Array(Buffer.from(content)) : content,
    })),
  );
}

describe('Google Authenticator transfer links', () => {
  it('reads names, algorithms, digit counts, types and counters', async () => {
    const { vault } = await createTestVault();
    const link = transferLink([
      {
        secret: secretOf(DENO.seed.secret),
        name: 'Deno:Mason',
        issuer: 'Deno',
        algorithm: 1,
        digits: 1,
        type: 2,
      },
      {
        secret: secretOf(AIRBNB.seed.secret),
        name: 'Elijah',
        issuer: 'Airbnb',
        algorithm: 3,
        digits: 2,
        type: 2,
      },
      {
        secret: secretOf(ISSUU.seed.secret),
        name: 'Issuu:James',
        issuer: '',
        algorithm: 0,
        digits: 0,
        type: 1,
        counter: 1,
      },
    ]);
    const plan = await preview(vault, [{ name: 'transfer.txt', content: `${link}\n` }]);
    expect(plan.files[0]?.format).toBe('google-migration');
    expect(plan.failed).toEqual([]);
    expect(
      plan.entries.map(({ issuer, accountName, seed }) => ({ issuer, accountName, seed })),
    ).toEqual([
      { issuer: 'Deno', accountName: 'Mason', seed: DENO.seed },
      { issuer: 'Airbnb', accountName: 'Elijah', seed: { ...AIRBNB.seed, digits: 8, period: 30 } },
      // The transfer has an issuer field: left empty, the name is the name, colon and all.
      { issuer: '', accountName: 'Issuu:James', seed: ISSUU.seed },
    ]);
    expect(codesOf(plan.entries[2]?.seed ?? DENO.seed)).toEqual(codesOf(ISSUU.seed));
    vault.close();
  });

  it('reports an entry it cannot take (MD5, unknown type) and keeps the others', async () => {
    const { vault } = await createTestVault();
    const link = transferLink([
      {
        secret: secretOf(DENO.seed.secret),
        name: 'Mason',
        issuer: 'Deno',
        algorithm: 4,
        digits: 1,
        type: 2,
      },
      {
        secret: secretOf(SPDX.seed.secret),
        name: 'James',
        issuer: 'SPDX',
        algorithm: 1,
        digits: 1,
        type: 7,
      },
      {
        secret: secretOf(AIRBNB.seed.secret),
        name: 'Elijah',
        issuer: 'Airbnb',
        algorithm: 1,
        digits: 1,
        type: 2,
      },
    ]);
    const plan = await preview(vault, [{ name: 't.txt', content: link }]);
    expect(plan.entries.map((entry) => entry.issuer)).toEqual(['Airbnb']);
    expect(plan.failed).toEqual([
      {
        file: 't.txt',
        label: 'line 1, account 1 (Deno)',
        reason: 'it uses MD5, which Sparekey does not support',
      },
      {
        file: 't.txt',
        label: 'line 1, account 2 (SPDX)',
        reason: 'it has an unknown code type (7)',
      },
    ]);
    vault.close();
  });

  it('imports several batches of one transfer together, from several files', async () => {
    const { vault } = await createTestVault();
    const batch = (index: number, otp: Otp) => transferLink([otp], { size: 3, index, id: -42 });
    const otp = (row: (typeof REFERENCE)[number]): Otp => ({
      secret: secretOf(row.seed.secret),
      name: row.accountName,
      issuer: row.issuer,
      algorithm: 1,
      digits: 1,
      type: 2,
    });
    const plan = await preview(vault, [
      { name: 'part-1-and-3.txt', content: `${batch(0, otp(DENO))}\n${batch(2, otp(AIRBNB))}\n` },
      { name: 'part-2.txt', content: batch(1, otp(SPDX)) },
    ]);
    expect(plan.failed).toEqual([]);
    expect(plan.entries.map((entry) => entry.issuer)).toEqual(['Deno', 'Airbnb', 'SPDX']);
    vault.close();
  });

  it('says which part of a transfer is missing, by number', async () => {
    const { vault } = await createTestVault();
    const otp = {
      secret: secretOf(DENO.seed.secret),
      name: 'Mason',
      issuer: 'Deno',
      algorithm: 1,
      digits: 1,
      type: 2,
    };
    const plan = await preview(vault, [
      { name: 'first.txt', content: transferLink([otp], { size: 4, index: 0, id: 7 }) },
      { name: 'third.txt', content: transferLink([otp], { size: 4, index: 2, id: 7 }) },
    ]);
    expect(plan.failed).toEqual([
      {
        file: 'first.txt, third.txt',
        label: 'Google Authenticator transfer 7',
        reason: 'QR codes 2, 4 of 4 are missing: import every code of the transfer together',
      },
    ]);
    vault.close();
  });

  it('refuses a damaged transfer link per line, naming the problem', async () => {
    const { vault } = await createTestVault();
    const plan = await preview(vault, [
      {
        name: 'bad.txt',
        content:
          'otpauth-migration://offline?data=CgAS%21%21\notpauth-migration://offline?data=Cv8B',
      },
    ]);
    expect(plan.entries).toEqual([]);
    expect(plan.failed.map((note) => note.reason)).toEqual([
      'the data of the Google Authenticator transfer link is not Base64',
      'the Google Authenticator transfer data is damaged (it does not decode)',
    ]);
    vault.close();
  });
});

/** A white RGBA canvas with QR codes drawn at the given places (module size 4 px). */
function canvasWithQrCodes(
  width: number,
  height: number,
  codes: { text: string; x: number; y: number }[],
): PNG {
  const png = new PNG({ width, height });
  png.data.fill(255);
  for (const { text, x, y } of codes) {
    const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
    const size = qr.modules.size;
    for (let row = 0; row < size; row++) {
      for (let column = 0; column < size; column++) {
        if (!qr.modules.get(row, column)) continue;
        for (let dy = 0; dy < 4; dy++) {
          for (let dx = 0; dx < 4; dx++) {
            const offset = ((y + row * 4 + dy) * width + (x + column * 4 + dx)) * 4;
            png.data[offset] = png.data[offset + 1] = png.data[offset + 2] = 0;
          }
        }
      }
    }
  }
  return png;
}

describe('QR code images', () => {
  const uriOf = (row: (typeof REFERENCE)[number]) =>
    `otpauth://${row.seed.type}/${encodeURIComponent(row.issuer)}:${row.accountName}?secret=${row.seed.secret}&algorithm=${row.seed.algorithm}&digits=${row.seed.digits}&${row.seed.type === 'hotp' ? `counter=${row.seed.counter}` : `period=${row.seed.period}`}`;

  it('reads an otpauth QR code from a PNG made by the qrcode library', async () => {
    const { vault } = await createTestVault();
    const png = new Uint8Array(await QRCode.toBuffer(uriOf(SPDX), { type: 'png' }));
    const plan = await preview(vault, [{ name: 'screenshot.png', content: png }]);
    expect(plan.files[0]).toMatchObject({
      format: 'qr-image',
      description: 'PNG image with 1 QR code',
    });
    expect(plan.entries.map(({ issuer, seed }) => ({ issuer, seed }))).toEqual([
      { issuer: 'SPDX', seed: SPDX.seed },
    ]);
    vault.close();
  });

  it('reads several QR codes in one image, and a JPEG', async () => {
    const { vault } = await createTestVault();
    const canvas = canvasWithQrCodes(900, 420, [
      { text: uriOf(DENO), x: 20, y: 20 },
      { text: uriOf(AIRBNB), x: 460, y: 30 },
    ]);
    const pngBytes = new Uint8Array(PNG.sync.write(canvas));
    const jpegBytes = new Uint8Array(
      jpeg.encode({ data: canvas.data, width: 900, height: 420 }, 95).data,
    );
    const plan = await preview(vault, [{ name: 'two.png', content: pngBytes }]);
    expect(plan.entries.map((entry) => entry.issuer).sort()).toEqual(['Airbnb', 'Deno']);
    const fromJpeg = await preview(vault, [{ name: 'two.jpg', content: jpegBytes }]);
    expect(fromJpeg.files[0]?.description).toBe('JPEG image with 2 QR codes');
    expect(fromJpeg.entries.map((entry) => entry.issuer).sort()).toEqual(['Airbnb', 'Deno']);
    vault.close();
  });

  it('reads a dense Google transfer QR code of twelve accounts', async () => {
    const { vault } = await createTestVault();
    const otps = Array.from({ length: 12 }, (_, index) => ({
      secret: new Uint8Array(20).map((_, byte) => (index * 31 + byte * 7) & 0xff),
      name: `someone.with.a.long.name+${index}@example.com`,
      issuer: `Example Service Number ${index}`,
      algorithm: 1,
      digits: 1,
      type: 2,
    }));
    const link = transferLink(otps);
    const qr = QRCode.create(link, { errorCorrectionLevel: 'M' });
    expect(qr.version).toBeGreaterThanOrEqual(20);
    const png = new Uint8Array(
      await QRCode.toBuffer(link, { type: 'png', errorCorrectionLevel: 'M' }),
    );
    const plan = await preview(vault, [{ name: 'transfer.png', content: png }]);
    expect(plan.failed).toEqual([]);
    expect(plan.entries).toHaveLength(12);
    expect(plan.entries[11]).toMatchObject({
      issuer: 'Example Service Number 11',
      accountName: 'someone.with.a.long.name+11@example.com',
    });
    vault.close();
  });

  it('refuses an image with no QR code, or a damaged image, naming the file', async () => {
    const { vault } = await createTestVault();
    const blank = new Uint8Array(PNG.sync.write(canvasWithQrCodes(200, 200, [])));
    await expect(preview(vault, [{ name: 'blank.png', content: blank }])).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'blank.png cannot be imported: no QR code was found in the image.',
    });
    const png = new Uint8Array(await QRCode.toBuffer(uriOf(DENO), { type: 'png' }));
    await expect(
      preview(vault, [{ name: 'cut.png', content: png.slice(0, png.length / 2) }]),
    ).rejects.toThrow(/^cut\.png cannot be imported: the PNG image is damaged/);
    vault.close();
  });
});
