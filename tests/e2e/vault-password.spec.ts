import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { copyVault } from '../../src/core/backups/vault-copy.js';
import { Vault } from '../../src/core/vault.js';
import { HOUR_MS } from '../../src/shared/durations.js';
import { fastKeyDerivation } from '../support/fast-key-derivation.js';
import { writeFormatOneCopy, writeFormatTwoCopy } from '../support/format-1-vault.js';
import {
  addAccountsThroughCore,
  createVault,
  expectAccessible,
  expectNoMachineText,
  screenshot,
} from './support/app-actions.js';
import { type AppHost, E2E_PASSWORD, expect, test } from './support/test-host.js';

const NEW_PASSWORD = 'quiet harbour lantern ninety';

/** Unlocks through the unlock screen, as a person does. */
async function unlockWith(app: AppHost, password: string): Promise<void> {
  const { page } = app;
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('navigation', { name: 'Sparekey' })).toBeVisible();
}

/** Opens a copy of a file (a backup) read-only with `password`: the accounts it holds, or the refusal's code. */
async function openWith(path: string, password: string): Promise<string[] | string> {
  try {
    const copy = await Vault.unlock(path, password, {
      deriveKey: fastKeyDerivation,
      readOnly: true,
    });
    try {
      return copy.accounts.list().map((account) => account.issuer);
    } finally {
      copy.close();
    }
  } catch (error) {
    return (error as { code: string }).code;
  }
}

/**
 * The vault file replaced, while locked, by a copy taken `changes` writes earlier:
 * what a backup copied back by hand, or a synced folder rolling back, looks like.
 */
