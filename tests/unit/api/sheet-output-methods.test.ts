import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppSession } from '../../../src/main/api/app-session.js';
import { DesktopServices, type SaveFileRequest } from '../../../src/main/api/desktop-services.js';
import { dispatch } from '../../../src/main/api/dispatch.js';
import { createHandlers } from '../../../src/main/api/handlers/index.js';
import { sheetFileName } from '../../../src/main/api/handlers/sheet-output-handlers.js';
import { FixedClock } from '../../../src/core/clock.js';
import type { Envelope, EventName } from '../../../src/shared/contract/index.js';
import type { SheetPaper } from '../../../src/shared/sheets.js';
import { ManualTimers, MemoryClipboard } from '../../support/manual-timers.js';
import { FAST_KDF, PASSWORD, T0, tempFolder, tempVaultPath } from '../../support/temp-vault.js';
import { MINUTE_MS } from '../../../src/shared/durations.js';

const CODES = ['q7m2k-x9p4a', 'b3n8v-c5w2e', 'h6t1r-y4u8i'];

/**
 * The desktop app's handler table on scripted ports: the "PDF" is the HTML's
 * bytes behind a marker (the real printToPDF and page.pdf are covered by the
 * e2e tests), the save dialog and the printer answer as the test says.
 */
async function desktopHost() {
  const clock = new FixedClock(T0);
  const session = new AppSession({ vaultPath: tempVaultPath(), clock, ...FAST_KDF });
  const dialog = { answers: [] as (string | null)[], requests: [] as SaveFileRequest[] };
  const printer = { answers: [] as boolean[], jobs: [] as { html: string; paper: SheetPaper }[] };
  const sent: { name: EventName; payload: unknown }[] = [];
  let beforeDialogCloses = () => undefined as void;
  const desktop = new DesktopServices(session, {
    clipboard: new MemoryClipboard(),
    timers: new ManualTimers(clock),
    clock,
    send: (name, payload) => sent.push({ name, payload }),
    setContentProtection: () => undefined,
    chooseSavePath: (request) => {
      dialog.requests.push(request);
      beforeDialogCloses();
      return Promise.resolve(dialog.answers.shift() ?? null);
    },
    renderPdf: (html, paper) => Promise.resolve(Buffer.from(`%PDF ${paper}\n${html}`)),
    printHtml: (html, paper) => {
      printer.jobs.push({ html, paper });
      return Promise.resolve(printer.answers.shift() ?? false);
    },
  });
  const handlers = createHandlers(session, desktop);
  const call = async <T>(name: string, input: unknown) =>
    (await dispatch(handlers, name, input, { warn: () => undefined })) as Envelope<T>;
  await handlers.createVault({ password: PASSWORD });
  const bank = await handlers.addAccount({ issuer: 'Bank', seed: { secret: 'JBSWY3DPEHPK3PXP' } });
  await handlers.addBackupCodes({ accountId: bank.id, codes: CODES });
  const mail = await handlers.addAccount({ issuer: 'Mail' });
  return {
    clock,
    session,
    handlers,
    call,
    dialog,
    printer,
    sent,
    bank,
    mail,
    onDialog: (hook: () => void) => (beforeDialogCloses = hook),
  };
}

function errorOf(envelope: Envelope<unknown>) {
  if (envelope.ok) throw new Error('expected a refusal');
  return envelope.error;
}

