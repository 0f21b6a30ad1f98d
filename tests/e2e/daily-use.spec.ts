import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { corpusPath, REFERENCE, secretHex } from '../support/corpus.js';
import { transferLink } from '../support/google-transfer.js';
import { readQrCodes } from '../../src/core/qr/read-qr.js';
import { DAY_MS } from '../../src/shared/durations.js';
import {
  ACME_URI,
  accountId,
  createVault,
  expectAccessible,
  expectNoMachineText,
  openAccountTab,
  screenshot,
} from './support/app-actions.js';
import { type AppHost, E2E_PASSWORD, expect, test } from './support/test-host.js';

/** The seven reference accounts as otpauth:// links, one a line, as Aegis writes them. */
const LINKS = readFileSync(corpusPath('aegis-tests/plain.txt'), 'utf8').trim().split('\n');

async function acmeWithCodes(app: AppHost): Promise<string> {
  await createVault(app.page);
  const acme = await app.core.addAccount({ issuer: '', seed: { otpauth: ACME_URI } });
  const { set } = await app.core.addBackupCodes({
    accountId: acme.id,
    codes: Array.from({ length: 10 }, (_, i) => `${61_000 + i}-${72_000 + i}`),
  });
  await app.core.useBackupCode({ accountId: acme.id, setId: set.id, number: 1 });
  await app.page.reload();
  await app.page.getByRole('option', { name: /ACME Co/ }).click();
  return acme.id;
}

test('a weak vault password needs an explicit “use it anyway”; password fields show, hide and warn of Caps Lock', async ({
  app,
}, testInfo) => {
  const { page } = app;
  const password = page.getByLabel('New password');
  const repeat = page.getByLabel('Repeat the password');

  // The length rule counts down, then is ticked (it does not stay once met).
  await password.fill('pass');
  await expect(page.getByText('At least 8 characters (4 more).')).toBeVisible();
  await password.fill('password1');
  await expect(page.getByText('✓ 9 characters: long enough.')).toBeVisible();
  await expect(page.getByText(/At least 8 characters/)).toHaveCount(0);

  await repeat.fill('password1');
  await expect(page.getByText(/Strength: (Very weak|Weak)\./)).toBeVisible();
  const anyway = page.getByLabel('Use this weak password anyway');
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(anyway).toHaveAttribute('aria-invalid', 'true');
  await expect(anyway).toHaveAccessibleDescription(
    'This password is easy to guess. Choose a stronger one, or tick “Use this weak password anyway”.',
  );
  await expect(anyway).toBeFocused();
  expect(app.session.status().state).toBe('no-vault');
  await expectAccessible(page, 'the weak-password confirmation');
  await screenshot(page, testInfo, 'weak-password');

  // Show and hide: the same field, its characters shown on request.
  const show = page.getByRole('button', { name: 'Show' }).first();
  await show.click();
  await expect(password).toHaveAttribute('type', 'text');
  await expect(show).toHaveAttribute('aria-pressed', 'true');
  await show.click();
  await expect(password).toHaveAttribute('type', 'password');

  // Caps Lock on while typing: said under the field, and the field is described by it. (Chromium's
  // test keyboard does not latch Caps Lock, so the key events carry the modifier as a real one does.)
  await password.dispatchEvent('keydown', { key: 'A', modifierCapsLock: true });
  await expect(page.getByText('Caps Lock is on.')).toBeVisible();
  await expect(password).toHaveAccessibleDescription(/Caps Lock is on\./);
  await password.dispatchEvent('keyup', { key: 'a', modifierCapsLock: false });
  await expect(page.getByText('Caps Lock is on.')).toHaveCount(0);

  // A changed password needs its own "anyway"; ticked, the weak one is taken.
  await anyway.check();
  await password.fill('password12');
  await expect(anyway).not.toBeChecked();
  await repeat.fill('password12');
  await anyway.check();
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByRole('heading', { name: 'Your vault is empty' })).toBeVisible();
  expect(app.session.status().state).toBe('unlocked');
});

