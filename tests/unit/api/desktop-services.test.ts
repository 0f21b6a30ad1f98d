import { describe, expect, it } from 'vitest';
import { AppSession } from '../../../src/main/api/app-session.js';
import { DesktopServices } from '../../../src/main/api/desktop-services.js';
import { dispatch } from '../../../src/main/api/dispatch.js';
import { createHandlers } from '../../../src/main/api/handlers/index.js';
import { FixedClock } from '../../../src/core/clock.js';
import { codeForCounter } from '../../../src/core/otp/codes.js';
import type { EventName } from '../../../src/shared/contract/index.js';
import { ManualTimers, MemoryClipboard } from '../../support/manual-timers.js';
import { FAST_KDF, PASSWORD, T0, tempVaultPath } from '../../support/temp-vault.js';
import { DAY_MS, MINUTE_MS, SECOND_MS } from '../../../src/shared/durations.js';

const URI = 'otpauth://totp/ACME:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=ACME';
const HOTP_URI = 'otpauth://hotp/Bank:bob?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&counter=7';
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

async function desktopHost() {
  const clock = new FixedClock(T0);
  const timers = new ManualTimers(clock);
  const clipboard = new MemoryClipboard();
  const vaultPath = tempVaultPath();
  const session = new AppSession({ vaultPath, clock, ...FAST_KDF });
  const sent: { name: EventName; payload: unknown }[] = [];
  const protection: boolean[] = [];
  const desktop = new DesktopServices(session, {
    clipboard,
    timers,
    clock,
    send: (name, payload) => sent.push({ name, payload }),
    setContentProtection: (enabled) => protection.push(enabled),
    chooseSavePath: () => Promise.resolve(null),
    renderPdf: () => Promise.reject(new Error('No PDFs in this test.')),
    printHtml: () => Promise.resolve(false),
  });
  const handlers = createHandlers(session, desktop);
  await handlers.createVault({ password: PASSWORD });
  return { clock, timers, clipboard, session, desktop, handlers, sent, protection, vaultPath };
}

