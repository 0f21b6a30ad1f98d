import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decodeQrCodesInFile, pdfPagesAsPng, pdfText } from '../support/pdf.js';
import { createVault, expectAccessible, screenshot } from './support/app-actions.js';
import { type AppHost, E2E_PASSWORD, E2E_START, expect, test } from './support/test-host.js';
import { HOUR_MS, MINUTE_MS } from '../../src/shared/durations.js';

const BANK_SECRET = 'KUVJJOM753IHTNDSZVCNKL7GII4SJHB4';
const CODES = ['q7m2k-x9p4a', 'b3n8v-c5w2e', 'h6t1r-y4u8i', 'z2x9c-v7b3n', 'm5k8j-h2g6f'];
const USED = CODES[1]!;

/** A vault with Quokkabank (seed, five codes, one used, a note) and Numbatmail (seed only). */
async function vaultWithCodes(app: AppHost) {
  await createVault(app.page);
  const bank = await app.core.addAccount({
    issuer: 'Quokkabank',
    accountName: 'wombat',
    seed: { secret: BANK_SECRET },
  });
  const { set } = await app.core.addBackupCodes({ accountId: bank.id, codes: CODES });
  await app.core.useBackupCode({ accountId: bank.id, setId: set.id, number: 2 });
  await app.core.updateRecovery({
    accountId: bank.id,
    recoveryNotes: 'Ask for Ms Bilby at the branch.',
  });
  const mail = await app.core.addAccount({
    issuer: 'Numbatmail',
    accountName: 'echidna',
    seed: { secret: 'JBSWY3DPEHPK3PXP' },
  });
  await app.page.reload();
  return { bank, mail };
}

function sheetFindings(findings: { ruleId: string; accountId: string | null }[]) {
  return findings.filter((finding) => finding.ruleId === 'habits.sheet-outdated');
}

