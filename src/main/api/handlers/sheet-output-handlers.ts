import { basename } from 'node:path';
import type { Handlers, ValidInputOf } from '../../../shared/contract/index.js';
import type { RenderedSheet } from '../../../shared/sheets.js';
import type { AppSession } from '../app-session.js';
import type { DesktopServices } from '../desktop-services.js';
import { needDesktop } from './desktop-handlers.js';
import { replacePrivateFile, type Vault } from '../../../core/index.js';

type SheetOutputHandlers = Pick<Handlers, 'saveSheetPdf' | 'printSheet'>;
type SheetRequest = ValidInputOf<'saveSheetPdf'>;

/** "Recovery sheet - Bank 2026-05-03.pdf": the title, the day, nothing a file system refuses. */
export function sheetFileName(title: string, printedAt: number): string {
  const day = new Date(printedAt).toISOString().slice(0, 10);
  const name = title
    .replace(/:\s*/g, ' - ')
    .replace(/[\\/*?"<>|\p{Cc}]/gu, '_')
    .replace(/^[.\s]+/, '')
    .slice(0, 120)
    .trim();
  return `${name || 'Recovery sheet'} ${day}.pdf`;
}

function render(vault: Vault, { accountIds, paper, includeUsed }: SheetRequest) {
  return vault.sheets.render(accountIds === undefined ? { all: true } : { accountIds }, {
    paper,
    includeUsed,
  });
}

function markPrinted(vault: Vault, sheet: RenderedSheet, includeUsed: boolean) {
  vault.sheets.markPrinted(sheet.accountIds, {
    paper: sheet.paper,
    includeUsed,
    printedAt: sheet.printedAt,
  });
}

/**
 * Recovery sheets out of the desktop app: rendered here in main, made into a
 * PDF or printed by the shell's hidden window, and recorded as printed only
 * once they are on disk or paper. The sheet never reaches the renderer.
 */
export function sheetOutputHandlers(
  session: AppSession,
  desktop: DesktopServices | undefined,
): SheetOutputHandlers {
  const shell = () =>
    needDesktop(desktop, 'Saving and printing recovery sheets belong to the desktop app.');
  return {
    saveSheetPdf: async (input) => {
      const printer = shell();
      const sheet = await render(session.unlocked(), input);
      const pdf = await printer.renderPdf(sheet.html, sheet.paper);
      const path = await printer.chooseSavePath({
        title: 'Save the recovery sheet',
        defaultName: sheetFileName(sheet.title, sheet.printedAt),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      });
      if (path === null) return { saved: false };
      // Locked while the dialog was open (the user walked away): write nothing.
      const vault = session.unlocked();
      // The save dialog already asked before replacing a file; it is swapped in whole.
      replacePrivateFile(path, pdf);
      markPrinted(vault, sheet, input.includeUsed);
      return {
        saved: true,
        fileName: basename(path),
        accountIds: sheet.accountIds,
        printedAt: sheet.printedAt,
      };
    },
    printSheet: async (input) => {
      const printer = shell();
      const sheet = await render(session.unlocked(), input);
      const printed = await printer.printHtml(sheet.html, sheet.paper);
      if (printed) markPrinted(session.unlocked(), sheet, input.includeUsed);
      return { printed, accountIds: sheet.accountIds, printedAt: sheet.printedAt };
    },
  };
}
