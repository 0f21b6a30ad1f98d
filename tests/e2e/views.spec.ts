import { readFileSync } from 'node:fs';
import {
  ACME_URI,
  addAccountsThroughCore,
  createVault,
  expectAccessible,
  openAccountTab,
  screenshot,
} from './support/app-actions.js';
import { type AppHost, expect, test } from './support/test-host.js';
import { SECOND_MS } from '../../src/shared/durations.js';

const SAMPLE = [
  { issuer: 'GitHub', accountName: 'octocat', secret: 'JBSWY3DPEHPK3PXP', tags: ['work'] },
  { issuer: 'Google', accountName: 'alice@gmail.com', secret: 'GEZDGNBVGY3TQOJQ' },
  { issuer: 'Proton Mail', accountName: 'alice@proton.me', secret: 'KRSXG5CTMVRXEZLU' },
  { issuer: 'Dropbox', accountName: 'alice', secret: 'MFRGGZDFMZTWQ2LK' },
  { issuer: 'Fastmail', accountName: 'alice@fastmail.com', secret: 'ONSWG4TFORXXEZLS' },
  { issuer: 'Bitbucket', accountName: 'alice-dev', secret: 'NBSWY3DPO5XXE3DE' },
];

async function sampleVault(app: AppHost): Promise<void> {
  await createVault(app.page);
  addAccountsThroughCore(app, SAMPLE);
  await app.core.addAccount({
    issuer: '',
    seed: { otpauth: ACME_URI },
    url: 'https://acme.example/login',
    notes: 'Recovery: call the helpdesk with the customer number on the last invoice.',
  });
  await enrich(app);
  // The session stays unlocked across a reload; the list is read afresh.
  await app.page.reload();
}

const GOOGLE_PAGE = readFileSync('tests/fixtures/code-blocks/google-download.txt', 'utf8');

/** What a lived-in vault holds: contacts (one retired), methods, codes partly used, a password. */
async function enrich(app: AppHost): Promise<void> {
  const { core } = app;
  const accounts = await core.listAccounts({});
  const id = (issuer: string) => accounts.find((account) => account.issuer === issuer)!.id;
  const mobile = await core.addContact({
    kind: 'phone',
    value: '+44 7700 900123',
    label: 'mobile',
  });
  const old = await core.addContact({
    kind: 'phone',
    value: '+44 7700 900999',
    label: 'old work phone',
  });
  const mail = await core.addContact({
    kind: 'email',
    value: 'alice@example.com',
    label: 'personal',
  });
  const acme = id('ACME Co');
  await core.addMethod({ accountId: acme, kind: 'sms', contactId: mobile.id });
  await core.addMethod({ accountId: acme, kind: 'authenticator', device: 'Aegis on Pixel 8' });
  await core.addRecoveryContact({ accountId: acme, contactId: mail.id });
  await core.updateRecovery({
    accountId: acme,
    supportUrl: 'https://acme.example/account-recovery',
    recoveryNotes: 'The helpdesk asks for the customer number on the last invoice.',
  });
  await core.setLogin({ id: acme, username: 'alice', password: 'stable-orbit-velvet-73-lantern' });
  const { set } = await core.addBackupCodes({ accountId: acme, text: GOOGLE_PAGE });
  for (const number of [1, 3, 4])
    await core.useBackupCode({ accountId: acme, setId: set.id, number });
  await core.useBackupCode({ accountId: acme, setId: set.id, number: 2, note: 'new laptop' });

  const github = id('GitHub');
  const codes = await core.addBackupCodes({
    accountId: github,
    codes: Array.from({ length: 8 }, (_, i) => `${41_000 + i}-${52_000 + i}`),
  });
  for (let number = 1; number <= 6; number++) {
    await core.useBackupCode({ accountId: github, setId: codes.set.id, number });
  }
  const dropbox = id('Dropbox');
  await core.addMethod({ accountId: dropbox, kind: 'sms', contactId: old.id });
  await core.retireContact({ id: old.id });
  await core.setLogin({ id: id('Fastmail'), password: 'password123' });
  await core.setLogin({ id: id('Bitbucket'), password: 'password123' });
}