test('Add to another authenticator: after a confirmation, the account’s QR code, which decodes to its otpauth link; gone after a minute and on lock', async ({
  app,
}, testInfo) => {
  const { page } = app;
  const id = await acmeWithCodes(app);
  const card = page.getByRole('region', { name: 'Add to another authenticator' });
  await card.getByRole('button', { name: 'Add to another authenticator…' }).click();
  await expect(card.getByText(/anyone who sees or photographs the screen/)).toBeVisible();
  expect(app.calls).not.toContain('accountQr');
  await expectAccessible(page, 'the QR confirmation');
  await screenshot(page, testInfo, 'qr-confirm');

  await page.clock.install();
  await card.getByRole('button', { name: 'Show the QR code' }).click();
  const qr = card.getByTestId('account-qr');
  await expect(qr).toBeVisible();
  await expect(card).toContainText('Hidden in 60 s');
  await expectAccessible(page, 'the account QR code');
  await screenshot(page, testInfo, 'qr-shown');

  // What a phone's camera reads from the screen: the account's own otpauth link.
  const [found] = await readQrCodes(new Uint8Array(await qr.screenshot()));
  const { otpauthUri } = await app.core.revealSeed({ id });
  expect(found?.text).toBe(otpauthUri);
  expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/ACME%20Co:alice%40example\.com\?secret=GEZDGNBV/);

  // A minute later it is gone.
  await page.clock.runFor(61_000);
  await expect(qr).toHaveCount(0);
  await expect(card.getByRole('button', { name: 'Add to another authenticator…' })).toBeVisible();

  // Shown again, then the vault locks: gone with everything else, not shown after the unlock.
  await card.getByRole('button', { name: 'Add to another authenticator…' }).click();
  await card.getByRole('button', { name: 'Show the QR code' }).click();
  await expect(qr).toBeVisible();
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.locator('img[data-testid="account-qr"]')).toHaveCount(0);
  await page.getByLabel('Password').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { name: 'ACME Co', level: 2 })).toBeVisible();
  await expect(page.getByTestId('account-qr')).toHaveCount(0);
});

async function pasteToImport(page: Page, text: string): Promise<void> {
  const card = page.getByRole('region', { name: 'Import from another app' });
  await card.getByLabel(/Or paste otpauth:\/\/ links/).fill(text);
  await card.getByRole('button', { name: 'Preview the pasted links' }).click();
}

test('paste otpauth:// links or a Google transfer link to import; entries can be left out of the preview', async ({
  app,
}, testInfo) => {
  const { page } = app;
  await createVault(page);
  await page.getByRole('button', { name: 'Import & export' }).click();
  const card = page.getByRole('region', { name: 'Import from another app' });
  await expect(card.getByRole('button', { name: 'Choose files…' })).toBeVisible();
  await expectAccessible(page, 'the import card: drop zone, button, text area');
  await screenshot(page, testInfo, 'import-card');

  await pasteToImport(page, LINKS.slice(0, 4).join('\n'));
  await expect(card.getByRole('heading', { name: '4 accounts to add' })).toBeVisible();
  // The links left the page once main had them.
  await expect(card.getByRole('button', { name: 'Preview the pasted links' })).toHaveCount(0);
  const airbnb = card.getByRole('checkbox', { name: /Airbnb/ });
  await expect(airbnb).toBeChecked();
  await airbnb.uncheck();
  await expect(card.getByRole('button', { name: 'Import 3 accounts' })).toBeVisible();
  await expectAccessible(page, 'an import preview with an entry left out');
  await screenshot(page, testInfo, 'import-preview-left-out');
  await card.getByRole('button', { name: 'Import 3 accounts' }).click();
  await expect(card.getByRole('status')).toHaveText(
    'Imported 3 accounts: Deno, SPDX, Issuu. 1 left out as you chose.',
  );
  const issuers = (await app.core.listAccounts({})).map((account) => account.issuer).sort();
  expect(issuers).toEqual(['Deno', 'Issuu', 'SPDX']);

  // A Google Authenticator transfer link (as a QR scanner app shows it): the same preview.
  const otp = (row: (typeof REFERENCE)[number]) => ({
    secret: new Uint8Array(Buffer.from(secretHex(row.seed.secret), 'hex')),
    name: row.accountName,
    issuer: row.issuer,
    algorithm: 1,
    digits: 1,
    type: 2,
  });
  await pasteToImport(page, transferLink([otp(REFERENCE[2]!), otp(REFERENCE[5]!)]));
  await expect(card.getByRole('heading', { name: '2 accounts to add' })).toBeVisible();
  await card.getByRole('button', { name: 'Leave them all out' }).click();
  await expect(card.getByRole('button', { name: 'Import 0 accounts' })).toBeDisabled();
  await card.getByRole('button', { name: 'Choose them all' }).click();
  await card.getByRole('button', { name: 'Import 2 accounts' }).click();
  await expect(card.getByRole('status')).toHaveText('Imported 2 accounts: Airbnb, WWE.');
  expect(await app.core.listAccounts({})).toHaveLength(5);
  await expectNoMachineText(page, 'after the imports');
});

