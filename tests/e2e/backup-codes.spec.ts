import { readFileSync } from 'node:fs';
import { type Locator } from '@playwright/test';
import { createVault, openAccountTab } from './support/app-actions.js';
import { type AppHost, expect, test } from './support/test-host.js';
import { SECOND_MS } from '../../src/shared/durations.js';

const fixture = (name: string) => readFileSync(`tests/fixtures/code-blocks/${name}`, 'utf8');
const GITHUB = fixture('github-recovery-codes.txt');

/** A vault with GitHub and its 16 recovery codes (added through the core), GitHub selected. */
async function githubWithCodes(app: AppHost): Promise<{ id: string; setId: string }> {
  await createVault(app.page);
  const account = await app.core.addAccount({ issuer: 'GitHub', accountName: 'octocat' });
  const added = await app.core.addBackupCodes({ accountId: account.id, text: GITHUB });
  await app.page.reload();
  await app.page.getByRole('option', { name: /GitHub/ }).click();
  await openAccountTab(app.page, 'Backup codes');
  return { id: account.id, setId: added.set.id };
}

function codesSection(app: AppHost): Locator {
  return app.page.getByRole('region', { name: 'Backup codes' });
}

test('a typo is offered the nearest code with one click; undo takes back the last mark', async ({
  app,
}) => {
  const { id } = await githubWithCodes(app);
  const codes = codesSection(app);
  await expect(codes.getByTestId('codes-left')).toHaveText('16 of 16 left');

  const typed = codes.getByLabel('The code you used');
  await typed.fill('1711c-e3e2b');
  await codes.getByRole('button', { name: 'Mark used' }).click();
  // The refusal is at the field: marked, described by it, and the focus is there.
  await expect(typed).toHaveAttribute('aria-invalid', 'true');
  await expect(typed).toHaveAccessibleDescription(
    "1711c-e3e2b is not one of this account's current backup codes. Did you mean 1711c-e3e2a?",
  );
  await expect(typed).toBeFocused();
  await codes.getByRole('button', { name: 'Yes, mark code 7 used' }).click();
  await expect(codes.getByText('Code 7 marked used.')).toBeVisible();
  await expect(codes.getByTestId('code-7')).toContainText('used 3 May 2026');
  await expect(codes.getByTestId('codes-left')).toHaveText('15 of 16 left');

  await codes.getByRole('button', { name: 'Undo the last mark' }).click();
  await expect(codes.getByText('Code 7 is unused again.')).toBeVisible();
  await expect(codes.getByTestId('codes-left')).toHaveText('16 of 16 left');
  expect((await app.core.getCodesStatus({ accountId: id })).used).toBe(0);
});

test('codes appear only on an explicit reveal or copy, both recorded; a copy is cleared after 20 s', async ({
  app,
}) => {
  const { id } = await githubWithCodes(app);
  const codes = codesSection(app);
  await expect(codes.getByTestId('code-1')).toContainText('••••• •••••');
  await expect(codes).not.toContainText('12859-60780');

  await codes.getByRole('button', { name: 'Show codes' }).click();
  await expect(codes.getByTestId('code-1')).toContainText('12859-60780');
  await codes.getByRole('button', { name: 'Hide codes' }).click();
  await expect(codes).not.toContainText('12859-60780');

  await codes.getByRole('button', { name: 'Copy code 3' }).click();
  await expect(app.page.getByRole('status').filter({ hasText: 'Copied' })).toHaveText(
    'Copied backup code 3 of GitHub. The clipboard is cleared in 20 s.',
  );
  expect(app.clipboard.text).toBe('2c439-b7ed2');
  expect(app.calls).toEqual(expect.arrayContaining(['revealBackupCodes', 'copyBackupCode']));
  await app.advance(20 * SECOND_MS);
  expect(app.clipboard.text).toBe('');

  // The history says so, newest first, without any code.
  await openAccountTab(app.page, 'History');
  await expect(
    app.page
      .getByRole('region', { name: 'History' })
      .getByRole('list')
      .filter({ hasText: 'Copied code #3' })
      .locator('li'),
  ).toHaveText([
    /Copied code #3 of the set issued 3 May 2026$/,
    /Showed the codes of the set issued 3 May 2026$/,
    /Added 16 codes \(the set issued 3 May 2026\)$/,
  ]);
  const history = await app.core.getBackupCodeHistory({ accountId: id });
  expect(history.events.map((event) => event.type)).toEqual([
    'codes.add',
    'codes.reveal',
    'codes.copy',
  ]);
});

test('the site replaced the codes: the old set stops counting, and an old code says it no longer works', async ({
  app,
}) => {
  await githubWithCodes(app);
  const codes = codesSection(app);
  await codes.getByRole('button', { name: 'Add codes…' }).click();
  await codes.getByLabel('Paste the codes').fill(fixture('github-settings-page.txt'));
  await expect(codes.getByText(/^Found 16 codes/)).toBeVisible();
  await expect(codes.getByRole('group', { name: /Did GitHub replace them\?/ })).toContainText(
    'This account already has 16 codes (16 unused).',
  );
  await codes.getByRole('button', { name: 'Save 16 codes' }).click();
  await expect(
    codes.getByRole('group', { name: /Did GitHub replace them\?/ }),
  ).toHaveAccessibleDescription('Say whether GitHub replaced the old codes.');
  await codes.getByLabel(/Yes, the site replaced them/).check();
  await codes.getByRole('button', { name: 'Save 16 codes' }).click();
  await expect(codes.getByText('Added 16 codes; the old ones no longer count.')).toBeVisible();
  await expect(codes.getByTestId('codes-left')).toHaveText('16 of 16 left');
  await expect(codes.getByText('Replaced set (1): these codes no longer work')).toBeVisible();

  await codes.getByLabel('The code you used').fill('12859-60780');
  await codes.getByRole('button', { name: 'Mark used' }).click();
  await expect(codes.getByLabel('The code you used')).toHaveAccessibleDescription(
    '12859-60780 is from the set replaced on 3 May 2026; it no longer works. Use a code from the current set.',
  );
});

test('a pasted note: the parser’s doubts and duplicates are shown, and a doubtful code can be left out', async ({
  app,
}) => {
  await createVault(app.page);
  await app.core.addAccount({ issuer: 'Bank' });
  await app.page.reload();
  await openAccountTab(app.page, 'Backup codes');
  const codes = codesSection(app);
  await codes.getByRole('button', { name: 'Add backup codes' }).click();
  await codes
    .getByLabel('Paste the codes')
    .fill(`${fixture('handwritten-note.txt')}\n5) 4821-9930\n`);
  await expect(
    codes.getByText(/^Found 4 codes: check the ones marked before saving/),
  ).toBeVisible();
  await expect(
    codes.getByText('"0800 123 4567" looks like a phone number; it was left out.', {
      exact: false,
    }),
  ).toBeVisible();
  await expect(
    codes.getByText('"4821-9930" appears more than once (lines 5 and 12); it is kept once.'),
  ).toBeVisible();
  await codes.getByRole('checkbox', { name: 'Save code 4, 2201-8876' }).uncheck();
  await codes.getByRole('button', { name: 'Save 3 codes' }).click();
  await expect(codes.getByTestId('codes-left')).toHaveText('3 of 3 left');
});