/** Every main view, scanned by axe and photographed, in one colour scheme. */
async function tourViews(
  app: AppHost,
  scheme: 'light' | 'dark',
  testInfo: Parameters<Parameters<typeof test>[2]>[1],
) {
  const { page } = app;
  const shot = (name: string) => screenshot(page, testInfo, `${scheme}-${name}`);

  await expect(page.getByRole('listbox', { name: 'Accounts' })).toBeVisible();
  await page.getByRole('option', { name: /ACME Co/ }).click();
  await expect(page.getByTestId('current-code')).not.toContainText('•');
  await expectAccessible(page, `the accounts view (${scheme})`);
  await shot('accounts');

  // The last seconds of a code: the next one is shown in the row and emphasised in the detail.
  await app.advance(25 * SECOND_MS);
  await expect(page.getByRole('button', { name: /^Next/ })).toContainText(/Next, in \d s/);
  await shot('accounts-last-seconds');

  await page.getByRole('button', { name: 'Add account' }).click();
  await page.getByLabel('Setup key or otpauth:// link').fill('JBSW Y3DP EHPK 3PXP');
  await expect(page.getByRole('group', { name: /Parameters/ })).toBeVisible();
  await expectAccessible(page, `the add-account form (${scheme})`);
  await shot('add-account');
  await page.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: 'Reveal setup key' }).click();
  await expect(page.getByTestId('revealed-secret')).toHaveText(
    'GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ',
  );
  await expectAccessible(page, `a revealed setup key (${scheme})`);
  await shot('setup-key');
  await page.getByRole('button', { name: 'Hide setup key' }).click();

  // The account's sections: backup codes (and pasting a new set), sign-in, 2FA and recovery.
  await openAccountTab(page, 'Backup codes');
  const codes = page.getByRole('region', { name: 'Backup codes' });
  await expect(codes.getByTestId('codes-left')).toHaveText('6 of 10 left');
  await expectAccessible(page, `backup codes (${scheme})`);
  await shot('account-backup-codes');
  await codes.getByRole('button', { name: 'Show codes' }).click();
  await codes.getByLabel('The code you used').fill('0954 0266');
  await codes.getByRole('button', { name: 'Mark used' }).click();
  await expect(codes.getByText(/already used on 3 May 2026: new laptop/)).toBeVisible();
  await codes.getByRole('heading', { name: 'I just used a code' }).scrollIntoViewIfNeeded();
  await expectAccessible(page, `revealed codes and a refusal (${scheme})`);
  await shot('account-backup-codes-refused');
  await codes.getByRole('button', { name: 'Hide codes' }).click();
  await codes.getByRole('button', { name: 'Add codes…' }).click();
  await codes.getByLabel('Paste the codes').fill(GOOGLE_PAGE.replace(/(\d{4}) (\d{4})/g, '$2 $1'));
  await expect(codes.getByText(/^Found 10 codes/)).toBeVisible();
  await codes.getByRole('group', { name: /replace them/ }).scrollIntoViewIfNeeded();
  await expectAccessible(page, `pasting backup codes (${scheme})`);
  await shot('account-paste-codes');
  await codes.getByRole('button', { name: 'Cancel' }).click();

  await openAccountTab(page, 'Sign-in');
  const login = page.getByRole('region', { name: 'Sign-in', exact: true });
  await login.getByRole('button', { name: 'Edit sign-in' }).click();
  await login.getByRole('button', { name: 'Generate' }).click();
  await expect(login.getByText(/^Strength: /)).toBeVisible();
  await login.getByText('How long it would take to guess').click();
  await login.scrollIntoViewIfNeeded();
  await expectAccessible(page, `editing the sign-in (${scheme})`);
  await shot('account-sign-in');
  await login.getByRole('button', { name: 'Cancel' }).click();

  await openAccountTab(page, '2FA & recovery');
  const recovery = page.getByRole('region', { name: 'Two-step sign-in and recovery' });
  await recovery.getByRole('button', { name: 'Add a way in…' }).click();
  await recovery.scrollIntoViewIfNeeded();
  await expectAccessible(page, `2FA methods and recovery (${scheme})`);
  await shot('account-recovery');
  await recovery.getByRole('button', { name: 'Cancel' }).click();

  await openAccountTab(page, 'History');
  await expect(page.getByRole('region', { name: 'History' })).toContainText('new laptop');
  await expectAccessible(page, `the account's history (${scheme})`);
  await shot('account-history');
  await openAccountTab(page, 'Code');

  // Warnings on the rows, and the filter.
  await page.getByRole('button', { name: /Needs attention/ }).click();
  await page.getByRole('option', { name: /Dropbox/ }).click();
  await expectAccessible(page, `accounts that need attention (${scheme})`);
  await shot('accounts-needs-attention');
  await page.getByRole('button', { name: /Needs attention/ }).click();

  await page.getByRole('button', { name: 'Health' }).click();
  // Dropbox texts a retired number, but its authenticator still works: a warning, not critical.
  await expect(page.getByRole('region', { name: /Worth fixing soon/ })).toBeVisible();
  await expect(page.getByRole('region', { name: /Could lock you out now/ })).toHaveCount(0);
  await expectAccessible(page, `health (${scheme})`);
  await shot('health');
  await page.getByRole('region', { name: /Worth fixing soon/ }).scrollIntoViewIfNeeded();
  await shot('health-warnings');

  await page.getByRole('button', { name: 'Contacts' }).click();
  await expect(page.getByRole('region', { name: 'Retired (1)' })).toBeVisible();
  await page
    .getByRole('listitem')
    .filter({ hasText: 'mobile' })
    .getByRole('button', { name: 'Retire…' })
    .click();
  await expectAccessible(page, `contacts (${scheme})`);
  await shot('contacts');
  await page.getByRole('button', { name: 'Keep it' }).click();

  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expectAccessible(page, `settings (${scheme})`);
  await shot('settings');

  // The smallest window the shell allows: the sidebar folds to icons, nothing overlaps.
  await page.getByRole('button', { name: 'Accounts' }).click();
  await page.setViewportSize({ width: 720, height: 480 });
  await expect(page.getByTestId('current-code')).toBeVisible();
  await expectAccessible(page, `the accounts view in a small window (${scheme})`);
  await shot('accounts-small-window');
  await page.setViewportSize({ width: 1200, height: 800 });

  await page.getByRole('button', { name: 'Lock' }).click();
  await page.getByLabel('Password').fill('wrong password');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, `the unlock screen (${scheme})`);
  await shot('unlock');
}