describe('saving a recovery sheet as PDF from the desktop app', () => {
  it('writes the PDF where the user chose (0600), records the print, and tells the renderer only the file name', async () => {
    const host = await desktopHost();
    const path = join(tempFolder(), 'bank-sheet.pdf');
    host.dialog.answers.push(path);
    host.clock.advance(5000);
    const result = await host.handlers.saveSheetPdf({
      accountIds: [host.bank.id],
      paper: 'letter',
      includeUsed: false,
    });
    expect(result).toEqual({
      saved: true,
      fileName: 'bank-sheet.pdf',
      accountIds: [host.bank.id],
      printedAt: T0 + 5000,
    });
    expect(JSON.stringify(result)).not.toContain(CODES[0]);
    expect(host.dialog.requests).toEqual([
      {
        title: 'Save the recovery sheet',
        defaultName: 'Recovery sheet - Bank 2026-05-03.pdf',
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      },
    ]);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const written = readFileSync(path, 'utf8');
    expect(written.startsWith('%PDF letter\n<!doctype html>')).toBe(true);
    for (const code of CODES) expect(written).toContain(code);
    expect(readdirSync(dirname(path))).toEqual(['bank-sheet.pdf']);
    expect(await host.handlers.listSheetPrints({})).toEqual([
      { accountId: host.bank.id, printedAt: T0 + 5000, paper: 'letter', includeUsed: false },
    ]);
  });

  it('the emergency kit: every account, named as a kit', async () => {
    const host = await desktopHost();
    const path = join(tempFolder(), 'kit.pdf');
    host.dialog.answers.push(path);
    const result = await host.handlers.saveSheetPdf({ all: true, paper: 'a4', includeUsed: true });
    expect(result.saved && result.accountIds.sort()).toEqual([host.bank.id, host.mail.id].sort());
    expect(host.dialog.requests[0]?.defaultName).toBe('Emergency kit - 2 accounts 2026-05-03.pdf');
    const prints = await host.handlers.listSheetPrints({});
    expect(prints.map((print) => print.includeUsed)).toEqual([true, true]);
  });

  it('cancelled: nothing written, nothing recorded', async () => {
    const host = await desktopHost();
    const folder = tempFolder();
    host.dialog.answers.push(null);
    const result = await host.handlers.saveSheetPdf({
      accountIds: [host.bank.id],
      paper: 'a4',
      includeUsed: false,
    });
    expect(result).toEqual({ saved: false });
    expect(readdirSync(folder)).toEqual([]);
    expect(await host.handlers.getSheetPrint({ accountId: host.bank.id })).toBeNull();
  });

  it('replaces a file the save dialog agreed to replace, whole and private; records nothing when it could not write', async () => {
    const host = await desktopHost();
    const path = join(tempFolder(), 'taken.pdf');
    writeFileSync(path, 'old sheet', { mode: 0o644 });
    host.dialog.answers.push(path);
    const saved = await host.handlers.saveSheetPdf({
      accountIds: [host.bank.id],
      paper: 'a4',
      includeUsed: false,
    });
    expect(saved).toMatchObject({ saved: true, fileName: 'taken.pdf' });
    expect(readFileSync(path, 'utf8')).toMatch(/^%PDF a4\n<!doctype html>/i);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(dirname(path))).toEqual(['taken.pdf']);

    const folderPath = tempFolder();
    host.dialog.answers.push(folderPath);
    const refused = await host.call('saveSheetPdf', { accountIds: [host.bank.id] });
    expect(errorOf(refused).message).toContain('is a folder');

    const missing = join(tempFolder(), 'no-such-folder', 'sheet.pdf');
    host.dialog.answers.push(missing);
    expect(errorOf(await host.call('saveSheetPdf', { all: true })).code).toBe('IO_ERROR');
    expect(existsSync(dirname(missing))).toBe(false);
    expect((await host.handlers.listSheetPrints({})).map((p) => p.accountId)).toEqual([
      host.bank.id,
    ]);
  });

  it('writes nothing when the vault locked while the dialog was open', async () => {
    const host = await desktopHost();
    const path = join(tempFolder(), 'sheet.pdf');
    host.dialog.answers.push(path);
    host.onDialog(() => host.session.lock('idle'));
    const refused = await host.call('saveSheetPdf', { accountIds: [host.bank.id] });
    expect(errorOf(refused).code).toBe('LOCKED');
    expect(existsSync(path)).toBe(false);
  });

  it('refuses bad input before any dialog opens', async () => {
    const host = await desktopHost();
    for (const bad of [{}, { all: true, accountIds: [host.bank.id] }, { all: true, paper: 'a3' }]) {
      expect(errorOf(await host.call('saveSheetPdf', bad)).code).toBe('INVALID_INPUT');
    }
    const unknown = await host.call('saveSheetPdf', { accountIds: ['0123456789abcdef'] });
    expect(errorOf(unknown)).toEqual({
      code: 'NOT_FOUND',
      message: 'There is no account with id 0123456789abcdef.',
    });
    expect(host.dialog.requests).toEqual([]);
  });
});

