import { join } from 'node:path';
import { ACME_URI, accountId, createVault, openAccountTab } from './support/app-actions.js';
import { expect, test } from './support/test-host.js';

test('edit an account, replace its setup key, remove it', async ({ app }) => {
  const { page } = app;
  await createVault(page);
  await app.core.addAccount({ issuer: '', seed: { otpauth: ACME_URI } });
  await page.reload();
  await page.getByRole('option', { name: /ACME Co/ }).click();

  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByLabel('Issuer (site or service)').fill('ACME Corporation');
  await page.getByLabel('Tags').fill('work, billing');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { name: 'ACME Corporation', level: 2 })).toBeVisible();
  await openAccountTab(page, 'Sign-in');
  await expect(page.getByText('billing', { exact: true })).toBeVisible();
  await openAccountTab(page, 'Code');
  const [edited] = await app.core.listAccounts({});
  expect(edited).toMatchObject({ issuer: 'ACME Corporation', tags: ['work', 'billing'] });

  // A new setup key: the typed secret with its parameters (RFC 6238's SHA-256 key, 8 digits).
  const before = (await app.core.getCodes({ ids: [edited!.id] }))[0]!.current;
  await page.getByRole('button', { name: 'Replace setup key…' }).click();
  await page
    .getByLabel('Setup key or otpauth:// link')
    .fill('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA');
  await page.getByLabel('Algorithm').selectOption('SHA256');
  await page.getByLabel('Digits').selectOption('8');
  await page.getByRole('button', { name: 'Save setup key' }).click();
  await expect(page.getByText('TOTP · SHA256 · 8 digits · every 30 s')).toBeVisible();
  const after = (await app.core.getCodes({ ids: [edited!.id] }))[0]!.current!;
  expect(after).toHaveLength(8);
  expect(after).not.toBe(before);
  await expect(page.getByTestId('current-code')).toHaveText(
    `${after.slice(0, 4)} ${after.slice(4)}`,
  );

  // A bad key is refused with the core's message, at the key, and changes nothing.
  await page.getByRole('button', { name: 'Replace setup key…' }).click();
  const key = page.getByLabel('Setup key or otpauth:// link');
  await key.fill('not base32 at all!');
  await page.getByRole('button', { name: 'Save setup key' }).click();
  await expect(key).toHaveAttribute('aria-invalid', 'true');
  await expect(key).toBeFocused();
  await expect(key).toHaveAccessibleDescription(/Base32/);
  expect((await app.core.getCodes({ ids: [edited!.id] }))[0]!.current).toBe(after);
  await page.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: 'Remove…' }).click();
  await page.getByRole('button', { name: 'Remove ACME Corporation' }).click();
  await expect(page.getByRole('heading', { name: 'Your vault is empty' })).toBeVisible();
  expect(await app.core.listAccounts({})).toEqual([]);
  // Kept aside for 30 days, encrypted: Settings lists it.
  expect((await app.core.listRemovedAccounts({})).map((removed) => removed.issuer)).toEqual([
    'ACME Corporation',
  ]);
});

test('opening another vault file (the File menu) locks this one and shows the new file', async ({
  app,
}) => {
  const { page } = app;
  await createVault(page);
  await app.core.addAccount({ issuer: '', seed: { otpauth: ACME_URI } });
  expect(await accountId(app, 'ACME Co')).toMatch(/^[0-9a-f]{16}$/);

  const other = join(app.vaultPath, '..', 'other.sparekey');
  app.desktop.openVaultFile(other);
  await expect(page.getByRole('heading', { name: 'Create your Sparekey vault' })).toBeVisible();
  await expect(page.getByText(`The vault file: ${other}`)).toBeVisible();
  expect(app.session.status()).toEqual({
    state: 'no-vault',
    vaultPath: other,
    notices: { olderVault: null, upgraded: null },
  });
});
