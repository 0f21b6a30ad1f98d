import { ACME_URI, accountId, createVault } from './support/app-actions.js';
import { expect, test } from './support/test-host.js';
import { SECOND_MS } from '../../src/shared/durations.js';

test.describe('copying codes', () => {
  test.beforeEach(async ({ app }) => {
    await createVault(app.page);
    await app.core.addAccount({ issuer: '', seed: { otpauth: ACME_URI } });
    await app.page.reload();
    await app.page.getByRole('option', { name: /ACME Co/ }).click();
  });

  test('a click copies the code in main; the clipboard is cleared after 20 s if unchanged', async ({
    app,
  }) => {
    const { page } = app;
    const id = await accountId(app, 'ACME Co');
    const [codes] = await app.core.getCodes({ ids: [id] });

    await page.getByTestId('current-code').click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toHaveText(
      'Copied the ACME Co code. The clipboard is cleared in 20 s.',
    );
    expect(app.clipboard.text).toBe(codes!.current);
    expect(app.calls).toContain('copyCode');

    await app.advance(19 * SECOND_MS);
    expect(app.clipboard.text).toBe(codes!.current);
    await app.advance(SECOND_MS);
    expect(app.clipboard.text).toBe('');
  });

  test('something the user copied since is left alone', async ({ app }) => {
    await app.page.getByTestId('current-code').click();
    await expect(app.page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
    await app.clipboard.writeText('my own text');
    await app.advance(20 * SECOND_MS);
    expect(app.clipboard.text).toBe('my own text');
  });

  test('the previous and next codes can be copied too (a drifting clock)', async ({ app }) => {
    const id = await accountId(app, 'ACME Co');
    const [codes] = await app.core.getCodes({ ids: [id] });
    await app.page.getByRole('button', { name: /^Next/ }).click();
    await expect(app.page.getByRole('status').filter({ hasText: 'next code' })).toBeVisible();
    expect(app.clipboard.text).toBe(codes!.next);
    await app.page.getByRole('button', { name: /^Previous/ }).click();
    await expect(app.page.getByRole('status').filter({ hasText: 'previous code' })).toBeVisible();
    expect(app.clipboard.text).toBe(codes!.previous);
  });

  test('locking clears what was copied', async ({ app }) => {
    await app.page.getByTestId('current-code').click();
    await expect(app.page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
    expect(app.clipboard.text).not.toBe('');
    await app.page.getByRole('button', { name: 'Lock' }).click();
    await expect(app.page.getByRole('heading', { name: 'Unlock Sparekey' })).toBeVisible();
    expect(app.clipboard.text).toBe('');
  });
});

test('HOTP: generate the next code, see the core’s code, copy it', async ({ app }) => {
  const { page } = app;
  await createVault(page);
  await page.getByRole('button', { name: 'Add your first account' }).click();
  await page
    .getByLabel('Setup key or otpauth:// link')
    .fill('otpauth://hotp/Bank:bob?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&counter=0&issuer=Bank');
  await page.getByRole('button', { name: 'Add account' }).last().click();
  await expect(page.getByRole('option', { name: /Bank/ })).toContainText('HOTP');

  // RFC 4226 test vectors for this secret: counter 0 → 755224, counter 1 → 287082.
  await page.getByRole('button', { name: 'Generate next code' }).click();
  await expect(page.getByTestId('current-code')).toHaveText('755 224');
  await page.getByRole('button', { name: 'Generate next code' }).click();
  await expect(page.getByTestId('current-code')).toHaveText('287 082');
  await page.getByTestId('current-code').click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  expect(app.clipboard.text).toBe('287082');
});