describe('printing a recovery sheet from the desktop app', () => {
  it('sends the sheet to the print dialog; recorded only if the user printed it', async () => {
    const host = await desktopHost();
    host.printer.answers.push(false);
    const cancelled = await host.handlers.printSheet({
      accountIds: [host.bank.id],
      paper: 'a4',
      includeUsed: false,
    });
    expect(cancelled).toEqual({ printed: false, accountIds: [host.bank.id], printedAt: T0 });
    expect(await host.handlers.getSheetPrint({ accountId: host.bank.id })).toBeNull();

    host.printer.answers.push(true);
    host.clock.advance(MINUTE_MS);
    const printed = await host.handlers.printSheet({
      accountIds: [host.bank.id],
      paper: 'letter',
      includeUsed: false,
    });
    expect(printed.printed).toBe(true);
    expect(await host.handlers.getSheetPrint({ accountId: host.bank.id })).toEqual({
      accountId: host.bank.id,
      printedAt: T0 + MINUTE_MS,
      paper: 'letter',
      includeUsed: false,
    });
    expect(host.printer.jobs.map((job) => job.paper)).toEqual(['a4', 'letter']);
    for (const code of CODES) expect(host.printer.jobs[1]?.html).toContain(code);
  });

  it('is refused without the desktop shell (the sheet would have nowhere to go)', async () => {
    const session = new AppSession({ vaultPath: tempVaultPath(), ...FAST_KDF });
    const handlers = createHandlers(session);
    await handlers.createVault({ password: PASSWORD });
    await handlers.addAccount({ issuer: 'Bank' });
    for (const name of ['saveSheetPdf', 'printSheet']) {
      const refused = await dispatch(handlers, name, { all: true }, { warn: () => undefined });
      expect(errorOf(refused)).toEqual({
        code: 'REFUSED',
        message: 'Saving and printing recovery sheets belong to the desktop app.',
      });
    }
    session.close();
  });
});

describe('restoring a backup from the desktop app', () => {
  it('checks the password first, replaces the vault, keeps the replaced one, and leaves it locked', async () => {
    const host = await desktopHost();
    const backup = await host.handlers.backUpNow({});
    const name = backup.path.split('/').pop()!;
    host.clock.advance(MINUTE_MS);
    await host.handlers.addAccount({ issuer: 'Added after the backup' });
    // The backup opens with the password the vault had then.
    await host.session.unlocked().changePassword(PASSWORD, 'a newer password');

    const wrong = await host.call('restoreBackup', { name, password: 'a newer password' });
    expect(errorOf(wrong).code).toBe('WRONG_PASSWORD');
    expect(host.session.status().state).toBe('unlocked');
    expect((await host.handlers.listAccounts({})).map((a) => a.issuer)).toContain(
      'Added after the backup',
    );
    const unknown = await host.call('restoreBackup', {
      name: '../elsewhere.sparekey',
      password: PASSWORD,
    });
    expect(errorOf(unknown).code).toBe('NOT_FOUND');

    const restored = await host.handlers.restoreBackup({ name, password: PASSWORD });
    expect(restored.restoredFrom).toBe(name);
    expect(restored.keptAs).toMatch(/-before-restore\.sparekey$/);
    expect(host.session.status().state).toBe('locked');
    expect(host.sent.at(-1)).toMatchObject({ name: 'locked', payload: { reason: 'restored' } });

    const refused = await host.call('unlockVault', { password: 'a newer password' });
    expect(errorOf(refused).code).toBe('WRONG_PASSWORD');
    await host.handlers.unlockVault({ password: PASSWORD });
    expect((await host.handlers.listAccounts({})).map((a) => a.issuer).sort()).toEqual([
      'Bank',
      'Mail',
    ]);
    const kinds = (await host.handlers.listBackups({})).map((file) => file.kind);
    expect(kinds.sort()).toEqual(['backup', 'before-restore']);
    host.session.close();
  });
});

describe('the suggested file name of a sheet', () => {
  it('is the title and the day, with nothing a file system refuses', () => {
    expect(sheetFileName('Recovery sheet: Bank', T0)).toBe('Recovery sheet - Bank 2026-05-03.pdf');
    expect(sheetFileName('Recovery sheet: a/b\\c:d*?"<>|', T0)).toBe(
      'Recovery sheet - a_b_c - d______ 2026-05-03.pdf',
    );
    expect(sheetFileName('Recovery sheet: ..', T0)).toBe('Recovery sheet - .. 2026-05-03.pdf');
    expect(sheetFileName('', T0)).toBe('Recovery sheet 2026-05-03.pdf');
  });
});
