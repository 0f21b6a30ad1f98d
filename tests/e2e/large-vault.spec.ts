import { addAccountsThroughCore, coreCode, createVault } from './support/app-actions.js';
import { expect, test } from './support/test-host.js';

const COUNT = 10_000;
const SECRETS = ['GEZDGNBVGY3TQOJQ', 'JBSWY3DPEHPK3PXP', 'KRSXG5CTMVRXEZLU'];

/**
 * A functional check that 10,000 accounts stay usable: only the rows in view
 * exist in the page, search finds any account, End reaches the last one.
 * (How fast it is belongs to the benchmarks, not here.)
 */
test('10,000 accounts: a virtualized list, instant search, keyboard to the end', async ({
  app,
}, testInfo) => {
  test.setTimeout(180_000);
  const { page } = app;
  await createVault(page);
  addAccountsThroughCore(
    app,
    Array.from({ length: COUNT }, (_, i) => ({
      issuer: `Service ${String(i).padStart(5, '0')}`,
      accountName: `user${i}@example.com`,
      secret: SECRETS[i % SECRETS.length]!,
    })),
  );
  await page.reload();

  const list = page.getByRole('listbox', { name: 'Accounts' });
  await expect(page.getByText('10,000 accounts')).toBeVisible({ timeout: 30_000 });
  const rendered = await list.getByRole('option').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(60);
  await expect(list.getByRole('option').first()).toHaveAttribute('aria-setsize', String(COUNT));

  // Only the codes of the rows on screen are asked for.
  const page1 = await page.evaluate(() => document.querySelectorAll('[role=option]').length);
  expect(page1).toBe(rendered);

  await page.keyboard.press('Control+f');
  await page.keyboard.type('Service 09876');
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(page.getByRole('heading', { name: 'Service 09876', level: 2 })).toBeVisible();
  const id = (await app.core.listAccounts({})).find((a) => a.issuer === 'Service 09876')!.id;
  await expect(page.getByTestId('current-code')).toHaveText(await coreCode(app, id));

  await page.keyboard.press('Escape');
  await list.focus();
  await page.keyboard.press('End');
  const last = list.getByRole('option', { name: /Service 09999/ });
  await expect(last).toHaveAttribute('aria-selected', 'true');
  await expect(last).toBeInViewport();
  await expect(last).toHaveAttribute('aria-posinset', String(COUNT));
  expect(await list.getByRole('option').count()).toBeLessThan(60);
  await page.screenshot({ path: testInfo.outputPath('ten-thousand-accounts.png') });
});
