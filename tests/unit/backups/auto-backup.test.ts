import { describe, expect, it } from 'vitest';
import { AppSession } from '../../../src/main/api/app-session.js';
import { AutoBackup } from '../../../src/main/api/auto-backup.js';
import {
  DEFAULT_BACKUP_TIMING,
  isBackupDue,
  nextBackupAt,
} from '../../../src/core/backups/backup-schedule.js';
import { INITIAL_BACKUP_STATE } from '../../../src/core/backups/backup-state.js';
import { listBackupFiles } from '../../../src/core/backups/backup-files.js';
import { FixedClock } from '../../../src/core/clock.js';
import { Vault } from '../../../src/core/vault.js';
import { HOUR_MS, MINUTE_MS, SECOND_MS } from '../../../src/shared/durations.js';
import { ManualTimers } from '../../support/manual-timers.js';
import { FAST_KDF, PASSWORD, T0, tempVaultPath } from '../../support/temp-vault.js';

describe('when an automatic backup is due (pure)', () => {
  const backedUp = {
    ...INITIAL_BACKUP_STATE,
    changes: 4,
    savedChanges: 4,
    lastChangeAt: T0 - HOUR_MS,
    lastBackupAt: T0,
    lastBackupFile: '/b',
  };

  it('a vault never backed up: now; one with nothing new: a day after the last backup', () => {
    expect(nextBackupAt(INITIAL_BACKUP_STATE)).toBe(Number.NEGATIVE_INFINITY);
    expect(nextBackupAt(backedUp)).toBe(T0 + 24 * HOUR_MS);
    expect(isBackupDue(backedUp, T0 + 24 * HOUR_MS - 1)).toBe(false);
    expect(isBackupDue(backedUp, T0 + 24 * HOUR_MS)).toBe(true);
  });

  it('after a change: once 30 s pass without another, but never later than 10 min after the first', () => {
    const changed = {
      ...backedUp,
      changes: 5,
      lastChangeAt: T0 + MINUTE_MS,
      oldestUnsavedChangeAt: T0 + MINUTE_MS,
    };
    expect(nextBackupAt(changed)).toBe(T0 + MINUTE_MS + 30 * SECOND_MS);
    const busy = { ...changed, changes: 40, lastChangeAt: T0 + 10 * MINUTE_MS + 50 * SECOND_MS };
    expect(nextBackupAt(busy)).toBe(T0 + 10 * MINUTE_MS + MINUTE_MS);
  });

  it('after a failure, waits the retry delay', () => {
    expect(nextBackupAt(INITIAL_BACKUP_STATE, DEFAULT_BACKUP_TIMING, T0)).toBe(T0 + 5 * MINUTE_MS);
  });
});

describe('the desktop app’s automatic backups', () => {
  it('backs up when due, after changes settle, including changes made by another process; not while locked or switched off', async () => {
    const clock = new FixedClock(T0);
    const vaultPath = tempVaultPath();
    const session = new AppSession({ vaultPath, clock, ...FAST_KDF });
    await session.create(PASSWORD);
    const timers = new ManualTimers(clock);
    const made: number[] = [];
    const auto = new AutoBackup(session, {
      clock,
      timers,
      onBackup: (result) => made.push(result.at),
    });
    auto.start();
    expect(timers.count).toBe(1);

    expect((await auto.check())?.at).toBe(T0); // never backed up
    expect(await auto.check()).toBeNull();

    session.unlocked().accounts.add({ issuer: 'Bank' });
    clock.advance(29 * SECOND_MS);
    expect(await auto.check()).toBeNull();
    clock.advance(SECOND_MS);
    expect((await auto.check())?.at).toBe(T0 + 30 * SECOND_MS);

    // The CLI changes the vault while the app runs.
    const cli = await Vault.unlock(vaultPath, PASSWORD, { clock, ...FAST_KDF });
    cli.accounts.add({ issuer: 'Added from the CLI' });
    cli.close();
    clock.advance(30 * SECOND_MS);
    expect((await auto.check())?.at).toBe(T0 + MINUTE_MS);

    session.unlocked().settings.update({ autoBackup: false });
    clock.advance(2 * 24 * HOUR_MS);
    expect(await auto.check()).toBeNull();
    session.unlocked().settings.update({ autoBackup: true });
    session.lock();
    expect(await auto.check()).toBeNull();
    await session.unlock(PASSWORD);

    // The poll timer drives the same check.
    await timers.fire();
    expect(made).toHaveLength(4);
    expect(listBackupFiles(vaultPath)).toHaveLength(4);
    expect(timers.count).toBe(1);
    auto.stop();
    expect(timers.count).toBe(0);
    session.close();
  });
});
