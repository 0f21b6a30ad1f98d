import { ACME_URI, accountId, createVault, openAccountTab } from './support/app-actions.js';
import { expect, test } from './support/test-host.js';
import { DAY_MS } from '../../src/shared/durations.js';

test('contacts: add, confirm when stale, edit, retire one nobody uses, reinstate, remove', async ({
  app,
}) => {
  const { page } = app;
  await createVault(page);
  await page.getByRole('button', { name: 'Contacts' }).click();
  await expect(
    page.getByRole('heading', { name: 'No phone numbers or e-mail addresses yet' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Add your first contact' }).click();
  await page.getByLabel('E-mail address', { exact: true }).check();
  await page.getByLabel('E-mail address', { exact: true }).last().fill('Me@Example.com');
  await page.getByRole('button', { name: 'Add e-mail address' }).click();
  const mail = page.getByRole('listitem').filter({ hasText: 'me@example.com' });
  await expect(mail).toContainText('Confirmed 3 May 2026 (today) · no account uses it');

  // An account depends on it, and 200 days later it is stale: the health check says so on the
  // contact; confirming clears it. (A contact nobody depends on is no finding.)
  const forum = await app.core.addAccount({ issuer: 'Forum' });
  const contact = (await app.core.listContacts({}))[0]!;
  await app.core.addRecoveryContact({ accountId: forum.id, contactId: contact.id });
  await app.core.updateSettings({ autoLockMinutes: 0 });
  await app.advance(200 * DAY_MS);
  await page.getByRole('button', { name: 'Accounts' }).click();
  await page.getByRole('button', { name: 'Contacts' }).click();
  await expect(mail).toContainText('me@example.com not confirmed for 200 days');
  await mail.getByRole('button', { name: 'Confirm' }).click();
  await expect(mail).toContainText('Confirmed 19 Nov 2026 (today)');
  await expect(mail).not.toContainText('not confirmed for');

  await mail.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Label (optional)').fill('personal');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(mail.getByRole('heading')).toHaveText('me@example.com personal');

  await app.core.removeRecoveryContact({ accountId: forum.id, contactId: contact.id });
  await page.getByRole('button', { name: 'Accounts' }).click();
  await page.getByRole('button', { name: 'Contacts' }).click();
  await mail.getByRole('button', { name: 'Retire…' }).click();
  await expect(page.getByRole('group', { name: 'Retire me@example.com?' })).toContainText(
    'No account uses it.',
  );
  await page.getByRole('button', { name: 'Retire me@example.com' }).click();
  const retired = page.getByRole('region', { name: 'Retired (1)' });
  await expect(retired).toContainText('Retired 19 Nov 2026');
  await retired.getByRole('button', { name: 'Reinstate' }).click();
  await expect(page.getByRole('region', { name: 'E-mail addresses (1)' })).toBeVisible();
  await page.getByRole('button', { name: 'Retire…' }).click();
  await page.getByRole('button', { name: 'Retire me@example.com' }).click();
  await page
    .getByRole('region', { name: 'Retired (1)' })
    .getByRole('button', { name: 'Remove' })
    .click();
  await expect(
    page.getByRole('heading', { name: 'No phone numbers or e-mail addresses yet' }),
  ).toBeVisible();
  expect(await app.core.listContacts({})).toEqual([]);
});

test('passwords: random options, previous passwords on an explicit reveal, the setup key copied through the guard', async ({
  app,
}) => {
  const { page } = app;
  await createVault(page);
  await app.core.addAccount({ issuer: '', seed: { otpauth: ACME_URI } });
  const id = await accountId(app, 'ACME Co');
  await app.core.setLogin({ id, username: 'alice', password: 'first-Password-1' });
  await page.reload();
  await openAccountTab(page, 'Sign-in');
  const login = page.getByRole('region', { name: 'Sign-in', exact: true });
  await expect(login).toContainText('alice');
  expect(app.calls).not.toContain('revealPassword');

  await login.getByRole('button', { name: 'Edit sign-in' }).click();
  await login.getByLabel('Length').fill('12');
  await login.getByLabel('Symbols').uncheck();
  await login.getByLabel(/No look-alikes/).check();
  await login.getByRole('button', { name: 'Generate' }).click();
  const field = login.getByLabel('New password');
  await expect(field).toHaveValue(/^[A-Za-z0-9]{12}$/);
  const generated = await field.inputValue();
  expect(generated).not.toMatch(/[0O1lI]/);
  await expect(login.locator('.guess-times th')).toHaveCount(4);
  await login.getByRole('button', { name: 'Save sign-in' }).click();

  await expect(login).toContainText('1 kept');
  await login.getByRole('button', { name: 'Reveal' }).last().click();
  await expect(login.locator('.password-history')).toContainText('first-Password-1');
  await expect(login.locator('.password-history')).toContainText('replaced 3 May 2026');
  expect(app.calls).toContain('revealPasswordHistory');
  expect((await app.core.revealPassword({ id })).password).toBe(generated);

  await openAccountTab(page, 'Code');
  await page.getByRole('button', { name: 'Copy setup key' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'setup key' })).toHaveText(
    'Copied the ACME Co setup key. The clipboard is cleared in 20 s.',
  );
  expect(app.clipboard.text).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect.poll(() => app.clipboard.text).toBe('');
});

test('recovery: the support page opens in the browser, notes are kept, a tested sign-in is dated', async ({
  app,
}) => {
  const { page } = app;
  await createVault(page);
  await app.core.addAccount({ issuer: '', seed: { otpauth: ACME_URI } });
  await page.reload();
  await openAccountTab(page, '2FA & recovery');
  const recovery = page.getByRole('region', { name: 'Two-step sign-in and recovery' });
  await expect(recovery.getByTestId('last-tested')).toHaveText(
    'Never: a way in nobody has tried may not work when you need it.',
  );
  await recovery.getByRole('button', { name: 'Edit page and notes' }).click();
  await recovery.getByLabel('Support or account-recovery page').fill('acme.example/help');
  await recovery.getByLabel('Recovery notes').fill('Call the helpdesk with the invoice number.');
  await recovery.getByRole('button', { name: 'Save', exact: true }).click();
  // A link the shell's window-open handler sends to the user's browser, never opened inside the app.
  const link = recovery.getByRole('link', { name: /acme\.example\/help/ });
  await expect(link).toHaveAttribute('href', 'https://acme.example/help');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(recovery).toContainText('Call the helpdesk with the invoice number.');

  await app.core.updateSettings({ autoLockMinutes: 0 });
  await app.advance(3 * DAY_MS);
  await recovery.getByRole('button', { name: 'I just tested this sign-in' }).click();
  await expect(recovery.getByTestId('last-tested')).toHaveText('6 May 2026 (today)');
  const id = await accountId(app, 'ACME Co');
  expect((await app.core.getRecovery({ accountId: id })).lastTestedAt).toBe(app.clock.now());
});
