import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppSession } from '../../../src/main/api/app-session.js';
import { dispatch } from '../../../src/main/api/dispatch.js';
import { createHandlers } from '../../../src/main/api/handlers/index.js';
import { FixedClock } from '../../../src/core/clock.js';
import { makeSeed } from '../../../src/core/otp/seed.js';
import { FileCounterMemory } from '../../../src/core/storage/counter-memory.js';
import type { Envelope } from '../../../src/shared/contract/index.js';
import type { VaultStatus } from '../../../src/shared/contract/vault-methods.js';
import { unlockedApiHost } from '../../support/api-host.js';
import { writeFormatOneCopy } from '../../support/format-1-vault.js';
import { fastKeyDerivation } from '../../support/fast-key-derivation.js';
import { createTestVault, FAST_KDF, PASSWORD, T0, tempFolder } from '../../support/temp-vault.js';

const NEW_PASSWORD = 'a brand new password';

/** A session on `vaultPath` with this computer's counter memory in `folder`, and a way to call it. */
function sessionOn(vaultPath: string, folder: string) {
  const session = new AppSession({
    vaultPath,
    ...FAST_KDF,
    clock: new FixedClock(T0),
    counterMemory: new FileCounterMemory(join(folder, 'seen-vaults.json')),
  });
  const handlers = createHandlers(session);
  const call = async <T>(name: string, input: unknown) =>
    (await dispatch(handlers, name, input, { warn: () => undefined })) as Envelope<T>;
  return { session, call };
}

describe('changing the vault password through the contract', () => {
  it('refuses a wrong current password at its field, and a short new one at its own; nothing changes', async () => {
    const { call, session } = await unlockedApiHost();
    const wrong = await call('changeVaultPassword', {
      currentPassword: 'not the password',
      newPassword: NEW_PASSWORD,
      backups: 'reencrypt',
    });
    expect(wrong).toEqual({
      ok: false,
      error: {
        code: 'WRONG_PASSWORD',
        message: 'That is not the vault’s current password; nothing was changed.',
        details: { field: 'currentPassword' },
      },
    });
    const short = await call('changeVaultPassword', {
      currentPassword: PASSWORD,
      newPassword: 'short',
      backups: 'reencrypt',
    });
    expect(short).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'The vault password must be at least 8 characters long.',
        details: { field: 'newPassword' },
      },
    });
    const unknown = await call('changeVaultPassword', {
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
      backups: 'shred',
    });
    expect(unknown).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        details: { issues: [{ field: 'backups', problem: 'choice' }] },
      },
    });
    const vaultPath = session.status().vaultPath;
    session.close();
    // The vault still opens with its password.
    const again = sessionOn(vaultPath, tempFolder());
    expect(await again.call('unlockVault', { password: PASSWORD })).toMatchObject({ ok: true });
    again.session.close();
  });

  it('changes it and re-encrypts the backups, reporting each; the preview counted them first', async () => {
    const { value, session } = await unlockedApiHost();
    await value('addAccount', { issuer: 'Bank' });
    const backup = await value<{ path: string }>('backUpNow', {});
    expect(await value('previewPasswordChange', {})).toEqual({
      underCurrentKey: [backup.path],
      left: [],
    });
    expect(await value('listBackups', {})).toMatchObject([{ opensWith: 'current' }]);
    const outcome = await value('changeVaultPassword', {
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
      backups: 'reencrypt',
    });
    expect(outcome).toEqual({
      backups: {
        choice: 'reencrypt',
        reencrypted: [backup.path],
        deleted: [],
        kept: [],
        left: [],
      },
      backupsProblem: null,
    });
    expect(await value('listBackups', {})).toMatchObject([{ opensWith: 'current' }]);
    expect(session.status().state).toBe('unlocked');
    session.close();
  });

  it('with keep, the list says the backup opens with an earlier password', async () => {
    const { value, session } = await unlockedApiHost();
    await value('addAccount', { issuer: 'Bank' });
    await value('backUpNow', {});
    await value('changeVaultPassword', {
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
      backups: 'keep',
    });
    expect(await value('listBackups', {})).toMatchObject([{ opensWith: 'earlier' }]);
    session.close();
  });
});

describe('what unlocking found, in the status', () => {
  it('an older vault: how many changes are missing, until the user goes on with it', async () => {
    const folder = tempFolder();
    const { vault, path } = await createTestVault({
      counterMemory: new FileCounterMemory(join(folder, 'seen-vaults.json')),
    });
    const account = vault.accounts.add({
      issuer: 'Bank',
      seed: makeSeed({ secret: 'JBSWY3DPEHPK3PXP' }),
    });
    vault.close();
    const older = join(tempFolder(), 'older.sparekey');
    copyFileSync(path, older);

    const app = sessionOn(path, folder);
    await app.call('unlockVault', { password: PASSWORD });
    for (const issuer of ['One', 'Two', 'Three']) {
      await app.call('updateAccount', { id: account.id, issuer });
    }
    await app.call('lockVault', {});
    app.session.close();
    copyFileSync(older, path);

    const reopened = sessionOn(path, folder);
    const unlocked = await reopened.call<VaultStatus>('unlockVault', { password: PASSWORD });
    expect(unlocked).toMatchObject({
      ok: true,
      value: { state: 'unlocked', notices: { olderVault: { missingChanges: 3 } } },
    });
    // Reading goes on meanwhile.
    expect(await reopened.call('listAccounts', {})).toMatchObject({ ok: true });
    expect(await reopened.call('acceptOlderVault', {})).toMatchObject({
      ok: true,
      value: { notices: { olderVault: null, upgraded: null } },
    });
    await reopened.call('lockVault', {});
    expect(reopened.session.status().notices).toEqual({ olderVault: null, upgraded: null });
    await reopened.call('unlockVault', { password: PASSWORD });
    expect(reopened.session.status().notices.olderVault).toBeNull();
    reopened.session.close();
  });

  it('a format-1 vault upgraded at unlock: where the old file was kept, until dismissed', async () => {
    const { vault } = await createTestVault();
    vault.accounts.add({ issuer: 'Bank' });
    const folder = tempFolder();
    const path = join(folder, 'vault.sparekey');
    await writeFormatOneCopy(vault, path, PASSWORD, fastKeyDerivation);
    vault.close();

    const app = sessionOn(path, tempFolder());
    expect(await app.call('unlockVault', { password: PASSWORD })).toMatchObject({
      ok: true,
      value: {
        notices: {
          olderVault: null,
          upgraded: { fromFormat: 1, copy: join(folder, 'vault.format-1.sparekey') },
        },
      },
    });
    expect(await app.call('dismissUpgradeNotice', {})).toMatchObject({
      ok: true,
      value: { notices: { upgraded: null } },
    });
    await app.call('lockVault', {});
    await app.call('unlockVault', { password: PASSWORD });
    expect(app.session.status().notices.upgraded).toBeNull();
    app.session.close();
  });
});