async function makeVaultOlder(app: AppHost, changes: number): Promise<void> {
  const older = join(app.folder, 'older.sparekey');
  await copyVault(app.session.unlocked(), older);
  const [account] = await app.core.listAccounts({});
  for (let change = 1; change <= changes; change++) {
    await app.core.updateAccount({ id: account!.id, issuer: `GitHub ${change}` });
  }
  await app.session.replaceVaultFile('user', (path) => {
    for (const suffix of ['-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
    copyFileSync(older, path);
    return Promise.resolve();
  });
  await expect(app.page.getByRole('heading', { name: 'Unlock Sparekey' })).toBeVisible();
}

for (const scheme of ['light', 'dark'] as const) {
  test(`an older vault is said so after unlock, without keeping anyone from reading it (${scheme})`, async ({
    app,
  }, testInfo) => {
    const { page } = app;
    await page.emulateMedia({ colorScheme: scheme });
    await createVault(page);
    addAccountsThroughCore(app, [
      { issuer: 'GitHub', accountName: 'octocat', secret: 'JBSWY3DPEHPK3PXP' },
      { issuer: 'Proton Mail', accountName: 'alice@proton.me', secret: 'KRSXG5CTMVRXEZLU' },
    ]);
    await makeVaultOlder(app, 12);

    await unlockWith(app, E2E_PASSWORD);
    const notice = page.getByRole('region', { name: /This vault is older/ });
    await expect(notice).toContainText(
      'This vault is older than the one this computer last opened: 12 changes are missing — was a backup restored or the file replaced?',
    );
    // Reading goes on under it.
    await page.getByRole('option', { name: /Proton Mail/ }).click();
    await expect(page.getByTestId('current-code')).not.toContainText('•');
    await expectAccessible(page, `the older-vault notice (${scheme})`);
    await expectNoMachineText(page, 'the older-vault notice');
    await screenshot(page, testInfo, `${scheme}-older-vault-notice`);

    await notice.getByRole('button', { name: 'Go on with this vault' }).click();
    await expect(notice).toBeHidden();
    await page.getByRole('button', { name: 'Lock' }).click();
    await unlockWith(app, E2E_PASSWORD);
    await expect(page.getByRole('region', { name: /This vault is older/ })).toBeHidden();
  });

  for (const [format, writeOlderCopy] of [
    [1, writeFormatOneCopy],
    [2, writeFormatTwoCopy],
  ] as const) {
    test(`a format-${format} vault is upgraded at unlock, saying once where the old file is (${scheme})`, async ({
      app,
    }, testInfo) => {
      const { page } = app;
      await page.emulateMedia({ colorScheme: scheme });
      const source = await Vault.create(join(app.folder, 'source.sparekey'), E2E_PASSWORD, {
        deriveKey: fastKeyDerivation,
      });
      source.accounts.add({ issuer: 'GitHub', accountName: 'octocat' });
      await writeOlderCopy(source, app.vaultPath, E2E_PASSWORD, fastKeyDerivation);
      source.close();
      await page.reload();

      await unlockWith(app, E2E_PASSWORD);
      const notice = page.getByRole('region', { name: /upgraded this vault/ });
      await expect(notice).toContainText(join(app.folder, `e2e.format-${format}.sparekey`));
      await expect(notice).toContainText(
        format === 1
          ? 'Every change is now sealed into the whole vault'
          : 'It is checked faster when it opens.',
      );
      await expect(page.getByRole('option', { name: /GitHub/ })).toBeVisible();
      await expectAccessible(page, `the upgrade notice from format ${format} (${scheme})`);
      await screenshot(page, testInfo, `${scheme}-upgrade-notice-format-${format}`);
      await notice.getByRole('button', { name: 'Got it' }).click();
      await expect(notice).toBeHidden();
      await page.reload();
      await expect(page.getByRole('navigation', { name: 'Sparekey' })).toBeVisible();
      await expect(page.getByRole('region', { name: /upgraded this vault/ })).toBeHidden();
    });
  }

  test(`changing the password in Settings re-encrypts the backups; each refusal is at its field (${scheme})`, async ({
    app,
  }, testInfo) => {
    const { page } = app;
    await page.emulateMedia({ colorScheme: scheme });
    await createVault(page);
    addAccountsThroughCore(app, [{ issuer: 'GitHub', accountName: 'octocat' }]);
    const older = (await app.core.backUpNow({})).path;
    app.clock.advance(HOUR_MS);
    addAccountsThroughCore(app, [{ issuer: 'Proton Mail', accountName: 'alice@proton.me' }]);
    const newer = (await app.core.backUpNow({})).path;

    await page.getByRole('button', { name: 'Settings' }).click();
    const section = page.getByRole('region', { name: 'Vault password' });
    await section.getByRole('button', { name: 'Change password…' }).click();
    const form = section.getByRole('form', { name: 'Change the vault password' });
    const choice = form.getByRole('group', {
      name: '2 backups in the backups folder open with the current password. After the change:',
    });
    await expect(
      choice.getByRole('radio', { name: /Re-encrypt the 2 backups under the new password/ }),
    ).toBeChecked();

    // Nothing typed: each field says what it needs.
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect(form.getByLabel('Current password')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByText('Type the current password.').first()).toBeVisible();
    await expect(form.getByLabel('New password', { exact: true })).toHaveAttribute(
      'aria-invalid',
      'true',
    );

    // A wrong current password: refused at its field, nothing changed.
    await form.getByLabel('Current password').fill('not the password at all');
    await form.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await form.getByLabel('Repeat the new password').fill(NEW_PASSWORD);
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect(form.getByLabel('Current password')).toHaveAttribute('aria-invalid', 'true');
    await expect(
      form.getByText('That is not the vault’s current password; nothing was changed.'),
    ).toBeVisible();
    await expectAccessible(page, `the password change refused (${scheme})`);
    await expectNoMachineText(page, 'the password change refused');
    // A tall window, so the whole form is in the picture.
    await page.setViewportSize({ width: 1200, height: 1500 });
    await section.getByRole('heading', { name: 'Vault password' }).scrollIntoViewIfNeeded();
    await screenshot(page, testInfo, `${scheme}-settings-vault-password`);
    await page.setViewportSize({ width: 1200, height: 800 });
    expect(await openWith(older, E2E_PASSWORD)).toEqual(['GitHub']);

    await form.getByLabel('Current password').fill(E2E_PASSWORD);
    await form.getByRole('button', { name: 'Change password' }).click();
    const outcome = section.getByRole('status');
    await expect(outcome).toContainText('Password changed.');
    await expect(outcome).toContainText(
      'Re-encrypted 2 backups under the new password: the old password no longer opens them.',
    );
    await expectAccessible(page, `the password changed (${scheme})`);
    await screenshot(page, testInfo, `${scheme}-settings-password-changed`);

    // The older backup opens with the new password, and no longer with the old one.
    expect(await openWith(older, NEW_PASSWORD)).toEqual(['GitHub']);
    expect(await openWith(older, E2E_PASSWORD)).toBe('WRONG_PASSWORD');
    expect(await openWith(newer, NEW_PASSWORD)).toEqual(['GitHub', 'Proton Mail']);

    // The backups view says so, and the vault opens with the new password.
    await page.getByRole('button', { name: 'Sheets & backups' }).click();
    await expect(page.getByText('opens with an earlier password')).toHaveCount(0);
    await page.getByRole('button', { name: 'Lock' }).click();
    await page.getByLabel('Password', { exact: true }).fill(E2E_PASSWORD);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await unlockWith(app, NEW_PASSWORD);
  });
}

test('kept backups are marked in the list, and restoring one says which password it takes', async ({
  app,
}) => {
  const { page } = app;
  await createVault(page);
  addAccountsThroughCore(app, [{ issuer: 'GitHub', accountName: 'octocat' }]);
  await app.core.backUpNow({});
  await page.getByRole('button', { name: 'Settings' }).click();
  const section = page.getByRole('region', { name: 'Vault password' });
  await section.getByRole('button', { name: 'Change password…' }).click();
  await section.getByLabel('Current password').fill(E2E_PASSWORD);
  await section.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await section.getByLabel('Repeat the new password').fill(NEW_PASSWORD);
  await section.getByRole('radio', { name: /Keep it as it is/ }).check();
  await section.getByRole('button', { name: 'Change password' }).click();
  await expect(section.getByRole('status')).toContainText(
    '1 backup still opens with the old password, and holds everything up to the change.',
  );

  await page.getByRole('button', { name: 'Sheets & backups' }).click();
  const backups = page.getByRole('region', { name: 'Backups' });
  await expect(backups.getByText('opens with an earlier password')).toBeVisible();
  await backups.getByRole('button', { name: /^Restore the backup of/ }).click();
  await expect(
    backups.getByText(
      'This backup opens with a password the vault had before, not necessarily today’s',
    ),
  ).toBeVisible();
  await backups.getByLabel('The backup’s password').fill(NEW_PASSWORD);
  await backups.getByRole('button', { name: 'Replace the vault with this backup' }).click();
  await expect(backups.getByText(/That password does not open this backup\./)).toBeVisible();
  await expect(backups.getByLabel('The backup’s password')).toHaveAttribute('aria-invalid', 'true');
  await backups.getByLabel('The backup’s password').fill(E2E_PASSWORD);
  await backups.getByRole('button', { name: 'Replace the vault with this backup' }).click();
  await expect(
    page.getByText('Restored from a backup. Unlock it with the password you gave to restore it.'),
  ).toBeVisible();
  await unlockWith(app, E2E_PASSWORD);
});
