import {
  ACME_URI,
  addAccountsThroughCore,
  createVault,
  expectAccessible,
  screenshot,
} from './support/app-actions.js';
import { type AppHost, expect, test } from './support/test-host.js';

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
  // The session stays unlocked across a reload; the list is read afresh.
  await app.page.reload();
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
  app.advance(25_000);
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
  await expect(page.getByRole('alert')).toBeVisible();
  await expectAccessible(page, `the unlock screen (${scheme})`);
  await shot('unlock');
}

for (const scheme of ['light', 'dark'] as const) {
  test(`every main view passes axe and is photographed (${scheme})`, async ({ app }, testInfo) => {
    await app.page.emulateMedia({ colorScheme: scheme });
    await app.page.getByLabel('New password').fill('correct horse');
    await expectAccessible(app.page, `the create-vault screen (${scheme})`);
    await screenshot(app.page, testInfo, `${scheme}-create-vault`);
    await app.page.getByLabel('New password').fill('');
    await sampleVault(app);
    await tourViews(app, scheme, testInfo);
  });
}