test('saves a sheet as PDF where the user chose: every unused code in it, mode 0600; cancelling writes nothing', async ({
  app,
}, testInfo) => {
  const { page } = app;
  const { bank } = await vaultWithCodes(app);
  await page.getByRole('option', { name: /Quokkabank/ }).click();
  await page.getByRole('button', { name: 'Print recovery sheet' }).click();

  // Sent from the account: that account is chosen, the others are not.
  await expect(page.getByRole('heading', { name: 'Recovery sheet', exact: true })).toBeFocused();
  const accounts = page.getByRole('list', { name: 'Accounts to print' });
  await expect(accounts.getByRole('checkbox', { name: /Quokkabank/ })).toBeChecked();
  await expect(accounts.getByRole('checkbox', { name: /Numbatmail/ })).not.toBeChecked();
  await expect(page.getByRole('radio', { name: /Only the accounts I choose/ })).toBeChecked();
  await expect(accounts.getByRole('listitem').filter({ hasText: 'Quokkabank' })).toContainText(
    'Never printed',
  );

  // The paper follows the locale (en-GB in these tests: A4; en-US gets Letter, see locale.spec).
  await expect(page.getByLabel('Paper')).toHaveValue('a4');

  // Cancelled in the dialog: nothing written, nothing recorded.
  const before = readdirSync(app.folder).sort();
  app.saveDialog.answers.push(null);
  await page.getByRole('button', { name: 'Save as PDF…' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Not saved: nothing was written.' }),
  ).toBeVisible();
  expect(app.saveDialog.requests).toHaveLength(1);
  expect(readdirSync(app.folder).sort()).toEqual(before);
  expect(await app.core.getSheetPrint({ accountId: bank.id })).toBeNull();

  const out = join(app.folder, 'chosen', 'quokkabank.pdf');
  mkdirSync(join(app.folder, 'chosen'));
  app.saveDialog.answers.push(out);
  await app.advance(MINUTE_MS);
  await page.getByRole('button', { name: 'Save as PDF…' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Saved quokkabank.pdf (1 account).' }),
  ).toBeVisible();
  expect(app.saveDialog.requests[1]).toMatchObject({
    defaultName: 'Recovery sheet - Quokkabank 2026-05-03.pdf',
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  expect(statSync(out).mode & 0o777).toBe(0o600);
  expect(readdirSync(join(app.folder, 'chosen'))).toEqual(['quokkabank.pdf']);
  const text = pdfText(out);
  for (const code of CODES.filter((code) => code !== USED)) expect(text).toContain(code);
  expect(text).not.toContain(USED);
  expect(text).toContain('Ask for Ms Bilby at the branch.');
  expect(text).not.toContain('Numbatmail');

  // The seed's QR code on the page is the account's otpauth:// link, read back from the picture.
  const pages = join(app.folder, 'pages');
  mkdirSync(pages);
  const pngs = pdfPagesAsPng(out, pages, 100);
  const qr = (await Promise.all(pngs.map(decodeQrCodesInFile))).flat();
  expect(qr).toHaveLength(1);
  expect(qr[0]).toContain(`secret=${BANK_SECRET}`);
  await testInfo.attach('sheet-page-1', { path: pngs[0]!, contentType: 'image/png' });

  // Recorded as printed, and shown so; the sheet itself never came to the page.
  expect(await app.core.getSheetPrint({ accountId: bank.id })).toMatchObject({
    printedAt: E2E_START + MINUTE_MS,
    paper: 'a4',
    includeUsed: false,
  });
  await expect(accounts.getByRole('listitem').filter({ hasText: 'Quokkabank' })).toContainText(
    'Printed 3 May 2026',
  );
  expect(app.calls).not.toContain('renderSheet');
  const shown = await page.content();
  for (const code of CODES) expect(shown).not.toContain(code);

  // The emergency kit on US Letter, used codes included.
  await page.getByRole('radio', { name: /Every account/ }).check();
  await page.getByLabel('Paper').selectOption('letter');
  await page.getByLabel(/Include used codes/).check();
  const kit = join(app.folder, 'chosen', 'kit.pdf');
  app.saveDialog.answers.push(kit);
  await page.getByRole('button', { name: 'Save as PDF…' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Saved kit.pdf (2 accounts).' }),
  ).toBeVisible();
  expect(app.saveDialog.requests[2]?.defaultName).toBe('Emergency kit - 2 accounts 2026-05-03.pdf');
  const kitText = pdfText(kit);
  for (const code of CODES) expect(kitText).toContain(code);
  expect(kitText).toContain('Numbatmail');
  expect(statSync(kit).mode & 0o777).toBe(0o600);

  // A file the save dialog agreed to replace is swapped in whole, still private, no temp file left.
  app.saveDialog.answers.push(out);
  await app.advance(MINUTE_MS);
  await page.getByRole('button', { name: 'Save as PDF…' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Saved quokkabank.pdf (2 accounts).' }),
  ).toBeVisible();
  expect(pdfText(out)).toContain('Numbatmail');
  expect(statSync(out).mode & 0o777).toBe(0o600);
  expect(readdirSync(join(app.folder, 'chosen')).sort()).toEqual(['kit.pdf', 'quokkabank.pdf']);
  expect((await app.core.getSheetPrint({ accountId: bank.id }))?.printedAt).toBe(
    E2E_START + 2 * MINUTE_MS,
  );
});

test('printing marks the sheet printed only when printed; a code change makes it out of date, and the fix leads back', async ({
  app,
}) => {
  const { page } = app;
  const { bank } = await vaultWithCodes(app);
  await page.getByRole('button', { name: 'Sheets & backups' }).click();
  await page.getByRole('radio', { name: /Only the accounts I choose/ }).check();
  await page
    .getByRole('list', { name: 'Accounts to print' })
    .getByRole('checkbox', { name: /Quokkabank/ })
    .check();

  app.printer.answers.push(false);
  await page.getByRole('button', { name: 'Print…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Not printed.' })).toBeVisible();
  expect(await app.core.getSheetPrint({ accountId: bank.id })).toBeNull();

  app.printer.answers.push(true);
  await page.getByRole('button', { name: 'Print…' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Printed the sheet for 1 account.' }),
  ).toBeVisible();
  expect(app.printer.jobs).toHaveLength(2);
  for (const code of CODES.filter((code) => code !== USED)) {
    expect(app.printer.jobs[1]?.html).toContain(code);
  }
  expect(await app.core.getSheetPrint({ accountId: bank.id })).not.toBeNull();
  expect(sheetFindings((await app.core.getHealth({})).findings)).toEqual([]);

  // A code used since printing does not date the sheet (it has tick boxes); replaced codes do.
  await app.advance(MINUTE_MS);
  const [set] = (await app.core.listBackupCodeSets({ accountId: bank.id })).sets;
  await app.core.useBackupCode({ accountId: bank.id, setId: set!.id, number: 3 });
  expect(sheetFindings((await app.core.getHealth({})).findings)).toEqual([]);
  await app.core.addBackupCodes({
    accountId: bank.id,
    codes: ['aaaa-1111', 'bbbb-2222'],
    replace: true,
  });
  expect(sheetFindings((await app.core.getHealth({})).findings)).toHaveLength(1);

  await page.getByRole('button', { name: 'Health' }).click();
  const finding = page.locator('[data-rule="habits.sheet-outdated"]');
  await expect(finding).toContainText('Printed recovery sheet is out of date');
  await expect(finding).toContainText('in Sheets & backups (“Print a new sheet”');
  await expect(finding).not.toContainText('sparekey');
  await finding.getByRole('button', { name: 'Print a new sheet' }).click();
  await expect(page.getByRole('heading', { name: 'Recovery sheet', exact: true })).toBeFocused();
  const row = page
    .getByRole('list', { name: 'Accounts to print' })
    .getByRole('listitem')
    .filter({ hasText: 'Quokkabank' });
  await expect(row.getByRole('checkbox')).toBeChecked();
  await expect(row).toContainText('Out of date');
  await expect(page.getByText('One printed sheet is out of date.')).toBeVisible();

  app.printer.answers.push(true);
  await page.getByRole('button', { name: 'Print…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Printed the sheet' })).toBeVisible();
  await expect(row).not.toContainText('Out of date');
  expect(sheetFindings((await app.core.getHealth({})).findings)).toEqual([]);
  expect(app.printer.jobs[2]?.html).toContain('aaaa-1111');
});

test('backs up now and lists it; restores a backup over the vault, keeping the replaced one, then locks', async ({
  app,
}) => {
  const { page } = app;
  await vaultWithCodes(app);

  // Changes a day old in no backup (as if the app had been closed since): the health check warns,
  // the same warning as in Sheets & backups, and its fix opens the backups.
  app.clock.set(app.clock.now() + 25 * HOUR_MS);
  await page.getByRole('button', { name: 'Health' }).click();
  const stale = page.locator('[data-rule="backup.stale"]');
  await expect(stale).toContainText('WarningThe vault has never been backed up');
  await expect(stale).toContainText('Choose “Back up now” in Sheets & backups');
  await expect(stale).not.toContainText('sparekey');
  await stale.getByRole('button', { name: 'Open backups' }).click();
  await expect(page.getByRole('heading', { name: 'Backups', exact: true })).toBeFocused();

  const backups = page.getByRole('region', { name: 'Backups', exact: true });
  await expect(backups.getByTestId('unsaved-changes')).toContainText(/\d+ changes/);
  await expect(backups).toContainText(join(app.folder, 'backups'));
  await expect(backups).toContainText('No backups yet.');
  await expect(backups.locator('.severity-note')).toContainText(
    'Warning No backup of this vault exists',
  );
  await backups.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Backed up (' })).toBeVisible();
  await expect(backups.getByTestId('unsaved-changes')).toHaveText(
    'Nothing: every change is in a backup.',
  );
  const rows = backups.getByRole('row');
  await expect(rows).toHaveCount(2);
  const listed = await app.core.listBackups({});
  expect(listed).toHaveLength(1);
  expect(existsSync(listed[0]!.path)).toBe(true);

  // Later changes; then a second backup, newest first in the list.
  await app.advance(MINUTE_MS);
  await app.core.addAccount({ issuer: 'Added after the first backup' });
  await backups.getByRole('button', { name: 'Back up now' }).click();
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText('4 May 2026');
  const times = (await app.core.listBackups({})).map((file) => file.at);
  expect(times).toEqual([...times].sort((a, b) => b - a));

  // Restore the first backup: a wrong password changes nothing.
  await app.advance(MINUTE_MS);
  await rows
    .nth(2)
    .getByRole('button', { name: /^Restore the backup of/ })
    .click();
  const form = page.getByRole('form', { name: /Restore the backup of/ });
  await form.getByLabel('The backup’s password').fill('not the password');
  await form.getByRole('button', { name: 'Replace the vault with this backup' }).click();
  await expect(form.getByLabel('The backup’s password')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('The backup’s password')).toHaveAccessibleDescription(/password/);
  expect(app.session.status().state).toBe('unlocked');

  await form.getByLabel('The backup’s password').fill(E2E_PASSWORD);
  await form.getByRole('button', { name: 'Replace the vault with this backup' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock Sparekey' })).toBeVisible();
  await expect(page.getByText('Restored from a backup.')).toBeVisible();
  await page.getByLabel('Password').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('option', { name: /Quokkabank/ })).toBeVisible();
  await expect(page.getByRole('option', { name: /Added after the first backup/ })).toHaveCount(0);

  await page.getByRole('button', { name: 'Sheets & backups' }).click();
  await expect(page.getByRole('region', { name: 'Backups', exact: true })).toContainText(
    'the vault a restore replaced',
  );
  const kinds = (await app.core.listBackups({})).map((file) => file.kind).sort();
  expect(kinds).toEqual(['backup', 'backup', 'before-restore']);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the sheets and backups view passes axe and is photographed (${scheme})`, async ({
    app,
  }, testInfo) => {
    const { page } = app;
    await page.emulateMedia({ colorScheme: scheme });
    const { bank } = await vaultWithCodes(app);
    await app.core.markSheetPrinted({ accountIds: [bank.id], paper: 'a4', includeUsed: false });
    await app.advance(MINUTE_MS);
    await app.core.addBackupCodes({ accountId: bank.id, codes: ['aaaa-1111'], replace: true });
    await app.core.backUpNow({});
    await app.advance(MINUTE_MS);
    await app.core.addAccount({ issuer: 'Echidna Cloud' });

    await page.getByRole('option', { name: /Quokkabank/ }).click();
    await expect(page.getByRole('button', { name: 'Print recovery sheet' })).toBeVisible();
    await screenshot(page, testInfo, `${scheme}-account-print-action`);

    await page.getByRole('button', { name: 'Sheets & backups' }).click();
    await expect(page.getByText('One printed sheet is out of date.')).toBeVisible();
    await expectAccessible(page, `sheets and backups (${scheme})`);
    await screenshot(page, testInfo, `${scheme}-sheets`);

    await page.getByRole('button', { name: /^Restore the backup of/ }).click();
    await page.getByRole('form', { name: /Restore the backup of/ }).scrollIntoViewIfNeeded();
    await expectAccessible(page, `restoring a backup (${scheme})`);
    await screenshot(page, testInfo, `${scheme}-backups-restore`);
  });
}
