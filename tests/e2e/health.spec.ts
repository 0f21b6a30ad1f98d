import { createVault, openAccountTab } from './support/app-actions.js';
import { type AppHost, expect, test } from './support/test-host.js';

const CODES = Array.from({ length: 10 }, (_, i) => `${1000 + i}-${2000 + i}`);
const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

/**
 * GitHub whose only way in, its backup codes, are all used (critical: no way in works),
 * Notes with no second factor (nothing to say), Slack known only by its seed (one suggestion).
 */
async function vaultWithFindings(app: AppHost) {
  await createVault(app.page);
  const github = await app.core.addAccount({ issuer: 'GitHub', accountName: 'octocat' });
  const { set } = await app.core.addBackupCodes({ accountId: github.id, codes: CODES });
  for (let number = 1; number <= CODES.length; number++) {
    await app.core.useBackupCode({ accountId: github.id, setId: set.id, number });
  }
  const notes = await app.core.addAccount({ issuer: 'Notes' });
  const slack = await app.core.addAccount({ issuer: 'Slack', seed: { secret: SECRET } });
  await app.page.reload();
  return { github, notes, slack, setId: set.id };
}

test('every finding, critical first, with a button that goes where the fix is made', async ({
  app,
}) => {
  const { page } = app;
  await vaultWithFindings(app);
  await page.getByRole('button', { name: 'Health' }).click();
  await expect(page.getByRole('heading', { name: 'Health' })).toBeVisible();
  const groups = page.locator('.finding-group');
  await expect(groups.first()).toHaveAccessibleName(/^Could lock you out now \(1\)/);
  const critical = page.getByRole('region', { name: /Could lock you out now/ });
  await expect(critical).toContainText('No way in works · GitHub (octocat)');
  await expect(critical).toContainText('Backup codes: all 10 codes are used.');
  await expect(critical).toContainText(
    "Fix: If you are still signed in to GitHub anywhere, add a new way in there now and record it here with “Add a way in…”. Otherwise ask GitHub's support to recover the account",
  );
  const report = await app.core.getHealth({});
  await expect(page.locator('.tile-critical .tile-number')).toHaveText(
    String(report.summary.critical),
  );
  await expect(page.locator('.tile-score .tile-number')).toHaveText(String(report.vaultScore));

  await critical.getByRole('button', { name: 'Open 2FA and recovery' }).click();
  await expect(page.getByRole('heading', { name: 'Two-step sign-in and recovery' })).toBeFocused();
  await expect(page.getByRole('option', { name: /GitHub/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.getByTestId('ways-in')).toContainText(
    'BrokenBackup codesAll 10 codes are used.',
  );
  // The account's header stays in view above the section, naming the most urgent finding.
  await expect(page.getByRole('heading', { name: 'GitHub', level: 2 })).toBeInViewport();
  const urgent = page.locator('.header-finding');
  await expect(urgent).toContainText('No way in works');
  await expect(urgent.getByRole('button', { name: 'Open 2FA and recovery' })).toBeVisible();

  // An account's own findings are in its Code tab, with the same fixes.
  await openAccountTab(page, 'Code');
  await expect(page.getByRole('region', { name: 'Needs attention' })).toContainText(
    'No way in works',
  );
  await page.getByRole('option', { name: /Slack/ }).click();
  const suggestions = page.getByRole('region', { name: 'Suggestions' });
  await expect(suggestions).toContainText('Only the authenticator is known');
  await suggestions.getByRole('button', { name: 'Open 2FA and recovery' }).click();
  await expect(page.getByRole('heading', { name: 'Two-step sign-in and recovery' })).toBeFocused();
});

test('warnings on each row, and the filter for accounts that need attention', async ({ app }) => {
  const { page } = app;
  await vaultWithFindings(app);
  const list = page.getByRole('listbox', { name: 'Accounts' });
  await expect(list.getByRole('option')).toHaveCount(3);
  await expect(list.getByRole('option', { name: /GitHub/ })).toContainText('No way in works');
  // A suggestion (info) is no warning: Slack's row says nothing.
  await expect(list.getByRole('option', { name: /Slack/ })).not.toContainText(/Critical|Warning/);
  await expect(list.getByRole('option', { name: /Notes/ })).not.toContainText(/Critical|Warning/);

  const filter = page.getByRole('button', { name: /Needs attention/ });
  await expect(filter).toContainText('1');
  await expect(filter).toHaveAttribute('aria-pressed', 'false');
  await filter.click();
  await expect(filter).toHaveAttribute('aria-pressed', 'true');
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(page.getByText('1 of 3 need attention')).toBeVisible();
  await page.getByRole('combobox', { name: 'Search accounts' }).fill('sla');
  await expect(list.getByRole('option')).toHaveCount(0);
  await filter.click();
  await page.getByRole('combobox', { name: 'Search accounts' }).fill('');
  await expect(list.getByRole('option')).toHaveCount(3);

  // Recording a security key for GitHub: one way in works again, so it is no longer critical.
  await list.getByRole('option', { name: /GitHub/ }).click();
  await openAccountTab(page, '2FA & recovery');
  const recovery = page.getByRole('region', { name: 'Two-step sign-in and recovery' });
  await recovery.getByRole('button', { name: 'Add a way in…' }).click();
  await recovery.getByLabel('Kind').selectOption('security-key');
  await recovery.getByLabel('Device', { exact: true }).fill('YubiKey 5C');
  await recovery.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(recovery).toContainText('Security key (YubiKey 5C)');
  const github = list.getByRole('option', { name: /GitHub/ });
  await expect(github).not.toContainText('Critical');
  await expect(github).toContainText('Warning: No codes left');
});

test('weak and reused passwords are findings, naming the accounts that share one', async ({
  app,
}) => {
  const { page } = app;
  const { notes, slack } = await vaultWithFindings(app);
  await app.core.setLogin({ id: notes.id, password: 'password123' });
  await app.core.setLogin({ id: slack.id, password: 'password123' });
  await page.reload();
  await page.getByRole('button', { name: 'Health' }).click();
  const warnings = page.getByRole('region', { name: /Worth fixing soon/ });
  await expect(warnings.locator('[data-rule="password.weak"]')).toHaveCount(2);
  const reused = warnings.locator('[data-rule="password.reused"]').filter({ hasText: '· Notes' });
  await expect(reused).toContainText('Same password as 1 other account');
  await reused.getByRole('button', { name: 'Open Slack' }).click();
  await expect(page.getByRole('heading', { name: 'Slack', level: 2 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Sign-in', exact: true })).toBeFocused();
  await expect(page.getByRole('region', { name: 'Sign-in', exact: true })).toContainText(
    'Weak: too guessable',
  );
});

test('the opt-in clock check shows the offset, and a drift becomes a finding', async ({ app }) => {
  const { page } = app;
  await createVault(page);
  await app.core.addAccount({ issuer: 'Slack', seed: { secret: SECRET } });
  await app.core.updateSettings({ clockCheckServer: '127.0.0.1' });
  app.timeServer.offsetMs = 20_000;
  await page.getByRole('button', { name: 'Health' }).click();
  const clock = page.getByRole('region', { name: 'The clock' });
  await expect(clock).toContainText('Checking asks 127.0.0.1 for the time');
  expect(app.calls).not.toContain('checkClock');

  await clock.getByRole('button', { name: 'Check the clock' }).click();
  await expect(clock).toContainText('This computer’s clock is 20 s behind 127.0.0.1.');
  const warnings = page.getByRole('region', { name: /Worth fixing soon/ });
  await expect(warnings).toContainText('The clock is 20 s behind the right time');
  await warnings.getByRole('button', { name: 'Check the clock' }).click();
  await expect(page.getByRole('heading', { name: 'The clock' })).toBeFocused();

  app.timeServer.offsetMs = -400;
  await clock.getByRole('button', { name: 'Check the clock' }).click();
  await expect(clock.getByTestId('clock-result')).toHaveText(
    'The clock is 0.4 s ahead of 127.0.0.1: within 15 s, so codes are accepted.',
  );
  await expect(page.locator('[data-rule="clock.drift"]')).toHaveCount(0);
});

test('the health thresholds are settings; the clock can be checked whenever Health opens', async ({
  app,
}) => {
  const { page } = app;
  await createVault(page);
  const bank = await app.core.addAccount({ issuer: 'Bank' });
  const { set } = await app.core.addBackupCodes({ accountId: bank.id, codes: CODES });
  for (const number of [1, 2, 3, 4, 5]) {
    await app.core.useBackupCode({ accountId: bank.id, setId: set.id, number });
  }
  await app.core.updateSettings({ clockCheckServer: '127.0.0.1' });
  await page.reload();
  const row = page.getByRole('option', { name: /Bank/ });
  await expect(row).toBeVisible();
  await expect(row).not.toContainText('Codes low');

  await page.getByRole('button', { name: 'Settings' }).click();
  const threshold = page.getByLabel('Warn when few backup codes are left');
  await expect(threshold).toHaveValue('3');
  await threshold.fill('5');
  await threshold.press('Enter');
  await expect(page.getByText('The low-codes warning saved.')).toBeVisible();
  await threshold.fill('500');
  await threshold.press('Enter');
  // Refused at the setting, in its own words (no field name of the vault's).
  await expect(threshold).toHaveAttribute('aria-invalid', 'true');
  await expect(threshold).toHaveAccessibleDescription('The low-codes warning can be at most 100.');
  await expect(threshold).toHaveValue('5');
  await page.getByLabel(/Check the clock against 127.0.0.1 whenever Health opens/).check();
  await expect(page.getByText('The automatic clock check saved.')).toBeVisible();

  await page.getByRole('button', { name: 'Accounts' }).click();
  await expect(page.getByRole('option', { name: /Bank/ })).toContainText('Codes low');
  await page.getByRole('button', { name: 'Health' }).click();
  await expect(page.getByTestId('clock-result')).toContainText('The clock is 0 s');
  expect(app.calls).toContain('checkClock');
});
