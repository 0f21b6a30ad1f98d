import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfFromHtml, renderPdf } from '../../../src/cli/browser-pdf.js';
import type { SheetPaper } from '../../../src/shared/sheets.js';
import { chromiumLaunchOptions } from '../../e2e/support/browser.js';
import {
  decodeQrCodesInFile,
  pdfPageCount,
  pdfPagesAsPng,
  pdfPageTexts,
  pdfText,
  writePdf,
} from '../../support/pdf.js';
import { findSecretsInFiles, secretForms } from '../../support/secret-scan.js';
import { createTestVault, tempFolder } from '../../support/temp-vault.js';
import { fillKitVault, makeCodes } from './sheet-fixtures.js';
import { makeSeed } from '../../../src/core/otp/seed.js';

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
});
afterAll(async () => {
  await browser?.close();
});

function allFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((name) => join(folder, name))
    .filter((path) => {
      try {
        return statSync(path).isFile();
      } catch {
        return false;
      }
    });
}

describe('recovery sheets rendered to PDF by Chromium', () => {
  for (const paper of ['a4', 'letter'] as const) {
    for (const includeUsed of [false, true]) {
      it(`kit on ${paper}${includeUsed ? ' with used codes' : ''}: every unused code is there, no used one is usable, every QR code is the exact otpauth URI`, async () => {
        const { vault, clock } = await createTestVault();
        const accounts = fillKitVault(vault, clock);
        const sheet = await vault.sheets.render({ all: true }, { paper, includeUsed });
        const folder = tempFolder();
        const pdf = writePdf(folder, 'kit.pdf', await pdfFromHtml(browser, sheet.html, paper));
        const text = pdfText(pdf);
        const info = readFileSync(pdf, 'latin1');
        expect(info.startsWith('%PDF-')).toBe(true);

        for (const account of accounts.values()) {
          for (const code of account.unused) expect(text).toContain(code);
          for (const code of account.used) {
            const lines = text.split('\n').filter((line) => line.includes(code));
            if (includeUsed) {
              expect(lines).toHaveLength(1);
              expect(lines[0]).toMatch(new RegExp(`${code} used \\d+ \\w+ 2026`));
            } else {
              expect(lines).toEqual([]);
            }
          }
        }
        expect(text).toContain('Emergency kit: 4 accounts');
        expect(text).toContain('<img src=x onerror=alert(1)>');
        expect(text).toContain('SMS to +44 7700 900461 (old phone)');
        expect(text).toContain('https://quokka.example/recover');
        expect(text).toContain('Bring your passport <and> a bill.');
        expect(text).toContain('counter 42 when printed');
        expect(text).toContain('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');

        const decoded = (
          await Promise.all(pdfPagesAsPng(pdf, folder).map(decodeQrCodesInFile))
        ).flat();
        const expected = [...accounts.values()].flatMap((account) =>
          account.uri ? [account.uri] : [],
        );
        expect(expected).toHaveLength(3);
        expect(decoded.sort()).toEqual(expected.sort());
        const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(
          (await import('node:child_process')).execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }),
        );
        expect(size?.slice(1).map((n) => Math.round(Number(n)))).toEqual(
          paper === 'a4' ? [595, 842] : [612, 792],
        );
        vault.close();
      });
    }
  }

  it('no page cuts a code grid or a QR code in two (30 codes and a long note, A4 and Letter)', async () => {
    const { vault } = await createTestVault();
    const codes = makeCodes(30, 30);
    const zebra = vault.accounts.add({
      issuer: 'Zebra Savings',
      accountName: 'stripes',
      seed: makeSeed({ secret: 'KRUGS4ZANFZSA5DIMUQHEZLTOQ' }),
    });
    vault.backupCodes.add(zebra.id, { codes });
    vault.recovery.update(zebra.id, {
      recoveryNotes: Array.from(
        { length: 40 },
        (_, i) => `Zebra step ${i + 1}: call the branch.`,
      ).join('\n'),
    });
    const aardvark = vault.accounts.add({ issuer: 'Aardvark Mail' });
    const zebraUri = vault.accounts.revealSeed(zebra.id).uri;

    const pagesOfGrid = (texts: string[]) =>
      texts.flatMap((text, index) => (codes.some((code) => text.includes(code)) ? [index] : []));
    let splitWithoutRules = 0;
    let pushedToNextPage = 0;
    for (const paper of ['a4', 'letter'] as SheetPaper[]) {
      for (const lines of [22, 36, 50, 64]) {
        vault.recovery.update(aardvark.id, {
          recoveryNotes: Array.from({ length: lines }, (_, i) => `Aardvark line ${i + 1}`).join(
            '\n',
          ),
        });
        const { html } = await vault.sheets.render({ all: true }, { paper, includeUsed: false });
        const folder = tempFolder();
        const pdf = writePdf(folder, 'kit.pdf', await pdfFromHtml(browser, html, paper));
        const texts = pdfPageTexts(pdf);
        const gridPages = pagesOfGrid(texts);
        expect(gridPages, `${paper}, ${lines} lines`).toHaveLength(1);
        const page = texts[gridPages[0] as number] as string;
        for (const code of codes) expect(page).toContain(code);
        if ((gridPages[0] as number) > 0) pushedToNextPage++;
        // The QR code decodes from exactly one page, with the secret printed beside it.
        const pngs = pdfPagesAsPng(pdf, folder, 110);
        const perPage = await Promise.all(pngs.map(decodeQrCodesInFile));
        const hits = perPage.flatMap((uris, index) =>
          uris.filter((uri) => uri === zebraUri).map(() => index),
        );
        expect(hits, `${paper}, ${lines} lines`).toHaveLength(1);
        expect(texts[hits[0] as number]).toContain('KRUG S4ZA NFZS A5DI MUQH EZLT OQ');

        // The same sheet without the no-break rules (and so without its CSP) does get cut:
        // the check above can fail.
        const unguarded = html
          .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
          .replace(/break-inside:avoid;page-break-inside:avoid/g, '');
        const control = writePdf(
          folder,
          'control.pdf',
          await pdfFromHtml(browser, unguarded, paper),
        );
        if (pagesOfGrid(pdfPageTexts(control)).length > 1) splitWithoutRules++;
      }
    }
    expect(pushedToNextPage).toBeGreaterThan(0);
    expect(splitWithoutRules).toBeGreaterThan(0);
    vault.close();
  });

  it('the style applies under the sheet’s own Content-Security-Policy, and nothing is blocked or fetched', async () => {
    const { vault, clock } = await createTestVault();
    fillKitVault(vault, clock);
    const { html } = await vault.sheets.render({ all: true }, { paper: 'a4', includeUsed: true });
    const context = await browser.newContext();
    const page = await context.newPage();
    const messages: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => messages.push(message.text()));
    page.on('request', (request) => requests.push(request.url()));
    await page.setContent(html, { waitUntil: 'load' });
    expect(
      await page
        .locator('.code-grid')
        .first()
        .evaluate((el) => getComputedStyle(el).display),
    ).toBe('grid');
    expect(await page.locator('.qr svg').count()).toBe(3);
    expect(messages.filter((text) => /Content Security Policy|Refused/i.test(text))).toEqual([]);
    expect(requests.filter((url) => !url.startsWith('about:') && !url.startsWith('data:'))).toEqual(
      [],
    );
    await context.close();
    vault.close();
  });

  it('writes nothing of the sheet to disk while Chromium renders it, and leaves no profile behind', async () => {
    const { vault, clock } = await createTestVault();
    const accounts = fillKitVault(vault, clock);
    const { html } = await vault.sheets.render({ all: true }, { paper: 'a4', includeUsed: true });
    const github = accounts.get('github');
    if (!github) throw new Error('fixture');
    const secrets = [
      { label: 'seed', forms: secretForms('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', { base32: true }) },
      { label: 'grouped seed', forms: secretForms('JBSW Y3DP EHPK 3PXP') },
      ...github.unused
        .slice(0, 5)
        .map((code) => ({ label: `code ${code}`, forms: secretForms(code) })),
      { label: 'notes', forms: secretForms('Ms Bilby') },
    ];
    const temp = tempFolder();
    const previous = process.env.TMPDIR;
    process.env.TMPDIR = temp;
    let during: string[] = [];
    let filesDuring = 0;
    try {
      const pdf = await renderPdf(html, 'a4', process.env, {
        beforeClose: () => {
          const files = allFiles(temp);
          filesDuring = files.length;
          during = findSecretsInFiles(files, secrets);
        },
      });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    } finally {
      if (previous === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previous;
    }
    expect(filesDuring).toBeGreaterThan(0); // The browser's profile was there to be searched…
    expect(during).toEqual([]); // …and held nothing of the sheet.
    expect(allFiles(temp)).toEqual([]); // And it is gone.
    vault.close();
  });

  it('a one-account sheet fits one page', async () => {
    const { vault, clock } = await createTestVault();
    const accounts = fillKitVault(vault, clock);
    const folder = tempFolder();
    const one = await vault.sheets.render(
      { accountIds: [accounts.get('github')?.id as string] },
      { paper: 'letter', includeUsed: true },
    );
    expect(one.title).toBe('Recovery sheet: GitHub');
    const pdf = writePdf(folder, 'one.pdf', await pdfFromHtml(browser, one.html, 'letter'));
    expect(pdfPageCount(pdf)).toBe(1);
    vault.close();
  });
});
