import { fastKeyDerivation } from '../support/fast-key-derivation.js';
import { readFileSync, statSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import QRCode from 'qrcode';
import { secretHex, corpusPath, REFERENCE } from '../support/corpus.js';
import { transferLink } from '../support/google-transfer.js';
import { readQrCodes } from '../../src/core/qr/read-qr.js';
import { Vault } from '../../src/core/vault.js';
import {
  addAccountsThroughCore,
  coreCode,
  createVault,
  expectAccessible,
  screenshot,
} from './support/app-actions.js';
import { type AppHost, E2E_PASSWORD, expect, test } from './support/test-host.js';

/**
 * Import, export and QR-image add in the desktop app: real corpus files chosen
 * in the page's file input, the real core behind the host, files written where
 * the scripted save dialog points and read back.
 */

async function openImportExport(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Import & export' }).click();
  await expect(page.getByRole('heading', { name: 'Import & export', level: 2 })).toBeVisible();
}

const importCard = (page: Page) => page.getByRole('region', { name: 'Import from another app' });
const exportCard = (page: Page) => page.getByRole('region', { name: 'Export' });

/** Chooses files as a person does: the card's own button opens the system's file chooser. */
async function chooseImportFiles(page: Page, paths: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await importCard(page).getByRole('button', { name: 'Choose files…' }).click();
  await (await chooser).setFiles(paths);
}

async function chooseQrImage(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page
    .getByRole('region', { name: 'Add from a QR image' })
    .getByRole('button', { name: 'Choose a QR code image…' })
    .click();
  await (await chooser).setFiles(path);
}

/** The secrets in the vault, decoded (the corpus pads some with '='). */
async function vaultSecrets(app: AppHost): Promise<string[]> {
  const vault = app.session.unlocked();
  return vault.accounts
    .list()
    .filter((account) => account.otp !== null)
    .map((account) => secretHex(vault.accounts.revealSeed(account.id).seed.secret))
    .sort();
}

/** A second, empty vault in the test's folder, to import an exported file into. */
async function scratchVault(app: AppHost, name: string): Promise<{ vault: Vault }> {
  const vault = await Vault.create(join(app.folder, `${name}.sparekey`), E2E_PASSWORD, {
    deriveKey: fastKeyDerivation,
  });
  return { vault };
}

const referenceSecrets = (rows = REFERENCE) => rows.map((row) => secretHex(row.seed.secret)).sort();

test('imports a real Aegis export after a preview, and shows the codes the core computes', async ({
  app,
}, testInfo) => {
  const { page } = app;
  await createVault(page);
  await openImportExport(page);
  await expectAccessible(page, 'the import & export view');
  await screenshot(page, testInfo, 'import-export-view');

  await chooseImportFiles(page, [corpusPath('aegis-tests/aegis_plain.json')]);
  const card = importCard(page);
  await expect(card.getByRole('heading', { name: '7 accounts to add' })).toBeVisible();
  await expect(card.getByText(/aegis_plain\.json: Aegis vault/)).toBeVisible();
  for (const row of REFERENCE)
    await expect(card.getByText(row.issuer, { exact: true })).toBeVisible();
  // A preview writes nothing.
  expect(app.session.unlocked().accounts.list()).toEqual([]);
  await expectAccessible(page, 'the import preview');
  await screenshot(page, testInfo, 'import-preview');

  // Keyboard first: the commit button has the focus once the preview is shown.
  await expect(card.getByRole('button', { name: 'Import 7 accounts' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(card.getByRole('status')).toContainText(
    'Imported 7 accounts: Deno, SPDX, Airbnb, Issuu, Air Canada, WWE, Boeing.',
  );
  expect(await vaultSecrets(app)).toEqual(referenceSecrets());
  // The sidebar's count follows at once, before the list is opened again.
  await expect(page.getByRole('button', { name: 'Accounts' }).locator('.nav-count')).toHaveText(
    '7',
  );

  await page.getByRole('button', { name: 'Accounts' }).click();
  const list = page.getByRole('listbox', { name: 'Accounts' });
  await expect(list.getByRole('option')).toHaveCount(7);
  for (const account of await app.core.listAccounts({})) {
    if (account.otp?.type !== 'totp') continue;
    await expect(list.getByRole('option', { name: new RegExp(account.issuer) })).toContainText(
      await coreCode(app, account.id),
    );
  }
});

test('an encrypted export asks for its password, says when it is wrong, then imports', async ({
  app,
}) => {
  const { page } = app;
  await createVault(page);
  await openImportExport(page);
  await chooseImportFiles(page, [corpusPath('aegis-tests/aegis_encrypted.json')]);
  const card = importCard(page);
  const password = card.getByLabel('Password for aegis_encrypted.json');
  await expect(password).toBeFocused();
  await password.fill('not the password');
  await card.getByRole('button', { name: 'Open' }).click();
  // The refusal is at the file's password, which keeps the focus.
  await expect(password).toHaveAccessibleDescription(
    'Wrong password for aegis_encrypted.json: it does not decrypt the file.',
  );
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(password).toBeFocused();

  await password.fill('test');
  await expect(password).not.toHaveAttribute('aria-invalid', 'true');
  await card.getByRole('button', { name: 'Open' }).click();
  await card.getByRole('button', { name: 'Import 7 accounts' }).click();
  await expect(card.getByRole('status')).toContainText('Imported 7 accounts');
  expect(await vaultSecrets(app)).toEqual(referenceSecrets());
});

test('unreadable entries are listed with their reasons before the commit; duplicates are skipped', async ({
  app,
}, testInfo) => {
  const { page } = app;
  await createVault(page);
  // The reference links, two of them damaged by hand.
  const lines = readFileSync(corpusPath('aegis-tests/plain.txt'), 'utf8').trim().split('\n');
  lines[1] = lines[1]!.replace(/secret=[A-Z0-9]+/, 'secret=NOT-BASE32!');
  lines[4] = 'otpauth://totp/Broken:nobody?issuer=Broken';
  const file = join(app.folder, 'links.txt');
  writeFileSync(file, `${lines.join('\n')}\n`);

  // What the core finds in it, to be shown entry by entry.
  const found = await app.core.previewImport({
    files: [{ name: 'links.txt', content: readFileSync(file).toString('base64') }],
  });
  if (found.needsPassword) throw new Error('expected a preview');
  const expected = found.preview.failed;
  expect(expected).toHaveLength(2);

  await openImportExport(page);
  await chooseImportFiles(page, [file]);
  const card = importCard(page);
  const failed = card.getByRole('region', { name: /could not be read/ });
  await expect(failed).toContainText('2 entries could not be read and will not be imported.');
  for (const note of expected) {
    await expect(failed.getByRole('listitem').filter({ hasText: note.label })).toContainText(
      note.reason,
    );
  }
  await expect(card.getByRole('button', { name: 'Import 5 accounts' })).toBeVisible();
  await expectAccessible(page, 'an import preview with unreadable entries');
  await screenshot(page, testInfo, 'import-preview-unreadable');
  await card.getByRole('button', { name: 'Import 5 accounts' }).click();
  await expect(card.getByRole('status')).toContainText(
    'Imported 5 accounts: Deno, Airbnb, Issuu, WWE, Boeing. 2 unreadable entries left out.',
  );

  // The whole Aegis export: the five already imported are duplicates, two are new.
  await chooseImportFiles(page, [corpusPath('aegis-tests/aegis_plain.json')]);
  await expect(card.getByRole('heading', { name: '2 accounts to add' })).toBeVisible();
  const duplicates = card.getByRole('region', { name: /5 duplicates/ });
  await expect(duplicates).toContainText('already in the vault');
  await expect(duplicates.getByRole('listitem')).toHaveCount(5);
  await expect(duplicates.getByRole('listitem').first()).toContainText('Deno — same as Deno');
  await card.getByRole('button', { name: 'Import 2 accounts' }).click();
  await expect(card.getByRole('status')).toContainText(
    'Imported 2 accounts: SPDX, Air Canada. 5 duplicates skipped.',
  );
  expect(await vaultSecrets(app)).toEqual(referenceSecrets());
});

test('files dropped on the import card are previewed like chosen ones', async ({ app }) => {
  const { page } = app;
  await createVault(page);
  await openImportExport(page);
  const files = ['aegis-tests/proton_authenticator.json', 'keepassxc-tests/bitwarden_export.json'];
  const contents = files.map((path) => ({
    name: path.split('/').pop()!,
    base64: readFileSync(corpusPath(path)).toString('base64'),
  }));
  const zone = importCard(page).locator('.drop-zone');
  const data = await page.evaluateHandle((dropped) => {
    const transfer = new DataTransfer();
    for (const file of dropped) {
      const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], file.name));
    }
    return transfer;
  }, contents);
  await zone.dispatchEvent('dragover', { dataTransfer: data });
  await zone.dispatchEvent('drop', { dataTransfer: data });
  const card = importCard(page);
  await expect(card.getByText(/proton_authenticator\.json: /)).toBeVisible();
  await expect(card.getByText(/bitwarden_export\.json: /)).toBeVisible();
  // Proton's three TOTP entries and Bitwarden's one login; its other items are skipped, and said so.
  await expect(card.getByRole('heading', { name: '4 accounts to add' })).toBeVisible();
  await expect(card.getByRole('region', { name: '3 entries skipped' })).toContainText(
    'skipped: not a login (a card)',
  );
  await card.getByRole('button', { name: 'Import 4 accounts' }).click();
  await expect(card.getByRole('status')).toContainText('Imported 4 accounts');
  expect(app.session.unlocked().accounts.list()).toHaveLength(4);
});

test('a lock drops the previewed import: nothing is added', async ({ app }) => {
  const { page } = app;
  await createVault(page);
  await openImportExport(page);
  await chooseImportFiles(page, [corpusPath('aegis-tests/plain.txt')]);
  await expect(importCard(page).getByRole('button', { name: 'Import 7 accounts' })).toBeVisible();
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock Sparekey' })).toBeVisible();
  await page.getByLabel('Password').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await openImportExport(page);
  await expect(importCard(page).getByRole('button', { name: /Import \d+ accounts/ })).toHaveCount(
    0,
  );
  expect(app.session.unlocked().accounts.list()).toEqual([]);
});

test('adds accounts from a QR image: a site’s QR code, and a Google transfer code with many', async ({
  app,
}, testInfo) => {
  const { page } = app;
  await createVault(page);
  const [deno, spdx, airbnb] = REFERENCE as [
    (typeof REFERENCE)[number],
    (typeof REFERENCE)[number],
    (typeof REFERENCE)[number],
  ];
  const siteQr = join(app.folder, 'site-qr.png');
  writeFileSync(
    siteQr,
    await QRCode.toBuffer(`otpauth://totp/Deno:Mason?secret=${deno.seed.secret}&issuer=Deno`, {
      type: 'png',
    }),
  );

  await page.getByRole('button', { name: 'Add your first account' }).click();
  await page.getByRole('button', { name: 'From a QR image' }).click();
  const panel = page.getByRole('region', { name: 'Add from a QR image' });
  await expectAccessible(page, 'the QR image add');
  await screenshot(page, testInfo, 'qr-add');
  await chooseQrImage(page, siteQr);
  await expect(panel.getByRole('heading', { name: '1 account to add' })).toBeVisible();
  await expect(panel.getByText('Deno', { exact: true })).toBeVisible();
  await expectAccessible(page, 'the QR image preview');
  await screenshot(page, testInfo, 'qr-add-preview');
  await panel.getByRole('button', { name: 'Import 1 account' }).click();
  const list = page.getByRole('listbox', { name: 'Accounts' });
  await expect(list.getByRole('option', { name: /Deno/ })).toHaveAttribute('aria-selected', 'true');
  const denoId = (await app.core.listAccounts({}))[0]!.id;
  await expect(page.getByTestId('current-code')).toHaveText(await coreCode(app, denoId));

  // A Google Authenticator transfer QR code, made with Google's message definition and `qrcode`.
  const otp = (row: typeof deno) => ({
    secret: new Uint8Array(Buffer.from(secretHex(row.seed.secret), 'hex')),
    name: row.accountName,
    issuer: row.issuer,
    algorithm: 1,
    digits: 1,
    type: 2,
  });
  const google = join(app.folder, 'google.png');
  writeFileSync(
    google,
    await QRCode.toBuffer(transferLink([otp(deno), otp(spdx), otp(airbnb)]), { type: 'png' }),
  );
  await page.getByRole('button', { name: 'Add account' }).first().click();
  await page.getByRole('button', { name: 'From a QR image' }).click();
  await chooseQrImage(page, google);
  await expect(panel.getByRole('heading', { name: '2 accounts to add' })).toBeVisible();
  await expect(panel.getByRole('region', { name: /1 duplicate/ })).toContainText('Deno');
  await panel.getByRole('button', { name: 'Import 2 accounts' }).click();
  await expect(list.getByRole('option')).toHaveCount(3);
  await expect(page.getByRole('status')).toContainText('Added 2 accounts: SPDX, Airbnb.');
  expect((await vaultSecrets(app)).length).toBe(3);
});

test('pasting a QR image on the add form adds its account', async ({ app }) => {
  const { page } = app;
  await createVault(page);
  const png = await QRCode.toBuffer(
    `otpauth://totp/Airbnb:Elijah?secret=${REFERENCE[2]!.seed.secret}&issuer=Airbnb`,
    { type: 'png' },
  );
  await page.getByRole('button', { name: 'Add your first account' }).click();
  const field = page.getByLabel('Setup key or otpauth:// link');
  await field.focus();
  // A paste whose clipboard holds an image file, as a screenshot tool leaves it.
  await field.evaluate((element, base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], 'image.png', { type: 'image/png' }));
    element.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, png.toString('base64'));
  const panel = page.getByRole('region', { name: 'Add from a QR image' });
  await expect(panel.getByText('Airbnb', { exact: true })).toBeVisible();
  await panel.getByRole('button', { name: 'Import 1 account' }).click();
  await expect(page.getByRole('listbox', { name: 'Accounts' }).getByRole('option')).toHaveCount(1);
});

