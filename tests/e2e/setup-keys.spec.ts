import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createVault, expectAccessible, screenshot } from './support/app-actions.js';
import { expect, test } from './support/test-host.js';

/**
 * Setup keys as typed (issue 16 item 5): the add form says, under the field,
 * when a key is short or of an odd length (the core's words, through the
 * contract), keeps it as typed, and the import view takes a Steam Desktop
 * Authenticator .maFile.
 */

test('the add form warns under the setup key field and keeps the key as typed', async ({
  app,
}, testInfo) => {
  const { page } = app;
  await createVault(page);
  await page.getByRole('button', { name: 'Add your first account' }).click();
  await page.getByLabel('Issuer').fill('Example');
  const field = page.getByLabel('Setup key or otpauth:// link');
  await field.fill('hello world');
  const warning = page.locator('#seed-key-warnings');
  await expect(warning).toHaveText(
    /^This setup key is 48 bits long; RFC 4226 asks for at least 128 \(160 recommended\)\./,
  );
  await expect(field).toHaveAttribute('aria-describedby', /seed-key-warnings/);
  await expectAccessible(page, 'the add form with a setup-key warning');
  await screenshot(page, testInfo, 'setup-key-warning');

  // A full 160-bit key: the warning goes.
  await field.fill('HXDM VJEC JJWS RB3H WIZR 4IFU GFTM XBOZ');
  await expect(warning).toHaveText('');

  await field.fill('hello world');
  await expect(warning).not.toHaveText('');
  await page.getByRole('button', { name: 'Add account' }).last().click();
  await expect(page.getByRole('listbox', { name: 'Accounts' }).getByText('Example')).toBeVisible();

  const vault = app.session.unlocked();
  const [account] = vault.accounts.list();
  expect(vault.accounts.revealSeed(account!.id).seed.secret).toBe('hello world');
  await page.getByRole('button', { name: 'Reveal setup key' }).click();
  await expect(page.getByText('hello world', { exact: true })).toBeVisible();
});

test('the import view takes a Steam Desktop Authenticator .maFile', async ({ app }, testInfo) => {
  const { page } = app;
  await createVault(page);
  const path = join(app.folder, '76561197960287930.maFile');
  writeFileSync(
    path,
    JSON.stringify({
      shared_secret: Buffer.from('0123456789abcdefghij').toString('base64'),
      account_name: 'gaben',
      revocation_code: 'R12345',
    }),
  );
  await page.getByRole('button', { name: 'Import & export' }).click();
  const card = page.getByRole('region', { name: 'Import from another app' });
  // The button says it takes maFiles; as a person does, it opens the system's file chooser.
  const choose = card.getByRole('button', { name: 'Choose files…' });
  await expect(choose).toHaveAccessibleDescription(/Steam Desktop Authenticator \.maFiles/);
  const chooser = page.waitForEvent('filechooser');
  await choose.click();
  await (await chooser).setFiles([path]);
  await expect(card.getByRole('heading', { name: '1 account to add' })).toBeVisible();
  await expect(card.getByText(/Steam Desktop Authenticator maFile/)).toBeVisible();
  await screenshot(page, testInfo, 'mafile-preview');
  await card.getByRole('button', { name: 'Import 1 account' }).click();
  await expect(card.getByRole('status')).toContainText('Imported 1 account');
  const [account] = app.session.unlocked().accounts.list();
  expect(account).toMatchObject({ issuer: 'Steam', accountName: 'gaben' });
});
