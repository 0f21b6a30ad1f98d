import { chromium } from '@playwright/test';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusPath, REFERENCE } from '../support/corpus.js';
import { findSecretsInFiles, secretForms } from '../support/secret-scan.js';
import { chromiumLaunchOptions } from './support/browser.js';
import { createVault, openAccountTab } from './support/app-actions.js';
import { expect, test as hostTest } from './support/test-host.js';

/**
 * The browser profile the renderer runs in, kept in a folder this test owns so
 * it can be read after the browser has flushed it: in the app this is
 * Electron's userData (local storage, IndexedDB, caches, form autofill).
 */
const test = hostTest.extend<{ profile: string }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their dependencies.
  profile: async ({}, use) => {
    const folder = mkdtempSync(join(tmpdir(), 'sparekey-e2e-profile-'));
    await use(folder);
    rmSync(folder, { recursive: true, force: true });
  },
  context: async ({ profile }, use) => {
    const context = await chromium.launchPersistentContext(profile, {
      ...chromiumLaunchOptions(),
      viewport: { width: 1200, height: 800 },
    });
    await use(context);
    await context.close();
  },
});

/** Every file below `folder`. */
function allFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((name) => join(folder, name))
    .filter((path) => statSync(path, { throwIfNoEntry: false })?.isFile() ?? false);
}

const SEED = 'NUMBATQUOKKAWOMBAT234567ABCDEFGH';
const PASTED_SEED = 'WALLABYPADEMELON234567KANGAROOXY';
const CODES = ['7391 4482', '5620 1937', '8815 2046', '3074 6659', '9142 0388'];
const PASSWORD = 'Echidna-Bilby-4471-Platypus';
const PHONE = '+44 7700 900871';
const NOTE = 'spare key is under the bilby statue';

