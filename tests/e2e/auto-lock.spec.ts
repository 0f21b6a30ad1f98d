import { ACME_URI, createVault } from './support/app-actions.js';
import { E2E_PASSWORD, expect, test } from './support/test-host.js';
import { MINUTE_MS, SECOND_MS } from '../../src/shared/durations.js';

test.beforeEach(async ({ app }) => {
  await createVault(app.page);
  await app.core.addAccount({ issuer: '', seed: { otpauth: ACME_URI } });
  await app.page.reload();
  await expect(app.page.getByRole('option', { name: /ACME Co/ })).toBeVisible();
});

test('locks after 5 minutes without input, clears the screen and says why', async ({ app }) => {
  const { page } = app;
  await app.advance(5 * MINUTE_MS - SECOND_MS);
  expect(app.session.status().state).toBe('unlocked');
  await app.advance(SECOND_MS);
  expect(app.session.status().state).toBe('locked');

  await expect(page.getByRole('heading', { name: 'Unlock Sparekey' })).toBeVisible();
  await expect(page.getByText('Locked because Sparekey was not used for a while.')).toBeVisible();
  await expect(page.getByText('ACME Co')).toHaveCount(0);
  expect(app.events).toContain('locked');

  await page.getByLabel('Password').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('option', { name: /ACME Co/ })).toBeVisible();
});

test('input in the window postpones the lock', async ({ app }) => {
  const { page } = app;
  await app.advance(4 * MINUTE_MS);
  await page.getByRole('combobox', { name: 'Search accounts' }).press('a');
  await expect.poll(() => app.calls.includes('reportActivity')).toBe(true);
  await app.advance(4 * MINUTE_MS);
  expect(app.session.status().state).toBe('unlocked');
  await app.advance(MINUTE_MS);
  expect(app.session.status().state).toBe('locked');
  await expect(page.getByRole('heading', { name: 'Unlock Sparekey' })).toBeVisible();
});

test('locks when the computer sleeps or the screen locks', async ({ app }) => {
  const { page } = app;
  app.desktop.systemEvent('suspend');
  await expect(page.getByText('Locked when the computer went to sleep.')).toBeVisible();

  await page.getByLabel('Password').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('option', { name: /ACME Co/ })).toBeVisible();
  app.desktop.systemEvent('lock-screen');
  await expect(page.getByText('Locked when the screen was locked.')).toBeVisible();
  expect(app.session.status().state).toBe('locked');
});

test('the auto-lock time is a setting, applied at once', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Lock the vault when Sparekey is not used').selectOption('1');
  await expect(page.getByRole('status').filter({ hasText: 'saved' })).toHaveText(
    'Auto-lock saved.',
  );
  expect((await app.core.getSettings({})).autoLockMinutes).toBe(1);

  await page.getByLabel('Hide the Sparekey window from screenshots and screen sharing').check();
  await expect.poll(() => app.contentProtection()).toBe(true);

  await app.advance(MINUTE_MS);
  await expect(page.getByRole('heading', { name: 'Unlock Sparekey' })).toBeVisible();
});