for (const scheme of ['light', 'dark'] as const) {
  test(`every main view passes axe and is photographed (${scheme})`, async ({ app }, testInfo) => {
    // Some twenty axe scans and screenshots: under a minute on a quiet 2-core machine, over two
    // on one shared with other test runs.
    test.setTimeout(300_000);
    await app.page.emulateMedia({ colorScheme: scheme });
    await app.page.getByLabel('New password').fill('correct horse');
    await expectAccessible(app.page, `the create-vault screen (${scheme})`);
    await screenshot(app.page, testInfo, `${scheme}-create-vault`);
    await app.page.getByLabel('New password').fill('');
    await sampleVault(app);
    await tourViews(app, scheme, testInfo);
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`empty states teach what to add first (${scheme})`, async ({ app }, testInfo) => {
    const { page } = app;
    await page.emulateMedia({ colorScheme: scheme });
    await createVault(page);
    await page.getByRole('button', { name: 'Health' }).click();
    await expect(page.getByRole('heading', { name: 'Nothing to check yet' })).toBeVisible();
    await expectAccessible(page, `the empty health view (${scheme})`);
    await screenshot(page, testInfo, `${scheme}-empty-health`);
    await page.getByRole('button', { name: 'Add contacts' }).click();
    await expect(
      page.getByRole('heading', { name: 'No phone numbers or e-mail addresses yet' }),
    ).toBeVisible();
    await expectAccessible(page, `the empty contacts view (${scheme})`);
    await screenshot(page, testInfo, `${scheme}-empty-contacts`);

    await app.core.addAccount({ issuer: '', seed: { otpauth: ACME_URI } });
    await page.getByRole('button', { name: 'Accounts' }).click();
    await page.reload();
    await openAccountTab(page, 'Backup codes');
    await expect(page.getByRole('button', { name: 'Add backup codes' })).toBeVisible();
    await openAccountTab(page, 'Sign-in');
    await expect(page.getByRole('button', { name: 'Add the password' })).toBeVisible();
    await openAccountTab(page, 'Backup codes');
    await expectAccessible(page, `a new account's empty sections (${scheme})`);
    await screenshot(page, testInfo, `${scheme}-new-account`);
  });
}
