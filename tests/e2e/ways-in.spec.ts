/**
 * Five of the failure-mode scenarios (tests/support/health-scenarios.ts) through
 * the UI: the account's "Ways in", the verdicts and readiness ("why 60?"), the
 * list's "Needs attention", Health's groups, and dismissing.
 */
import { HEALTH_SCENARIOS, ScenarioKit } from '../support/health-scenarios.js';
import {
  createVault,
  expectAccessible,
  openAccountTab,
  screenshot,
} from './support/app-actions.js';
import { type AppHost, expect, test } from './support/test-host.js';

/** Builds a scenario's vault with the core behind the page, then shows it. */
async function scenario(app: AppHost, name: string, more?: (kit: ScenarioKit) => void) {
  const found = HEALTH_SCENARIOS.find((entry) => entry.name.includes(name));
  if (found === undefined) throw new Error(`No scenario "${name}".`);
  await createVault(app.page);
  const kit = new ScenarioKit(app.session.unlocked(), app.clock);
  await found.build(kit);
  more?.(kit);
  await app.page.reload();
  return kit;
}

test('the Instagram case: a retired number while the authenticator and 3 codes work is a warning that says what still works', async ({
  app,
}, testInfo) => {
  const { page } = app;
  await scenario(app, 'Instagram case');
  const row = page.getByRole('option', { name: /Instagram/ });
  await expect(row).toContainText('Warning: Retired contact');
  await expect(row).not.toContainText('Critical');
  await row.click();

  // Ways in are in the account's 2FA & recovery tab.
  await openAccountTab(page, '2FA & recovery');
  const ways = page.getByTestId('ways-in');
  await expect(ways.locator('.way')).toHaveCount(3);
  await expect(ways.locator('[data-way="authenticator"]')).toContainText('At risk');
  await expect(ways.locator('[data-way="backup-codes"]')).toContainText(
    'At riskBackup codesOnly 3 of 10 codes are left.',
  );
  const sms = ways.locator('.way-broken');
  await expect(sms).toContainText('BrokenSMS to +44 7700 900123');
  await expect(sms).toContainText('You retired this number on');
  await expect(ways).toContainText('2 independent ways in work.');
  // No command line in the app.
  await expect(page.locator('.detail')).not.toContainText('sparekey ');
  await expectAccessible(page, 'the ways in of the account with a retired number');
  await screenshot(page, testInfo, 'instagram-ways-in');

  // Its findings and readiness are in its Code tab.
  await openAccountTab(page, 'Code');
  const attention = page.getByRole('region', { name: 'Needs attention' });
  await expect(attention.locator('.severity-critical')).toHaveCount(0);
  await expect(attention.locator('[data-rule="contacts.retired-in-use"]')).toContainText(
    'Your authenticator app and 3 backup codes still get you into Instagram, but SMS still sends its codes to +44 7700 900123',
  );
  await expect(attention.locator('[data-rule="contacts.retired-in-use"]')).toContainText(
    'Fix: Replace the number at Instagram',
  );
  await expect(attention).toContainText('Readiness 60/100');
  await attention.getByText('Why 60?').click();
  await expect(attention.locator('.why-list li')).toHaveText([
    '−20 Every way in that works is at risk: Authenticator app and Backup codes.',
    '−10 SMS to +44 7700 900123 no longer works.',
    '−10 No recovery contact the site could reach you at is recorded.',
  ]);
  await expect(page.locator('.detail')).not.toContainText('sparekey ');
  await expectAccessible(page, 'the findings of the account with a retired number');
  await screenshot(page, testInfo, 'instagram-findings');
});

