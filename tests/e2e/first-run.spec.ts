import { ACME_URI, accountId, coreCode } from './support/app-actions.js';
import { E2E_PASSWORD, expect, test } from './support/test-host.js';
import { SECOND_MS } from '../../src/shared/durations.js';

test('first run: create a vault, add an account from an otpauth URI, see its code, lock and unlock', async ({
  app,
}, testInfo) => {
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'Create your Sparekey vault' })).toBeVisible();

  // The strength meter speaks in words, and the confirmation must match.
  await page.getByLabel('New password').fill('password1');
  await expect(page.getByText(/Strength: (Very weak|Weak)\./)).toBeVisible();
  await page.getByLabel('New password').fill(E2E_PASSWORD);
  await expect(page.getByText(/Strength: (Good|Strong)\./)).toBeVisible();
  const repeat = page.getByLabel('Repeat the password');
  await repeat.fill('correct horse battery stapel');
  await expect(page.getByText('The two passwords differ so far.')).toBeVisible();
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(repeat).toHaveAttribute('aria-invalid', 'true');
  await expect(repeat).toHaveAccessibleDescription(
    'The two passwords differ; type the same password twice.',
  );
  await expect(repeat).toBeFocused();
  expect(app.session.status().state).toBe('no-vault');
  await page.screenshot({ path: testInfo.outputPath('create-vault.png') });
  await repeat.fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Create vault' }).click();

  await expect(page.getByRole('heading', { name: 'Your vault is empty' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('empty-vault.png') });

  await page.getByRole('button', { name: 'Add your first account' }).click();
  await page.getByLabel('Setup key or otpauth:// link').fill(ACME_URI);
  await page.getByRole('button', { name: 'Add account' }).last().click();

  const list = page.getByRole('listbox', { name: 'Accounts' });
  await expect(list.getByRole('option', { name: /ACME Co/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(list.getByText('alice@example.com')).toBeVisible();

  // The code on screen is the one the core computes for the host's clock.
  const id = await accountId(app, 'ACME Co');
  const expected = await coreCode(app, id);
  await expect(page.getByTestId('current-code')).toHaveText(expected);
  await expect(list.getByRole('option', { name: /ACME Co/ })).toContainText(expected);

  // When the host's clock moves to the next step, the screen follows within a second.
  await app.advance(30 * SECOND_MS);
  const later = await coreCode(app, id);
  expect(later).not.toBe(expected);
  await expect(page.getByTestId('current-code')).toHaveText(later);
  const row = list.getByRole('option', { name: /ACME Co/ });
  await expect(row).toContainText(later);

  // The row's countdown follows the host's clock each second (redrawn without rendering the row).
  const ring = async () => {
    const [view] = await app.core.getCodes({ ids: [id] });
    return row.getByRole('img', { name: `${view!.secondsRemaining} seconds left` });
  };
  await expect(await ring()).toBeVisible();
  const arc = row.locator('.ring-left');
  const offsetBefore = await arc.getAttribute('stroke-dashoffset');
  await app.advance(SECOND_MS);
  await expect(await ring()).toBeVisible();
  expect(await arc.getAttribute('stroke-dashoffset')).not.toBe(offsetBefore);

  // So does the account's own ring, its seconds written inside (redrawn without rendering the
  // page); in the last seconds the next code says, each second, when it comes.
  const hero = page.getByRole('region', { name: 'Codes' });
  const [now] = await app.core.getCodes({ ids: [id] });
  await expect(hero.getByRole('img', { name: `${now!.secondsRemaining} seconds left` })).toHaveText(
    String(now!.secondsRemaining),
  );
  await expect(hero.getByRole('button', { name: /^Next/ })).toHaveAccessibleName(/^Next \d/);
  await app.advance((now!.secondsRemaining - 5) * SECOND_MS);
  await expect(hero.getByRole('img', { name: '5 seconds left' })).toHaveText('5');
  await expect(hero.getByText('Next, in 5 s')).toBeVisible();
  await app.advance(SECOND_MS);
  await expect(hero.getByRole('img', { name: '4 seconds left' })).toHaveText('4');
  await expect(hero.getByText('Next, in 4 s')).toBeVisible();

  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock Sparekey' })).toBeVisible();
  expect(app.session.status().state).toBe('locked');
  await expect(page.getByText('ACME Co')).toHaveCount(0);

  await page.getByLabel('Password').fill('not my password');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByLabel('Password')).toHaveAccessibleDescription(
    'Wrong password: it does not unlock this vault.',
  );
  await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Password')).toBeFocused();

  await page.getByLabel('Password').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(list.getByText('ACME Co')).toBeVisible();
  expect(app.calls).not.toContain('revealSeed');
});
