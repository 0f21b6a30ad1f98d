import { expect, test, E2E_PASSWORD } from './support/test-host.js';

test('first run: create a vault, add an account from an otpauth URI, see its code, lock and unlock', async ({
  app,
}, testInfo) => {
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'Create your Sparekey vault' })).toBeVisible();
  await page.getByLabel('New password').fill(E2E_PASSWORD);
  await page.getByLabel('Repeat the password').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Create vault' }).click();

  await expect(page.getByRole('heading', { name: 'Your vault is empty' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('empty-vault.png') });

  await page.getByRole('button', { name: 'Add account' }).click();
  await page
    .getByLabel('Setup key or otpauth:// link')
    .fill(
      'otpauth://totp/ACME%20Co:alice%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=ACME%20Co',
    );
  await page.getByRole('button', { name: 'Add account' }).last().click();

  const accounts = page.getByRole('list', { name: 'Accounts' });
  await expect(accounts.getByText('ACME Co')).toBeVisible();
  await expect(accounts.getByText('alice@example.com')).toBeVisible();

  // The code on screen is the one the core computes for the host's clock.
  const [listed] = await app.core.listAccounts({});
  const [expected] = await app.core.getCodes({ ids: [listed!.id] });
  await expect(page.getByLabel('Code for ACME Co')).toContainText(
    `${expected!.current!.slice(0, 3)} ${expected!.current!.slice(3)}`,
  );
  await page.screenshot({ path: testInfo.outputPath('accounts.png') });

  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock Sparekey' })).toBeVisible();
  expect(app.session.status().state).toBe('locked');

  await page.getByLabel('Password').fill('not my password');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Wrong password: it does not unlock this vault.',
  );

  await page.getByLabel('Password').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(accounts.getByText('ACME Co')).toBeVisible();
  expect(app.calls).not.toContain('revealSeed');
});
