import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';
import { groupCode } from '../../../src/shared/code-format.js';
import { makeSeed } from '../../../src/core/otp/seed.js';
import { type AppHost, E2E_PASSWORD } from './test-host.js';

export const ACME_URI =
  'otpauth://totp/ACME%20Co:alice%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=ACME%20Co';

/** Creates the vault through the UI, as a first-time user does. */
export async function createVault(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Create your Sparekey vault' })).toBeVisible();
  await page.getByLabel('New password').fill(E2E_PASSWORD);
  await page.getByLabel('Repeat the password').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByRole('navigation', { name: 'Sparekey' })).toBeVisible();
}

export type AccountTab = 'Code' | 'Backup codes' | 'Sign-in' | '2FA & recovery' | 'History';

/** Opens one section of the selected account (its tabs under the header). */
export async function openAccountTab(page: Page, tab: AccountTab): Promise<void> {
  await page.getByRole('tab', { name: tab, exact: true }).click();
  await expect(page.getByRole('tab', { name: tab, exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  );
}

/**
 * Every visible text of the page that only a schema, a library, the system or
 * the command line would write: none of it may reach the screen.
 */
export const NOT_FOR_PEOPLE =
  /Invalid input|expected|Too small|Too big|ENOTFOUND|EAI_AGAIN|getaddrinfo|--format|--vault|undefined|\bNaN\b|\[object Object\]/i;

/** The page's visible text holds none of NOT_FOR_PEOPLE. */
export async function expectNoMachineText(page: Page, where: string): Promise<void> {
  const text = await page.locator('body').innerText();
  expect(text.match(NOT_FOR_PEOPLE)?.[0] ?? null, `machine text on screen at ${where}`).toBeNull();
}

/** Adds accounts straight through the core (one transaction), for tests about many accounts. */
export function addAccountsThroughCore(
  app: AppHost,
  accounts: { issuer: string; accountName?: string; secret?: string; tags?: string[] }[],
): void {
  const vault = app.session.unlocked();
  vault.transaction(() => {
    for (const account of accounts) {
      vault.accounts.add({
        issuer: account.issuer,
        accountName: account.accountName,
        tags: account.tags,
        seed: account.secret ? makeSeed({ secret: account.secret }) : undefined,
      });
    }
  });
}

/** The current code the core computes for an account at the host's instant, grouped as shown. */
export async function coreCode(app: AppHost, accountId: string): Promise<string> {
  const [view] = await app.core.getCodes({ ids: [accountId] });
  return groupCode(view!.current!);
}

export async function accountId(app: AppHost, issuer: string): Promise<string> {
  const account = (await app.core.listAccounts({})).find((entry) => entry.issuer === issuer);
  if (!account) throw new Error(`No account ${issuer} in the vault.`);
  return account.id;
}

/** An axe-core scan of the page as it is: no serious or critical violation. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
    }));
  expect(serious, `accessibility of ${what}`).toEqual([]);
}

/** A screenshot saved with the test's artifacts (test-results/e2e/...). */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
}
