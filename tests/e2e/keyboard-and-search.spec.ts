import { accountId, addAccountsThroughCore, createVault } from './support/app-actions.js';
import { expect, test } from './support/test-host.js';

const ISSUERS = ['Amazon', 'Apple', 'GitHub', 'GitLab', 'Google', 'Microsoft'];

test('search from anywhere with Ctrl+F, move with the arrows, copy with Enter', async ({ app }) => {
  const { page } = app;
  await createVault(page);
  addAccountsThroughCore(
    app,
    ISSUERS.map((issuer, i) => ({
      issuer,
      accountName: `user${i}`,
      secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJ' + 'ABCDEF'[i],
    })),
  );
  await page.reload();
  const list = page.getByRole('listbox', { name: 'Accounts' });
  const search = page.getByRole('combobox', { name: 'Search accounts' });
  await expect(list.getByRole('option')).toHaveCount(6);

  // Ctrl+F from the settings view comes back to the list with the search focused.
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.keyboard.press('Control+f');
  await expect(search).toBeFocused();

  await page.keyboard.type('git');
  await expect(list.getByRole('option')).toHaveCount(2);
  await expect(page.getByText('2 of 6 match')).toBeVisible();
  // The first match is selected, so Enter copies its code straight away.
  await expect(list.getByRole('option', { name: /GitHub/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page.keyboard.press('ArrowDown');
  await expect(list.getByRole('option', { name: /GitLab/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(search).toHaveAttribute('aria-activedescendant', /^account-/);
  await expect(page.getByRole('heading', { name: 'GitLab', level: 2 })).toBeVisible();

  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('status').filter({ hasText: 'Copied the GitLab code' }),
  ).toBeVisible();
  const [gitlab] = await app.core.getCodes({ ids: [await accountId(app, 'GitLab')] });
  expect(app.clipboard.text).toBe(gitlab!.current);

  // Escape clears the search; the selection stays where it was.
  await page.keyboard.press('Escape');
  await expect(list.getByRole('option')).toHaveCount(6);
  await expect(list.getByRole('option', { name: /GitLab/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );

  // In the list itself: Home, End, arrows.
  await list.focus();
  await page.keyboard.press('Home');
  await expect(list.getByRole('option', { name: /Amazon/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page.keyboard.press('End');
  await expect(list.getByRole('option', { name: /Microsoft/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page.keyboard.press('ArrowUp');
  await expect(list.getByRole('option', { name: /Google/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page.keyboard.press('Enter');
  const [google] = await app.core.getCodes({ ids: [await accountId(app, 'Google')] });
  await expect.poll(() => app.clipboard.text).toBe(google!.current);

  // Words match in any order, across issuer, account name and tags.
  await page.keyboard.press('Control+f');
  await page.keyboard.type('user4 goo');
  await expect(list.getByRole('option')).toHaveCount(1);
  await page.keyboard.type('xyz');
  await expect(
    page.getByRole('heading', { name: 'No account matches “user4 gooxyz”' }),
  ).toBeVisible();
});