test('twelve accounts imported from an authenticator app: nothing needs attention, one group in Health', async ({
  app,
}, testInfo) => {
  const { page } = app;
  await scenario(app, 'twelve accounts imported');
  const list = page.getByRole('listbox', { name: 'Accounts' });
  await expect(list.getByRole('option')).toHaveCount(12);
  await expect(page.getByRole('button', { name: /Needs attention/ })).toHaveCount(0);
  await expect(list).not.toContainText(/Warning|Critical/);

  await page.getByRole('button', { name: 'Health' }).click();
  await expect(page.locator('.tile-warning .tile-number')).toHaveText('0');
  await expect(page.locator('.tile-info .tile-number')).toHaveText('12');
  const suggestions = page.getByRole('region', { name: 'Suggestions (12)' });
  const group = suggestions.locator('[data-rule="ways.only-seed-known"]');
  await expect(group).toHaveCount(1);
  await expect(group).toContainText(
    '12 accounts: Sparekey knows only the authenticator seed, not how else you get in',
  );
  await group.getByText('The 12 accounts').click();
  await expect(group.locator('.group-account')).toHaveCount(12);
  await expectAccessible(page, 'Health with one group of twelve');
  await screenshot(page, testInfo, 'import-one-group');

  // Each account of the group opens where its fix is made.
  await group.getByRole('button', { name: 'Open 2FA and recovery: Site 3' }).click();
  await expect(page.getByRole('heading', { name: 'Site 3', level: 2 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Two-step sign-in and recovery' })).toBeFocused();
});

test('no way in works: the one critical finding names the recovery path', async ({
  app,
}, testInfo) => {
  const { page } = app;
  await scenario(app, 'ported away');
  const row = page.getByRole('option', { name: /Instagram/ });
  await expect(row).toContainText('Critical: No way in works');
  await row.click();
  // The header names the finding; its button opens the tab where the fix is made.
  const urgent = page.locator('.header-finding');
  await expect(urgent).toContainText('No way in works');
  await urgent.getByRole('button', { name: 'Open 2FA and recovery' }).click();
  await expect(page.getByRole('heading', { name: 'Two-step sign-in and recovery' })).toBeFocused();
  await expect(page.getByTestId('ways-in')).toContainText('No way in works now.');
  await expect(page.getByTestId('ways-in').locator('.recovery-path')).toContainText(
    'If every way in fails, the site can reach you at me@example.com.',
  );
  await openAccountTab(page, 'Code');
  const attention = page.getByRole('region', { name: 'Needs attention' });
  await expect(attention).toContainText('Readiness 0/100');
  await page.getByRole('button', { name: 'Health' }).click();
  const critical = page.getByRole('region', { name: 'Could lock you out now (1)' });
  await expect(critical).toContainText('No way in works · Instagram');
  await expect(critical).toContainText(
    "Otherwise use Instagram's account recovery: it can reach you at me@example.com.",
  );
  await screenshot(page, testInfo, 'no-way-works');
});

test('a trusted device marked as gone in Ways in: a warning naming what still works, undone by "It works again"', async ({
  app,
}, testInfo) => {
  const { page } = app;
  await scenario(app, 'a backup code used, nine left', (kit) => {
    kit.way(kit.main!, 'trusted-device', { device: 'iPad' });
  });
  const row = page.getByRole('option', { name: /Instagram/ });
  await row.click();
  await openAccountTab(page, '2FA & recovery');
  const ways = page.getByTestId('ways-in');
  await expect(ways).toContainText('3 independent ways in work.');
  await ways.getByRole('button', { name: 'Trusted device (iPad): it stopped working' }).click();
  const device = ways.locator('.way-broken');
  await expect(device).toContainText('Trusted device (iPad)');
  await expect(device).toContainText('Marked as no longer working on');
  await expect(row).toContainText('Way in stopped');
  await screenshot(page, testInfo, 'trusted-device-gone');

  // The finding, in the account's Code tab.
  await openAccountTab(page, 'Code');
  const attention = page.getByRole('region', { name: 'Needs attention' });
  await expect(attention.locator('[data-rule="methods.not-working"]')).toContainText(
    'Your authenticator app and 9 backup codes still get you into Instagram, but your trusted device (iPad) no longer does',
  );

  await openAccountTab(page, '2FA & recovery');
  await ways.getByRole('button', { name: 'Trusted device (iPad): it works again' }).click();
  await expect(ways.locator('.way-broken')).toHaveCount(0);
  await expect(ways).toContainText('3 independent ways in work.');
  await expect(row).not.toContainText('Way in stopped');
  await openAccountTab(page, 'Code');
  await expect(page.locator('#account-findings')).toContainText('Readiness');
  await expect(page.locator('[data-rule="methods.not-working"]')).toHaveCount(0);
});

test('dismissing: "doesn\'t apply" for one account of a group, "accepted until" a date, both brought back', async ({
  app,
}, testInfo) => {
  const { page } = app;
  await scenario(app, 'codes running low beside the authenticator', (kit) => {
    kit.codes(kit.site('Forum'));
  });
  await page.getByRole('button', { name: 'Health' }).click();
  const suggestions = page.getByRole('region', { name: /^Suggestions/ });
  await suggestions.getByText('Suggestions').first().click();
  const group = suggestions.locator('[data-rule="contacts.none"]');
  await expect(group).toContainText('2 accounts have no recovery contact recorded');
  await group.getByText('The 2 accounts').click();
  await group.getByRole('button', { name: 'Dismiss for Forum…' }).click();
  const form = group.getByRole('form', { name: /Dismiss/ });
  await form.getByLabel('Reason (optional)').fill('The forum has no recovery option');
  await form.getByRole('button', { name: 'Dismiss' }).click();
  await expect(suggestions.locator('[data-rule="contacts.none"]')).toContainText(
    'No recovery contact',
  );
  await expect(suggestions.locator('[data-rule="contacts.none"][data-group]')).toHaveCount(0);

  // Codes low, accepted for a month.
  const warnings = page.getByRole('region', { name: /^Worth fixing soon/ });
  const low = warnings.locator('[data-rule="codes.low"]');
  await low.getByRole('button', { name: 'Dismiss…' }).click();
  await low.getByLabel(/I accept it until/).check();
  await low.getByLabel('Accepted until').fill('2026-06-15');
  await low.getByRole('button', { name: 'Dismiss', exact: true }).click();
  await expect(page.locator('[data-rule="codes.low"]')).toHaveCount(0);
  await expect(page.locator('.tile-warning .tile-number')).toHaveText('0');

  const dismissed = page.getByTestId('dismissed');
  await expect(dismissed).toContainText('Dismissed (2)');
  await dismissed.getByText('Dismissed (2)').click();
  await expect(dismissed).toContainText(
    'No recovery contact · Forum — doesn’t apply (“The forum has no recovery option”)',
  );
  await expect(dismissed).toContainText(
    'Backup codes running low · Instagram — accepted until 15 Jun 2026',
  );
  await expectAccessible(page, 'Health with dismissed findings');
  await screenshot(page, testInfo, 'dismissed');

  // The list row no longer says "Codes low"; one more code used brings it back.
  const instagram = (await app.core.listAccounts({})).find(
    (account) => account.issuer === 'Instagram',
  )!;
  await app.core.useBackupCode({
    accountId: instagram.id,
    setId: (await app.core.getCodesStatus({ accountId: instagram.id })).currentSetId!,
    number: 9,
  });
  await page.getByRole('button', { name: 'Accounts' }).click();
  await page.getByRole('button', { name: 'Health' }).click();
  const back = page.locator('[data-rule="codes.low"]');
  await expect(back).toContainText('Only 1 of 10 backup codes');
  await expect(back).toContainText('Back: you set it aside on');

  await page.getByTestId('dismissed').getByText('Dismissed (1)').click();
  await page.getByRole('button', { name: 'Bring back “No recovery contact” for Forum' }).click();
  await expect(page.getByTestId('dismissed')).toHaveCount(0);
});
