import { readFileSync } from 'node:fs';
import { createVault, openAccountTab, screenshot } from './support/app-actions.js';
import { expect, test } from './support/test-host.js';

/**
 * Dates and paper by locale: in US English the app writes "May 3, 2026"
 * everywhere (its own dates, the core's messages, the date it reads from a
 * pasted page) and offers Letter paper; typed dates are read month first.
 */
test.use({ appLocale: 'en-US' });

const GOOGLE_PAGE = readFileSync('tests/fixtures/code-blocks/google-download.txt', 'utf8');

test('in US English: dates written month first everywhere, typed dates read so, Letter paper', async ({
  app,
}, testInfo) => {
  const { page } = app;
  await createVault(page);
  const bank = await app.core.addAccount({ issuer: 'Bank', seed: { secret: 'JBSWY3DPEHPK3PXP' } });
  const { set } = await app.core.addBackupCodes({
    accountId: bank.id,
    codes: ['1111-2222', '3333-4444', '5555-6666'],
  });
  await app.core.useBackupCode({ accountId: bank.id, setId: set.id, number: 1, note: 'laptop' });
  await page.reload();

  // The app's own dates.
  await openAccountTab(page, 'History');
  await expect(page.getByRole('region', { name: 'History' })).toContainText('AddedMay 3, 2026');
  await openAccountTab(page, 'Backup codes');
  const codes = page.getByRole('region', { name: 'Backup codes' });
  await expect(codes.getByTestId('code-1')).toContainText('used May 3, 2026');
  await expect(codes).toContainText('1 of 3 used, on May 3.');

  // The core's message, written in main, the same way.
  await codes.getByLabel('The code you used').fill('1111-2222');
  await codes.getByRole('button', { name: 'Mark used' }).click();
  await expect(codes.getByLabel('The code you used')).toHaveAccessibleDescription(
    /was already used on May 3, 2026: laptop/,
  );

  // "Issued on" from the pasted page, and a typed date read month first.
  await codes.getByRole('button', { name: 'Add codes…' }).click();
  await codes.getByLabel('Paste the codes').fill(GOOGLE_PAGE);
  const issued = codes.getByLabel('Issued on');
  await expect(issued).toHaveValue('May 3, 2026');
  await expect(issued).toHaveAccessibleDescription(
    'Taken from the pasted page; change it if it is wrong.',
  );
  await issued.fill('5/2/2026');
  await expect(issued).toHaveAccessibleDescription('Read as May 2, 2026.');
  await issued.blur();
  await expect(issued).toHaveValue('May 2, 2026');
  await screenshot(page, testInfo, 'en-US-issued-on');
  await codes.getByRole('button', { name: 'Cancel' }).click();

  // Paper: Letter where the locale uses it.
  await page.getByRole('button', { name: 'Sheets & backups' }).click();
  await expect(page.getByLabel('Paper')).toHaveValue('letter');
});