test('a removed account comes back: from the toast at once, or from Settings for 30 days', async ({
  app,
}, testInfo) => {
  const { page } = app;
  const id = await acmeWithCodes(app);
  await app.core.addAccount({ issuer: 'Mail', seed: { secret: 'MFRGGZDFMZTWQ2LK' } });
  await page.reload();
  await page.getByRole('option', { name: /ACME Co/ }).click();

  await page.getByRole('button', { name: 'Remove…' }).click();
  const confirm = page.getByRole('group', { name: 'Remove ACME Co?' });
  await expect(confirm).toContainText('keeps them, encrypted, for 30 days');
  await expectAccessible(page, 'the removal confirmation');
  await screenshot(page, testInfo, 'remove-confirm');
  await confirm.getByRole('button', { name: 'Remove ACME Co' }).click();
  await expect(page.getByRole('option', { name: /ACME Co/ })).toHaveCount(0);
  const toast = page.getByRole('status').filter({ hasText: 'Removed ACME Co.' });
  await expect(toast).toBeVisible();
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('option', { name: /ACME Co/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await openAccountTab(page, 'Backup codes');
  await expect(page.getByTestId('codes-left')).toHaveText('9 of 10 left');
  expect((await app.core.getCodesStatus({ accountId: id })).used).toBe(1);

  // Removed again, brought back from Settings.
  await page.getByRole('button', { name: 'Remove…' }).click();
  await page.getByRole('button', { name: 'Remove ACME Co' }).click();
  await page.getByRole('button', { name: 'Settings' }).click();
  const removed = page.getByRole('region', { name: 'Recently removed' });
  await expect(removed).toContainText('ACME Co alice@example.com');
  await expect(removed).toContainText(
    'Removed 3 May 2026 (today); deleted for good on 2 Jun 2026.',
  );
  await removed.scrollIntoViewIfNeeded();
  await expectAccessible(page, 'Recently removed');
  await screenshot(page, testInfo, 'recently-removed');
  await removed.getByRole('button', { name: 'Bring back ACME Co' }).click();
  await expect(removed).toContainText('ACME Co is back, with everything it had.');
  await removed.getByRole('button', { name: 'Open it' }).click();
  await expect(page.getByRole('heading', { name: 'ACME Co', level: 2 })).toBeVisible();

  // Deleted for good at once, on request.
  await page.getByRole('button', { name: 'Remove…' }).click();
  await page.getByRole('button', { name: 'Remove ACME Co' }).click();
  await page.getByRole('button', { name: 'Settings' }).click();
  await removed.getByRole('button', { name: 'Delete now…' }).click();
  await removed.getByRole('button', { name: 'Delete ACME Co for good' }).click();
  await expect(removed).toContainText('ACME Co is deleted for good.');
  expect(await app.core.listRemovedAccounts({})).toEqual([]);

  // Another one kept its 30 days, then it is not offered any more.
  await page.getByRole('button', { name: 'Accounts' }).click();
  await page.getByRole('option', { name: /Mail/ }).click();
  await page.getByRole('button', { name: 'Remove…' }).click();
  await page.getByRole('button', { name: 'Remove Mail' }).click();
  await app.core.updateSettings({ autoLockMinutes: 0 });
  app.advance(30 * DAY_MS);
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(removed).toContainText('No account was removed in the last 30 days.');
  await expectNoMachineText(page, 'Recently removed');
});

test('the account page: a header that stays, sections a click away, a fix lands with the header in view', async ({
  app,
}) => {
  const { page } = app;
  await createVault(page);
  const github = await app.core.addAccount({
    issuer: 'GitHub',
    accountName: 'octocat',
    seed: { secret: 'JBSWY3DPEHPK3PXP' },
  });
  const { set } = await app.core.addBackupCodes({
    accountId: github.id,
    codes: Array.from({ length: 16 }, (_, i) => `${41_000 + i}-${52_000 + i}`),
  });
  for (let number = 1; number <= 16; number++) {
    await app.core.useBackupCode({ accountId: github.id, setId: set.id, number });
  }
  await page.reload();

  // A fix from Health: its tab opens, its heading has the focus, below the header that stays.
  // (The authenticator still works, so codes all used is a warning, not a lock-out.)
  await page.getByRole('button', { name: 'Health' }).click();
  await page
    .getByRole('region', { name: /Worth fixing soon/ })
    .locator('[data-rule="codes.all-used"]')
    .getByRole('button', { name: 'Open backup codes' })
    .click();
  const heading = page.getByRole('heading', { name: 'Backup codes', level: 3 });
  await expect(heading).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Backup codes' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const header = page.getByRole('heading', { name: 'GitHub', level: 2 });
  await expect(header).toBeInViewport();
  const sticky = await page.locator('.detail-sticky').boundingBox();
  const section = await heading.boundingBox();
  expect(section!.y).toBeGreaterThanOrEqual(sticky!.y + sticky!.height);
  await expect(page.locator('.header-finding')).toContainText('All backup codes used');

  // When the header grows after the fix has landed (its finding arrived a frame later), the
  // section moves down with it rather than staying where it was, under the header.
  const urgent = page.locator('.header-finding');
  const stickyBox = async () => (await page.locator('.detail-sticky').boundingBox())!;
  await urgent.evaluate((finding: HTMLElement) => (finding.style.minHeight = '90px'));
  await expect.poll(async () => (await stickyBox()).height).toBeGreaterThan(sticky!.height);
  const grown = await stickyBox();
  expect((await heading.boundingBox())!.y).toBeGreaterThanOrEqual(grown.y + grown.height);
  await urgent.evaluate((finding: HTMLElement) => (finding.style.minHeight = ''));

  // Scrolled to the bottom of a long section, the header and its code are still there.
  await page.locator('.detail-pane').evaluate((pane) => pane.scrollTo(0, pane.scrollHeight));
  await expect(header).toBeInViewport();
  await expect(
    page.getByRole('button', { name: /^Copy code \d{3} \d{3} for GitHub$/ }),
  ).toBeInViewport();

  // The tabs, by keyboard (the ARIA pattern): arrows move, the panel follows.
  await page.getByRole('tab', { name: 'Backup codes' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Sign-in' })).toBeFocused();
  await expect(page.getByRole('tabpanel', { name: 'Sign-in' })).toBeVisible();
  await page.keyboard.press('End');
  await expect(page.getByRole('tabpanel', { name: 'History' })).toContainText('Used code #16');
  await page.keyboard.press('Home');
  await expect(page.getByRole('tabpanel', { name: 'Code' })).toBeVisible();
});

test('the small things: Enter on an HOTP row, the Add button, the Kind select, a long name in Health, toasts, the usage line', async ({
  app,
}, testInfo) => {
  const { page } = app;
  await createVault(page);
  const counter = await app.core.addAccount({
    issuer: 'Counter',
    seed: { secret: 'JBSWY3DPEHPK3PXP', type: 'hotp' },
  });
  const longName = 'Supercalifragilisticexpialidocious'.repeat(3);
  const github = await app.core.addAccount({ issuer: longName, accountName: 'octocat' });
  const { set } = await app.core.addBackupCodes({
    accountId: github.id,
    codes: Array.from({ length: 16 }, (_, i) => `${41_000 + i}-${52_000 + i}`),
  });
  await app.core.updateSettings({ autoLockMinutes: 0 });
  await app.core.useBackupCode({ accountId: github.id, setId: set.id, number: 1 });
  app.advance(DAY_MS);
  for (const number of [2, 3])
    await app.core.useBackupCode({ accountId: github.id, setId: set.id, number });
  await page.reload();

  // "Add account": one button, its words one space apart.
  const add = page.getByRole('button', { name: 'Add account', exact: true });
  await expect(add).toHaveText('Add account');

  // Enter on a counter-based row copies nothing unseen: it goes to Generate, which shows the code.
  await page.getByRole('option', { name: /Counter/ }).click();
  await page.getByRole('listbox', { name: 'Accounts' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Generate next code' })).toBeFocused();
  expect(app.calls).not.toContain('copyCode');
  expect(app.calls).not.toContain('nextHotpCode');
  expect((await app.core.revealSeed({ id: counter.id })).otpauthUri).toContain('counter=0');

  // The usage line in words: how many, and on which days.
  await page.getByRole('option', { name: /Supercali/ }).click();
  await openAccountTab(page, 'Backup codes');
  await expect(page.getByText('3 of 16 used: 1 on 3 May, 2 on 4 May.')).toBeVisible();

  // A toast is about what was on screen: a move to another view takes it away.
  await page.getByRole('button', { name: 'Copy code 4' }).click();
  const toast = page.getByRole('status').filter({ hasText: 'Copied backup code 4' });
  await expect(toast).toBeVisible();
  await page.getByRole('button', { name: 'Health' }).click();
  await expect(toast).toHaveCount(0);

  // One long unbroken name wraps inside its Health card instead of pushing text off the window.
  await expect(page.getByText(longName).first()).toBeVisible();
  const overflows = await page.evaluate(
    () =>
      [...document.querySelectorAll('.finding, .page')].filter(
        (element) => element.scrollWidth > element.clientWidth + 1,
      ).length,
  );
  expect(overflows).toBe(0);
  await screenshot(page, testInfo, 'health-long-name');

  // The Kind select shows its whole choice ("Time-based (TOTP)", not "Time-based (TOTP").
  await page.getByRole('button', { name: 'Accounts' }).click();
  await page.getByRole('button', { name: 'Add account', exact: true }).click();
  await page.getByLabel('Setup key or otpauth:// link').fill('JBSW Y3DP EHPK 3PXP');
  const kind = page.getByLabel('Kind');
  const fits = await kind.evaluate((select: HTMLSelectElement) => {
    const style = getComputedStyle(select);
    const context = document.createElement('canvas').getContext('2d')!;
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const text = context.measureText(select.selectedOptions[0]!.text).width;
    const room =
      select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 16;
    return text <= room;
  });
  expect(fits).toBe(true);
  await screenshot(page, testInfo, 'add-account-parameters');
  await page.getByRole('button', { name: 'Cancel' }).click();

  // Sheets: "Every account" ticks every account's box (never "0 chosen" beside it); unticking
  // one chooses the others.
  await page.getByRole('button', { name: 'Sheets & backups' }).click();
  await expect(page.getByRole('radio', { name: /Every account/ })).toBeChecked();
  const boxes = page.getByRole('list', { name: 'Accounts to print' }).getByRole('checkbox');
  await expect(boxes).toHaveCount(2);
  for (const box of await boxes.all()) await expect(box).toBeChecked();
  await expect(page.getByText(/0 chosen/)).toHaveCount(0);
  await boxes.first().uncheck();
  await expect(
    page.getByRole('radio', { name: 'Only the accounts I choose (1 chosen)' }),
  ).toBeChecked();
});

/** A tour of the new views, scanned by axe and photographed in one colour scheme. */
async function tourNewViews(
  app: AppHost,
  scheme: 'light' | 'dark',
  testInfo: Parameters<Parameters<typeof test>[2]>[1],
) {
  const { page } = app;
  const shot = (name: string) => screenshot(page, testInfo, `${scheme}-${name}`);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expectAccessible(page, `the create form refused (${scheme})`);
  await shot('create-vault-refused');
  await createVault(page);
  const id = await app.core.addAccount({ issuer: '', seed: { otpauth: ACME_URI } });
  await app.core.addBackupCodes({
    accountId: id.id,
    text: readFileSync('tests/fixtures/code-blocks/google-download.txt', 'utf8'),
  });
  await app.core.setLogin({ id: id.id, username: 'alice', password: 'stable-orbit-velvet-73' });
  await page.reload();
  await page.getByRole('option', { name: /ACME Co/ }).click();

  for (const tab of ['Code', 'Backup codes', 'Sign-in', '2FA & recovery', 'History'] as const) {
    await openAccountTab(page, tab);
    await expectAccessible(page, `the ${tab} tab (${scheme})`);
    await shot(`tab-${tab.replace(/\W+/g, '-').toLowerCase()}`);
  }
  await openAccountTab(page, 'Code');
  await page.getByRole('button', { name: 'Add to another authenticator…' }).click();
  await page.getByRole('button', { name: 'Show the QR code' }).click();
  await expect(page.getByTestId('account-qr')).toBeVisible();
  await expectAccessible(page, `the QR code (${scheme})`);
  await shot('account-qr');
  await page.getByRole('button', { name: 'Done, hide the QR code' }).click();

  await openAccountTab(page, 'Backup codes');
  await page.getByRole('button', { name: 'Mark code 5 used…' }).click();
  await expectAccessible(page, `marking a code asks first (${scheme})`);
  await shot('mark-used-confirm');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Add codes…' }).click();
  await page
    .getByLabel('Paste the codes')
    .fill('Codes generated on: May 2, 2026\n1111-2222\n3333-4444');
  await expect(page.getByLabel('Issued on')).toHaveValue('2 May 2026');
  await page.getByRole('button', { name: /^Save/ }).click();
  await expectAccessible(page, `adding codes with a refusal (${scheme})`);
  await shot('add-codes-refused');
  await page.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: 'Import & export' }).click();
  await page.getByLabel(/Or paste otpauth:\/\/ links/).fill(LINKS.slice(0, 3).join('\n'));
  await page.getByRole('button', { name: 'Preview the pasted links' }).click();
  await page.getByRole('checkbox', { name: /SPDX/ }).uncheck();
  await expectAccessible(page, `the import preview with boxes (${scheme})`);
  await shot('import-preview');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expectAccessible(page, `the import card (${scheme})`);
  await shot('import-card');

  await page.getByRole('button', { name: 'Accounts' }).click();
  await page.getByRole('button', { name: 'Remove…' }).click();
  await page.getByRole('button', { name: 'Remove ACME Co' }).click();
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('region', { name: 'Recently removed' }).scrollIntoViewIfNeeded();
  await expectAccessible(page, `Recently removed (${scheme})`);
  await shot('recently-removed');
  expect(await accountId(app, 'ACME Co').catch(() => null)).toBeNull();
}

for (const scheme of ['light', 'dark'] as const) {
  test(`the new views pass axe and are photographed (${scheme})`, async ({ app }, testInfo) => {
    test.slow();
    await app.page.emulateMedia({ colorScheme: scheme });
    await tourNewViews(app, scheme, testInfo);
  });
}
