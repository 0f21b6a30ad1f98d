import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../../src/core/clock.js';
import { makeSeed } from '../../../src/core/otp/seed.js';
import { FileCounterMemory } from '../../../src/core/storage/counter-memory.js';
import { AppSession } from '../../../src/main/api/app-session.js';
import { dispatch } from '../../../src/main/api/dispatch.js';
import { createHandlers } from '../../../src/main/api/handlers/index.js';
import type { Envelope } from '../../../src/shared/contract/index.js';
import { createTestVault, FAST_KDF, PASSWORD, T0, tempFolder } from '../../support/temp-vault.js';
import { putRow, recordRows, withFile } from '../../support/vault-file.js';

/**
 * `prepareUnlock`: the unlock screen asks the core to do the keyless part of the
 * unlock check while the password is typed. It never fails (a vault it cannot
 * open is the unlock's to report), and what it prepared is never trusted over the
 * file as it is at the unlock.
 */
function sessionOn(vaultPath: string) {
  const session = new AppSession({
    vaultPath,
    ...FAST_KDF,
    clock: new FixedClock(T0),
    counterMemory: new FileCounterMemory(join(tempFolder(), 'seen-vaults.json')),
  });
  const handlers = createHandlers(session);
  const call = async <T>(name: string, input: unknown) =>
    (await dispatch(handlers, name, input, { warn: () => undefined })) as Envelope<T>;
  return { session, call };
}

async function vaultWithAccount(): Promise<string> {
  const { vault, path } = await createTestVault();
  const account = vault.accounts.add({
    issuer: 'Example',
    seed: makeSeed({ secret: 'JBSWY3DPEHPK3PXP' }),
  });
  vault.backupCodes.add(account.id, { codes: ['1111 1111', '2222 2222'] });
  vault.close();
  return path;
}

describe('preparing the unlock while the password is typed', () => {
  it('then unlocks as ever', async () => {
    const path = await vaultWithAccount();
    const { call, session } = sessionOn(path);
    expect(await call('prepareUnlock', {})).toEqual({ ok: true, value: null });
    expect(await call('unlockVault', { password: PASSWORD })).toMatchObject({
      ok: true,
      value: { state: 'unlocked' },
    });
    expect(
      session
        .unlocked()
        .accounts.list()
        .map((account) => account.issuer),
    ).toEqual(['Example']);
    session.close();
  });

  it('a code set put back after it was prepared is refused at unlock', async () => {
    const path = await vaultWithAccount();
    const before = withFile(path, (db) => recordRows(db).find((row) => row.kind === 'codeset')!);
    const { call, session } = sessionOn(path);
    expect(await call('unlockVault', { password: PASSWORD })).toMatchObject({ ok: true });
    const accountId = session.unlocked().accounts.list()[0]!.id;
    session.unlocked().backupCodes.use(accountId, { code: '1111 1111' });
    await call('lockVault', {});

    await call('prepareUnlock', {});
    withFile(path, (db) => putRow(db, before));

    expect(await call('unlockVault', { password: PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'VAULT_DAMAGED' },
    });
    session.close();
  });

  it('never fails: no vault yet, or a file that is not a vault, is for the unlock to say', async () => {
    const folder = tempFolder();
    const missing = sessionOn(join(folder, 'none.sparekey'));
    expect(await missing.call('prepareUnlock', {})).toEqual({ ok: true, value: null });
    expect(missing.session.status().state).toBe('no-vault');

    const notAVault = join(folder, 'notes.sparekey');
    writeFileSync(notAVault, 'these are my notes, not a vault');
    const wrong = sessionOn(notAVault);
    expect(await wrong.call('prepareUnlock', {})).toEqual({ ok: true, value: null });
    expect(await wrong.call('unlockVault', { password: PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'NOT_A_VAULT' },
    });
  });
});