test('exports to a file through the save dialog: mode 0600, the same secrets back; cancel writes nothing', async ({
  app,
}, testInfo) => {
  const { page } = app;
  await createVault(page);
  const rows = REFERENCE.slice(0, 3);
  const vault = app.session.unlocked();
  for (const row of rows) {
    vault.accounts.add({ issuer: row.issuer, accountName: row.accountName, seed: row.seed });
  }
  addAccountsThroughCore(app, [{ issuer: 'Paper Bank', accountName: 'alice' }]);
  await openImportExport(page);
  const card = exportCard(page);

  // Plain otpauth links, every account: a warning that the file is not encrypted.
  await card.getByLabel(/otpauth:\/\/ links/).check();
  await expect(card.getByText(/The file is not encrypted/)).toBeVisible();
  await expectAccessible(page, 'the export form');
  await screenshot(page, testInfo, 'export-plain');
  const out = join(app.folder, 'links.txt');
  app.saveDialog.answers.push(out);
  await card.getByRole('button', { name: 'Save…' }).click();
  await expect(card.getByRole('status')).toHaveText('Saved 3 accounts to links.txt.');
  await expect(card.getByText('Paper Bank')).toBeVisible();
  await expect(card.getByText(/it has no authenticator seed/)).toBeVisible();
  expect(app.saveDialog.requests.at(-1)?.defaultName).toBe('sparekey-export-2026-05-03.txt');
  expect(statSync(out).mode & 0o777).toBe(0o600);
  const { vault: other } = await scratchVault(app, 'other');
  const plan = await other.imports.preview([
    { name: 'links.txt', bytes: new Uint8Array(readFileSync(out)) },
  ]);
  expect(plan.failed).toEqual([]);
  expect(plan.entries.map((entry) => secretHex(entry.seed!.secret)).sort()).toEqual(
    referenceSecrets(rows),
  );
  other.close();

  // Cancelled: nothing written, and the page says so.
  const before = readdirSync(app.folder).sort();
  app.saveDialog.answers.push(null);
  await card.getByRole('button', { name: 'Save…' }).click();
  await expect(card.getByRole('status')).toHaveText('Nothing was saved.');
  expect(readdirSync(app.folder).sort()).toEqual(before);
});