describe('copying a code happens in main, and the clipboard is cleared', () => {
  it('copies the code the core computes, and clears it after the vault’s timeout', async () => {
    const { handlers, clipboard, timers } = await desktopHost();
    const account = await handlers.addAccount({ issuer: '', seed: { otpauth: URI } });
    const [codes] = await handlers.getCodes({ ids: [account.id] });

    expect(await handlers.copyCode({ id: account.id })).toEqual({ clearsAfterSeconds: 20 });
    expect(clipboard.text).toBe(codes?.current);
    await handlers.copyCode({ id: account.id, step: 'next' });
    expect(clipboard.text).toBe(codes?.next);

    await timers.advance(19 * SECOND_MS);
    expect(clipboard.text).toBe(codes?.next);
    await timers.advance(SECOND_MS);
    expect(clipboard.text).toBe('');
  });

  it('uses the timeout from the settings, and never clears on a timer with 0', async () => {
    const { handlers, clipboard, timers } = await desktopHost();
    const account = await handlers.addAccount({ issuer: '', seed: { otpauth: URI } });
    await handlers.updateSettings({ clipboardClearSeconds: 0 });
    expect(await handlers.copyCode({ id: account.id })).toEqual({ clearsAfterSeconds: 0 });
    // Within the auto-lock time (locking would clear it).
    await timers.advance(4 * MINUTE_MS);
    expect(clipboard.text).not.toBe('');
  });

  it('HOTP: copies the code generated last, and refuses before one was generated', async () => {
    const { handlers, clipboard } = await desktopHost();
    const account = await handlers.addAccount({
      issuer: 'Fresh',
      seed: { secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', type: 'hotp' },
    });
    const refused = await dispatch(handlers, 'copyCode', { id: account.id }, { warn: () => {} });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    const imported = await handlers.addAccount({ issuer: '', seed: { otpauth: HOTP_URI } });
    const generated = await handlers.nextHotpCode({ id: imported.id });
    await handlers.copyCode({ id: imported.id });
    expect(clipboard.text).toBe(generated.current);
    expect(generated.current).toBe(
      codeForCounter(
        {
          type: 'hotp',
          secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
          algorithm: 'SHA1',
          digits: 6,
          period: 30,
          counter: 0,
        },
        7,
      ),
    );
  });

  it('clears what it copied when the vault locks, and on quit', async () => {
    const { handlers, clipboard, desktop } = await desktopHost();
    const account = await handlers.addAccount({ issuer: '', seed: { otpauth: URI } });
    await handlers.copyCode({ id: account.id });
    await handlers.lockVault({});
    await settle();
    expect(clipboard.text).toBe('');

    await handlers.unlockVault({ password: PASSWORD });
    await handlers.copyCode({ id: account.id });
    await desktop.shutdown();
    expect(clipboard.text).toBe('');
  });

  it('without the desktop shell (no clipboard), copying is refused', async () => {
    const session = new AppSession({ vaultPath: tempVaultPath(), ...FAST_KDF });
    const handlers = createHandlers(session);
    await handlers.createVault({ password: PASSWORD });
    const account = await handlers.addAccount({ issuer: '', seed: { otpauth: URI } });
    const result = await dispatch(handlers, 'copyCode', { id: account.id }, { warn: () => {} });
    expect(result).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
    session.close();
  });
});

describe('copying backup codes, passwords and setup keys goes through the same guard', () => {
  const CODES = ['1111 2222', '3333 4444', '5555 6666', '7777 8888'];

  it('copies a backup code in main (recorded in the history) and clears it after the timeout', async () => {
    const { handlers, clipboard, timers } = await desktopHost();
    const account = await handlers.addAccount({ issuer: 'Bank' });
    const { set } = await handlers.addBackupCodes({ accountId: account.id, codes: CODES });

    expect(
      await handlers.copyBackupCode({ accountId: account.id, setId: set.id, number: 3 }),
    ).toEqual({ clearsAfterSeconds: 20 });
    expect(clipboard.text).toBe('5555 6666');
    const history = await handlers.getBackupCodeHistory({ accountId: account.id });
    expect(history.events.at(-1)).toMatchObject({ type: 'codes.copy', detail: { number: 3 } });

    await timers.advance(20 * SECOND_MS);
    expect(clipboard.text).toBe('');
  });

  it('copies the stored password and the setup key; something copied since is left alone', async () => {
    const { handlers, clipboard, timers } = await desktopHost();
    const account = await handlers.addAccount({ issuer: '', seed: { otpauth: URI } });
    await handlers.setLogin({ id: account.id, username: 'alice', password: 'tr0ub4dor&3' });

    await handlers.copyPassword({ id: account.id });
    expect(clipboard.text).toBe('tr0ub4dor&3');
    await handlers.copySecret({ id: account.id });
    expect(clipboard.text).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');

    await clipboard.writeText('my own text');
    await timers.advance(20 * SECOND_MS);
    expect(clipboard.text).toBe('my own text');
  });

  it('refuses what is not there, and copies nothing without the desktop shell', async () => {
    const { handlers, clipboard } = await desktopHost();
    const account = await handlers.addAccount({ issuer: 'Empty' });
    const log = { warn: () => {} };
    expect(await dispatch(handlers, 'copyPassword', { id: account.id }, log)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await dispatch(handlers, 'copySecret', { id: account.id }, log)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(clipboard.writes).toBe(0);

    const session = new AppSession({ vaultPath: tempVaultPath(), ...FAST_KDF });
    const bare = createHandlers(session);
    await bare.createVault({ password: PASSWORD });
    const other = await bare.addAccount({ issuer: 'Bank' });
    const { set } = await bare.addBackupCodes({ accountId: other.id, codes: CODES });
    await bare.setLogin({ id: other.id, password: 'hunter2hunter2' });
    for (const [name, input] of [
      ['copyBackupCode', { accountId: other.id, setId: set.id, number: 1 }],
      ['copyPassword', { id: other.id }],
    ] as const) {
      expect(await dispatch(bare, name, input, log)).toMatchObject({
        ok: false,
        error: { code: 'REFUSED' },
      });
    }
    const history = await bare.getBackupCodeHistory({ accountId: other.id });
    expect(history.events.map((event) => event.type)).toEqual(['codes.add']);
    session.close();
  });
});

describe('auto-lock and system events', () => {
  it('locks after the idle time, drops the key, and tells the renderer why', async () => {
    const { handlers, session, timers, sent } = await desktopHost();
    await timers.advance(5 * MINUTE_MS - 1);
    expect(session.status().state).toBe('unlocked');
    await timers.advance(1);
    expect(session.status().state).toBe('locked');
    expect(sent.at(-1)).toMatchObject({ name: 'locked', payload: { reason: 'idle' } });
    const result = await dispatch(handlers, 'listAccounts', {}, { warn: () => {} });
    expect(result).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });

  it('reported activity postpones the lock; a new limit from the settings applies at once', async () => {
    const { handlers, session, timers } = await desktopHost();
    await timers.advance(4 * MINUTE_MS);
    await handlers.reportActivity({});
    await timers.advance(4 * MINUTE_MS);
    expect(session.status().state).toBe('unlocked');

    await handlers.updateSettings({ autoLockMinutes: 30 });
    await timers.advance(20 * MINUTE_MS);
    expect(session.status().state).toBe('unlocked');
    await timers.advance(10 * MINUTE_MS);
    expect(session.status().state).toBe('locked');
  });

  it('uses the unlocked vault’s own setting, and 0 never locks', async () => {
    const { handlers, session, timers } = await desktopHost();
    await handlers.updateSettings({ autoLockMinutes: 0 });
    await handlers.lockVault({});
    await handlers.unlockVault({ password: PASSWORD });
    await timers.advance(DAY_MS);
    expect(session.status().state).toBe('unlocked');
  });

  it.each([
    ['suspend', 'suspend'],
    ['lock-screen', 'screen-locked'],
  ] as const)('locks on %s', async (event, reason) => {
    const { session, desktop, sent } = await desktopHost();
    desktop.systemEvent(event);
    expect(session.status().state).toBe('locked');
    expect(sent.at(-1)).toMatchObject({ name: 'locked', payload: { reason } });
  });

  it('applies screen-capture protection from the settings and announces changes', async () => {
    const { handlers, protection, sent } = await desktopHost();
    expect(protection).toEqual([false]);
    const saved = await handlers.updateSettings({ screenCaptureProtection: true });
    expect(saved.screenCaptureProtection).toBe(true);
    expect(protection.at(-1)).toBe(true);
    expect(sent.at(-1)).toEqual({ name: 'settingsChanged', payload: saved });
    expect(await handlers.getSettings({})).toEqual(saved);
  });

  it('refuses out-of-range settings with the core’s message and changes nothing', async () => {
    const { handlers } = await desktopHost();
    const result = await dispatch(
      handlers,
      'updateSettings',
      { autoLockMinutes: -1 },
      { warn: () => {} },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!result.ok) expect(result.error.message).toContain('autoLockMinutes');
    expect((await handlers.getSettings({})).autoLockMinutes).toBe(5);
  });

  it('opening another vault file locks the current one and announces the new status', async () => {
    const { desktop, session, sent } = await desktopHost();
    const other = tempVaultPath();
    const status = desktop.openVaultFile(other);
    expect(status).toEqual({
      state: 'no-vault',
      vaultPath: other,
      notices: { olderVault: null, upgraded: null },
    });
    expect(sent.map((event) => event.name).slice(-2)).toEqual(['locked', 'vaultChanged']);
    expect(session.status().vaultPath).toBe(other);
  });
});
