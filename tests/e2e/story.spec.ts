import { readFileSync } from 'node:fs';
import {
  ACME_URI,
  accountId,
  coreCode,
  createVault,
  openAccountTab,
  screenshot,
} from './support/app-actions.js';
import { E2E_PASSWORD, expect, test } from './support/test-host.js';
import { SECOND_MS } from '../../src/shared/durations.js';

const GOOGLE_PAGE = readFileSync('tests/fixtures/code-blocks/google-download.txt', 'utf8');

/**
 * Issue 5's story, end to end through the UI with the real core behind it:
 * an account from an otpauth link, a pasted backup-code page, codes used and
 * refused, the low-codes warning, a retired phone number flagging every
 * account that still depends on it, a password generated, revealed and
 * copied, and the vault locked and unlocked.
 */
test('the issue-5 story: codes, backup codes, a retired number, a password, lock and unlock', async ({
  app,
}, testInfo) => {
  const { page } = app;
  await createVault(page);

  // An account from an otpauth link; the code shown is the one the core computes now.
  await page.getByRole('button', { name: 'Add your first account' }).click();
  await page.getByLabel('Setup key or otpauth:// link').fill(ACME_URI);
  await page.getByRole('button', { name: 'Add account' }).last().click();
  const acme = await accountId(app, 'ACME Co');
  await expect(page.getByTestId('current-code')).toHaveText(await coreCode(app, acme));

  // Paste Google's backup-code page: every code found is shown before saving.
  await openAccountTab(page, 'Backup codes');
  const codes = page.getByRole('region', { name: 'Backup codes' });
  await codes.getByRole('button', { name: 'Add backup codes' }).click();
  await codes.getByLabel('Paste the codes').fill(GOOGLE_PAGE);
  await expect(codes.getByText('Found 10 codes')).toBeVisible();
  const found = codes.getByRole('list').filter({ hasText: '6432 9632' });
  for (const code of ['6432 9632', '0954 0266', '8032 6121'])
    await expect(found).toContainText(code);
  await screenshot(page, testInfo, 'paste-preview');
  await codes.getByRole('button', { name: 'Save 10 codes' }).click();
  await expect(codes.getByTestId('codes-left')).toHaveText('10 of 10 left');

  // "I just used a code": found and marked; typed again, refused with its date and note.
  const used = codes.getByLabel('The code you used');
  await used.fill('0954 0266');
  await codes.getByLabel('Note (optional)').fill('signed in on the new laptop');
  await codes.getByRole('button', { name: 'Mark used' }).click();
  // Sparekey keeps Google's own numbering: "2. 0954 0266" is code 2, as on the user's paper.
  await expect(codes.getByText('Code 2 marked used (signed in on the new laptop).')).toBeVisible();
  await expect(codes.getByTestId('codes-left')).toHaveText('9 of 10 left');
  await expect(codes.getByTestId('code-2')).toContainText('used 3 May 2026');
  await used.fill('09540266');
  await codes.getByRole('button', { name: 'Mark used' }).click();
  await expect(used).toHaveAccessibleDescription(
    '0954 0266 was already used on 3 May 2026: signed in on the new laptop. Each backup code works only once.',
  );

  // Pick codes from the grid until few are left: the low-codes warning appears, here and on the row.
  const row = page.getByRole('option', { name: /ACME Co/ });
  await expect(row).not.toContainText('Codes low');
  for (const number of [1, 3, 4, 5, 6, 7]) {
    // One click asks first; the second marks.
    await codes.getByRole('button', { name: `Mark code ${number} used…` }).click();
    await codes.getByRole('button', { name: `Mark code ${number} used`, exact: true }).click();
    await expect(codes.getByTestId(`code-${number}`)).toContainText('used');
  }
  await expect(codes.getByTestId('codes-left')).toHaveText('3 of 10 left');
  await expect(codes.getByText('Only 3 codes are left.')).toBeVisible();
  await expect(row).toContainText('Codes low');
  expect((await app.core.getCodesStatus({ accountId: acme })).level).toBe('low');
  await screenshot(page, testInfo, 'codes-low');

  // ACME texts codes to a phone number, which a second account also depends on.
  await page.getByRole('button', { name: 'Contacts' }).click();
  await page.getByRole('button', { name: 'Add your first contact' }).click();
  await page.getByLabel('Phone number, with its country code').fill('+44 7700 900123');
  await page.getByLabel('Label (optional)').fill('old mobile');
  await page.getByRole('button', { name: 'Add phone number' }).click();
  const phone = (await app.core.listContacts({}))[0]!;
  await page.getByRole('button', { name: 'Accounts' }).click();
  await openAccountTab(page, '2FA & recovery');
  const recovery = page.getByRole('region', { name: 'Two-step sign-in and recovery' });
  await recovery.getByRole('button', { name: 'Add a way in…' }).click();
  await recovery.getByLabel('Kind').selectOption('sms');
  await expect(recovery.getByLabel('Sent to the phone number')).toHaveValue(phone.id);
  await recovery.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(recovery).toContainText('SMS to +44 7700 900123 (old mobile)');
  const bank = await app.core.addAccount({ issuer: 'Bank', accountName: 'bob' });
  await app.core.addMethod({ accountId: bank.id, kind: 'sms', contactId: phone.id });
  await app.core.addRecoveryContact({ accountId: bank.id, contactId: phone.id });

  // Retire it: the confirmation lists every account that depends on it. Afterwards ACME, whose
  // authenticator and codes still work, gets a warning; Bank, whose only way in was that number, is critical.
  await page.getByRole('button', { name: 'Contacts' }).click();
  await page.getByRole('button', { name: 'Retire…' }).click();
  const confirm = page.getByRole('group', { name: 'Retire +44 7700 900123?' });
  await expect(confirm.getByRole('listitem')).toHaveText([
    /ACME Co.*SMS codes/,
    /Bank.*SMS codes/,
    /Bank.*recovery contact/,
  ]);
  await screenshot(page, testInfo, 'retire-confirmation');
  await confirm.getByRole('button', { name: 'Retire +44 7700 900123' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Retired' })).toHaveText(
    'Retired +44 7700 900123: 2 accounts are flagged until you change them; Health says what still gets you in.',
  );
  const retired = page.getByRole('region', { name: 'Retired (1)' });
  await expect(retired.getByText('Still used')).toHaveCount(3);

  await page.getByRole('button', { name: 'Accounts' }).click();
  await expect(page.getByRole('option', { name: /ACME Co/ })).toContainText(
    'Warning: Retired contact',
  );
  await expect(page.getByRole('option', { name: /Bank/ })).toContainText(
    'Critical: No way in works',
  );
  await page.getByRole('button', { name: 'Health' }).click();
  const critical = page.getByRole('region', { name: /Could lock you out now \(1\)/ });
  await expect(critical.getByRole('listitem')).toHaveCount(1);
  await expect(critical).toContainText('No way in works · Bank (bob)');
  const warnings = page.getByRole('region', { name: /Worth fixing soon/ });
  await expect(warnings).toContainText(
    'Codes go to a retired number · ACME Co (alice@example.com)',
  );
  await expect(warnings).toContainText(
    'Your authenticator app and 3 backup codes still get you into ACME Co (alice@example.com)',
  );
  await expect(warnings).toContainText('Recovery goes to a retired number · Bank (bob)');
  await screenshot(page, testInfo, 'health-after-retiring');

  // The fix button opens the account's 2FA section, where the method is replaced.
  await warnings
    .getByRole('listitem')
    .filter({ hasText: 'Codes go to a retired number · ACME Co' })
    .getByRole('button', { name: 'Open 2FA and recovery' })
    .click();
  await expect(page.getByRole('heading', { name: 'Two-step sign-in and recovery' })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'ACME Co', level: 2 })).toBeInViewport();

  // A generated password: saved, revealed on request, copied through main's clipboard guard.
  await openAccountTab(page, 'Sign-in');
  const login = page.getByRole('region', { name: 'Sign-in', exact: true });
  await login.getByRole('button', { name: 'Add the password' }).click();
  await login.getByLabel('Username').fill('alice');
  await login.getByLabel('Passphrase (words)').check();
  await login.getByRole('button', { name: 'Generate' }).click();
  await expect(login.getByText(/^Strength: very unguessable \(4 of 4\)\./)).toBeVisible();
  await expect(login.getByText(/bits of entropy/)).toBeVisible();
  await screenshot(page, testInfo, 'password-generated');
  await login.getByRole('button', { name: 'Save sign-in' }).click();
  await expect(login.getByTestId('password')).toHaveText('••••••••••••');
  const stored = (await app.core.revealPassword({ id: acme })).password;
  expect(stored.split('-')).toHaveLength(6);
  await login.getByRole('button', { name: 'Reveal' }).click();
  await expect(login.getByTestId('password')).toHaveText(stored);
  await login.getByRole('button', { name: 'Copy' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'password' })).toHaveText(
    'Copied the ACME Co password. The clipboard is cleared in 20 s.',
  );
  expect(app.clipboard.text).toBe(stored);
  expect(app.calls).toContain('copyPassword');
  await app.advance(20 * SECOND_MS);
  expect(app.clipboard.text).toBe('');

  // Lock and unlock: everything is still there, read back from the vault file.
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock Sparekey' })).toBeVisible();
  await expect(page.getByText('3 of 10 left')).toHaveCount(0);
  await page.getByLabel('Password').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('option', { name: /ACME Co/ }).click();
  await openAccountTab(page, 'Backup codes');
  await expect(page.getByTestId('codes-left')).toHaveText('3 of 10 left');
  await expect(page.getByRole('option', { name: /ACME Co/ })).toContainText('Retired contact');
});
