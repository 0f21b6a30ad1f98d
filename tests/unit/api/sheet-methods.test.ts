import { describe, expect, it } from 'vitest';
import { AppSession } from '../../../src/main/api/app-session.js';
import { dispatch } from '../../../src/main/api/dispatch.js';
import { createHandlers } from '../../../src/main/api/handlers/index.js';
import { FixedClock } from '../../../src/core/clock.js';
import type { BackupFileInfo, BackupResult, BackupStatus } from '../../../src/shared/backups.js';
import type { Envelope } from '../../../src/shared/contract/index.js';
import type { RenderedSheet, SheetPrint } from '../../../src/shared/sheets.js';
import { FAST_KDF, PASSWORD, T0, tempVaultPath } from '../../support/temp-vault.js';

function value<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value;
}

describe('the sheet and backup methods of the contract', () => {
  it('render (chosen accounts or all), mark printed, read the print; back up, status, list; bad input refused', async () => {
    const clock = new FixedClock(T0);
    const session = new AppSession({ vaultPath: tempVaultPath(), ...FAST_KDF, clock });
    const handlers = createHandlers(session);
    const call = async <T>(name: string, input: unknown) =>
      (await dispatch(handlers, name, input, { warn: () => undefined })) as Envelope<T>;
    value(await call('createVault', { password: PASSWORD }));
    const bank = value(
      await call<{ id: string }>('addAccount', {
        issuer: 'Bank',
        seed: { secret: 'JBSWY3DPEHPK3PXP' },
      }),
    );

    const sheet = value(await call<RenderedSheet>('renderSheet', { accountIds: [bank.id] }));
    expect(sheet).toMatchObject({
      accountIds: [bank.id],
      paper: 'a4',
      printedAt: T0,
      title: 'Recovery sheet: Bank',
    });
    expect(sheet.html).toContain('JBSW Y3DP EHPK 3PXP');
    const kit = value(
      await call<RenderedSheet>('renderSheet', { all: true, paper: 'letter', includeUsed: true }),
    );
    expect(kit.title).toBe('Emergency kit: 1 account');

    for (const bad of [
      {},
      { all: true, accountIds: [bank.id] },
      { all: true, paper: 'a3' },
      { accountIds: ['nope'] },
    ]) {
      const refused = await call('renderSheet', bad);
      expect(refused.ok).toBe(false);
    }
    expect(
      value(await call<SheetPrint | null>('getSheetPrint', { accountId: bank.id })),
    ).toBeNull();
    clock.advance(1000);
    const prints = value(
      await call<SheetPrint[]>('markSheetPrinted', {
        accountIds: [bank.id],
        printedAt: sheet.printedAt,
      }),
    );
    expect(prints).toEqual([
      { accountId: bank.id, printedAt: T0, paper: 'a4', includeUsed: false },
    ]);
    expect(
      value(await call<SheetPrint | null>('getSheetPrint', { accountId: bank.id }))?.printedAt,
    ).toBe(T0);

    expect(value(await call<BackupStatus>('getBackupStatus', {})).unsavedChanges).toBeGreaterThan(
      0,
    );
    const backup = value(await call<BackupResult>('backUpNow', {}));
    expect(value(await call<BackupStatus>('getBackupStatus', {})).unsavedChanges).toBe(0);
    expect(value(await call<BackupFileInfo[]>('listBackups', {})).map((file) => file.path)).toEqual(
      [backup.path],
    );

    session.lock();
    const locked = await call('renderSheet', { all: true });
    expect(locked.ok ? null : locked.error.code).toBe('LOCKED');
    session.close();
  });
});