test('an encrypted Aegis export of chosen accounts needs a long, repeated password', async ({
  app,
}, testInfo) => {
  const { page } = app;
  await createVault(page);
  for (const row of REFERENCE.slice(0, 3)) {
    app.session
      .unlocked()
      .accounts.add({ issuer: row.issuer, accountName: row.accountName, seed: row.seed });
  }
  await openImportExport(page);
  const card = exportCard(page);
  await card.getByLabel('Only the accounts I choose').check();
  await card.getByLabel('Search the accounts').fill('spd');
  await card.getByLabel(/SPDX/).check();
  await card.getByLabel('Search the accounts').fill('');
  await card.getByLabel(/Deno/).check();
  await expect(card.getByText('Accounts to export (2 chosen)')).toBeVisible();
  await card.getByLabel(/Aegis vault, encrypted/).check();

  const out = join(app.folder, 'aegis.json');
  app.saveDialog.answers.push(out);
  await card.getByLabel('Export password', { exact: true }).fill('short');
  await card.getByLabel('Repeat the export password').fill('short');
  await card.getByRole('button', { name: 'Save…' }).click();
  await expect(card.getByLabel('Export password', { exact: true })).toHaveAccessibleDescription(
    'The export password needs at least 8 characters.',
  );
  await card.getByLabel('Export password', { exact: true }).fill('a long export password');
  await card.getByLabel('Repeat the export password').fill('a long export passwort');
  await card.getByRole('button', { name: 'Save…' }).click();
  await expect(card.getByLabel('Repeat the export password')).toHaveAccessibleDescription(
    'The two passwords differ; type the same password twice.',
  );
  expect(app.saveDialog.requests).toEqual([]);
  expect(existsSync(out)).toBe(false);
  await expectAccessible(page, 'the encrypted export form');
  await screenshot(page, testInfo, 'export-encrypted');

  await card.getByLabel('Repeat the export password').fill('a long export password');
  await card.getByRole('button', { name: 'Save…' }).click();
  await expect(card.getByRole('status')).toHaveText('Saved 2 accounts to aegis.json.');
  await expect(card.getByLabel('Export password', { exact: true })).toHaveValue('');
  expect(statSync(out).mode & 0o777).toBe(0o600);
  const { vault: other } = await scratchVault(app, 'other');
  const plan = await other.imports.preview(
    [{ name: 'aegis.json', bytes: new Uint8Array(readFileSync(out)) }],
    { password: () => 'a long export password' },
  );
  expect(plan.entries.map((entry) => entry.issuer).sort()).toEqual(['Deno', 'SPDX']);
  other.close();
});