test('nothing secret typed, revealed, copied, imported, printed or backed up in the app reaches the disk unencrypted: vault, WAL, backups, temp files or the browser profile', async ({
  app,
  profile,
}) => {
  const { page } = app;
  await createVault(page);

  // An account from a typed setup key, with a note.
  await page.getByRole('button', { name: 'Add your first account' }).click();
  await page.getByLabel('Setup key or otpauth:// link').fill(SEED);
  await page.getByLabel('Issuer (site or service)').fill('Quokkabank');
  await page.getByLabel('Notes').fill(NOTE);
  // Chromium saves the page's state (its form fields among it) to the profile on a timer of a few
  // seconds: give it that time while the note is still in the field.
  await page.waitForTimeout(4000);
  await page.getByRole('button', { name: 'Add account' }).last().click();
  await expect(page.getByRole('heading', { name: 'Quokkabank', level: 2 })).toBeVisible();

  // Backup codes pasted, one used by typing it.
  await openAccountTab(page, 'Backup codes');
  const codes = page.getByRole('region', { name: 'Backup codes' });
  await codes.getByRole('button', { name: 'Add backup codes' }).click();
  await codes.getByLabel('Paste the codes').fill(CODES.join('\n'));
  await codes.getByRole('button', { name: `Save ${CODES.length} codes` }).click();
  await codes.getByLabel('The code you used').fill(CODES[0]!);
  await codes.getByRole('button', { name: 'Mark used' }).click();
  await expect(codes.getByTestId('codes-left')).toHaveText(`4 of ${CODES.length} left`);

  // A typed password, revealed; the setup key revealed, copied and shown as a QR code.
  await openAccountTab(page, 'Sign-in');
  const login = page.getByRole('region', { name: 'Sign-in', exact: true });
  await login.getByRole('button', { name: 'Add the password' }).click();
  await login.getByLabel('Username').fill('wombat');
  await login.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await login.getByRole('button', { name: 'Save sign-in' }).click();
  await login.getByRole('button', { name: 'Reveal' }).click();
  await expect(login.getByTestId('password')).toHaveText(PASSWORD);
  await openAccountTab(page, 'Code');
  await page.getByRole('button', { name: 'Add to another authenticator…' }).click();
  await page.getByRole('button', { name: 'Show the QR code' }).click();
  await expect(page.getByTestId('account-qr')).toBeVisible();
  await page.getByRole('button', { name: 'Done, hide the QR code' }).click();
  await page.getByRole('button', { name: 'Reveal setup key' }).click();
  await expect(page.getByTestId('revealed-secret')).toContainText(SEED.slice(0, 4));
  await page.getByRole('button', { name: 'Copy setup key' }).click();
  await expect.poll(() => app.clipboard.text).toBe(SEED);

  // A recovery phone number.
  await page.getByRole('button', { name: 'Contacts' }).click();
  await page.getByRole('button', { name: 'Add your first contact' }).click();
  await page.getByLabel('Phone number, with its country code').fill(PHONE);
  await page.getByRole('button', { name: 'Add phone number' }).click();
  await expect(page.getByText(PHONE)).toBeVisible();

  // Seven accounts imported from another app's export (the file itself stays where it was).
  await page.getByRole('button', { name: 'Import & export' }).click();
  const importCard = page.getByRole('region', { name: 'Import from another app' });
  const chooser = page.waitForEvent('filechooser');
  await importCard.getByRole('button', { name: 'Choose files…' }).click();
  await (await chooser).setFiles([corpusPath('aegis-tests/aegis_plain.json')]);
  await importCard.getByRole('button', { name: `Import ${REFERENCE.length} accounts` }).click();
  await expect(importCard.getByRole('status')).toContainText(
    `Imported ${REFERENCE.length} accounts`,
  );
  // And one pasted as an otpauth:// link (the text area is emptied once main has it).
  const pasted = importCard.getByLabel(/Or paste otpauth:\/\/ links/);
  await pasted.fill(`otpauth://totp/Wallaby:me?secret=${PASTED_SEED}&issuer=Wallaby`);
  await page.waitForTimeout(4000);
  await importCard.getByRole('button', { name: 'Preview the pasted links' }).click();
  await importCard.getByRole('button', { name: 'Import 1 account' }).click();
  await expect(importCard.getByRole('status')).toContainText('Imported 1 account: Wallaby.');

  // An account removed: kept aside in the vault, encrypted, for 30 days.
  await page.getByRole('button', { name: 'Accounts' }).click();
  await page.getByRole('option', { name: /Wallaby/ }).click();
  await page.getByRole('button', { name: 'Remove…' }).click();
  await page.getByRole('button', { name: 'Remove Wallaby' }).click();
  await expect(page.getByRole('option', { name: /Wallaby/ })).toHaveCount(0);
  expect((await app.core.listRemovedAccounts({})).map((removed) => removed.issuer)).toEqual([
    'Wallaby',
  ]);

  // A recovery sheet printed (the system print dialog, scripted), then a backup made now.
  await page.getByRole('button', { name: 'Sheets & backups' }).click();
  await page.getByRole('radio', { name: /Only the accounts I choose/ }).check();
  await page
    .getByRole('list', { name: 'Accounts to print' })
    .getByRole('checkbox', { name: /Quokkabank/ })
    .check();
  app.printer.answers.push(true);
  await page.getByRole('button', { name: 'Print…' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Printed the sheet for 1 account.' }),
  ).toBeVisible();
  expect(app.printer.jobs[0]?.html).toContain(CODES[1]);
  const backups = page.getByRole('region', { name: 'Backups', exact: true });
  await backups.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Backed up (' })).toBeVisible();
  const backupFiles = (await app.core.listBackups({})).map((backup) => backup.path);
  expect(backupFiles).toHaveLength(1);

  // Lock, then close the browser so it writes out everything it keeps.
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock Sparekey' })).toBeVisible();
  await page.context().close();

  const secrets = [
    { label: 'the seed', forms: secretForms(SEED, { base32: true }) },
    { label: 'the pasted seed', forms: secretForms(PASTED_SEED, { base32: true }) },
    { label: 'the password', forms: secretForms(PASSWORD) },
    { label: 'the note', forms: secretForms(NOTE) },
    { label: 'the phone number', forms: secretForms(PHONE) },
    ...REFERENCE.map((row) => ({
      label: `the imported ${row.issuer} seed`,
      forms: secretForms(row.seed.secret, { base32: true }),
    })),
    ...CODES.flatMap((code) => [
      { label: `backup code ${code}`, forms: secretForms(code) },
      { label: `backup code ${code} (compact)`, forms: secretForms(code.replace(' ', '')) },
    ]),
  ];
  const vaultFolderFiles = allFiles(app.folder);
  const profileFiles = allFiles(profile);
  expect(vaultFolderFiles).toEqual(expect.arrayContaining([app.vaultPath, ...backupFiles]));
  expect(profileFiles.length, 'the browser profile was written').toBeGreaterThan(0);
  expect(findSecretsInFiles([...vaultFolderFiles, ...profileFiles], secrets)).toEqual([]);
});