test('Google Authenticator transfer QR codes show on screen after a confirmation, one batch at a time', async ({
  app,
}, testInfo) => {
  const { page } = app;
  await createVault(page);
  addAccountsThroughCore(
    app,
    Array.from({ length: 12 }, (_, i) => ({
      issuer: `Service ${i + 1}`,
      secret: 'JBSWY3DPEHPK3PXP',
    })),
  );
  await openImportExport(page);
  const card = exportCard(page);
  await card.getByLabel(/Google Authenticator transfer QR codes/).check();
  await card.getByRole('button', { name: 'Show QR codes…' }).click();
  await expect(card.getByText('Show the transfer QR codes of 12 accounts now?')).toBeVisible();
  await expect(card.getByRole('img')).toHaveCount(0);
  await card.getByRole('button', { name: 'Show QR codes', exact: true }).click();

  const qr = page.getByRole('region', { name: 'Google Authenticator transfer' });
  await expect(qr.getByText('QR code 1 of 2')).toBeVisible();
  await expectAccessible(page, 'the transfer QR codes');
  await screenshot(page, testInfo, 'export-google-qr');
  const first = await qr.getByRole('img').getAttribute('src');
  await qr.getByRole('button', { name: 'Next code' }).click();
  await expect(qr.getByText('QR code 2 of 2')).toBeVisible();
  const second = await qr.getByRole('img').getAttribute('src');
  const decoded = await Promise.all(
    [first, second].map(async (src) => {
      const png = Buffer.from(src!.replace(/^data:image\/png;base64,/, ''), 'base64');
      return (await readQrCodes(new Uint8Array(png)))[0]?.text;
    }),
  );
  for (const text of decoded) expect(text).toMatch(/^otpauth-migration:\/\/offline\?data=/);
  await qr.getByRole('button', { name: 'Done, hide the codes' }).click();
  await expect(page.getByRole('img', { name: /transfer QR code/ })).toHaveCount(0);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`import preview, export form and QR add pass axe and are photographed (${scheme})`, async ({
    app,
  }, testInfo) => {
    const { page } = app;
    await page.emulateMedia({ colorScheme: scheme });
    await createVault(page);
    const [deno] = REFERENCE;
    const vault = app.session.unlocked();
    vault.accounts.add({ issuer: deno!.issuer, accountName: deno!.accountName, seed: deno!.seed });
    addAccountsThroughCore(app, [{ issuer: 'Paper Bank', accountName: 'alice' }]);
    const links = readFileSync(corpusPath('aegis-tests/plain.txt'), 'utf8').trim().split('\n');
    const file = join(app.folder, 'links.txt');
    writeFileSync(file, [...links.slice(0, 4), 'otpauth://totp/Broken:nobody'].join('\n'));

    await openImportExport(page);
    await chooseImportFiles(page, [file]);
    await expect(importCard(page).getByRole('button', { name: 'Import 3 accounts' })).toBeVisible();
    await expectAccessible(page, `the import preview (${scheme})`);
    await screenshot(page, testInfo, `${scheme}-import-preview`);

    await exportCard(page).getByLabel('Only the accounts I choose').check();
    await exportCard(page)
      .getByLabel(/Aegis vault, not encrypted/)
      .check();
    await exportCard(page).scrollIntoViewIfNeeded();
    await expectAccessible(page, `the export form (${scheme})`);
    await screenshot(page, testInfo, `${scheme}-export`);

    await page
      .getByRole('navigation', { name: 'Sparekey' })
      .getByRole('button', { name: /^Accounts/ })
      .click();
    await page.getByRole('button', { name: 'Add account' }).first().click();
    await expect(page.getByRole('button', { name: 'From a QR image' })).toBeVisible();
    await expectAccessible(page, `the add form with its QR option (${scheme})`);
    await screenshot(page, testInfo, `${scheme}-add-account`);
    await page.getByRole('button', { name: 'From a QR image' }).click();
    const png = join(app.folder, 'qr.png');
    writeFileSync(png, await QRCode.toBuffer(links[2]!, { type: 'png' }));
    const panel = page.getByRole('region', { name: 'Add from a QR image' });
    await chooseQrImage(page, png);
    await expect(panel.getByRole('button', { name: 'Import 1 account' })).toBeVisible();
    await expectAccessible(page, `the QR image preview (${scheme})`);
    await screenshot(page, testInfo, `${scheme}-qr-add-preview`);
  });
}
