import { VaultError } from '../../shared/errors.js';
import type { SheetPaper } from '../../shared/sheets.js';
import { HARDENED_WEB_PREFERENCES, type HardenedWebPreferences } from './window-options.js';

/**
 * The hidden window a recovery sheet is printed from, or turned into a PDF in:
 * never shown, sandboxed and isolated, no preload, no Node, no script (the sheet
 * has none), an in-memory session (nothing of the page reaches the profile on
 * disk), loaded from memory. Typed structurally so this file needs no Electron.
 */
export interface PrintWindowOptions {
  show: false;
  width: number;
  height: number;
  title: string;
  webPreferences: HardenedWebPreferences & {
    partition: string;
    javascript: false;
    devTools: false;
  };
}

/** No `persist:` prefix: Electron keeps this session in memory only. */
export const PRINT_PARTITION = 'sparekey-sheet-print';

export function printWindowOptions(): PrintWindowOptions {
  return {
    show: false,
    // An A4 page at 96 dpi; the layout comes from the sheet's @page rule anyway.
    width: 794,
    height: 1123,
    title: 'Recovery sheet',
    webPreferences: {
      ...HARDENED_WEB_PREFERENCES,
      partition: PRINT_PARTITION,
      javascript: false,
      devTools: false,
    },
  };
}

/** Chromium refuses to load a URL longer than this (2 MiB). */
export const MAX_URL_CHARS = 2 * 1024 * 1024;

/**
 * The sheet as a `data:` URL, so it goes from memory into the window and never
 * through a file. Too large for one URL: refused with what to do instead.
 */
export function sheetDataUrl(html: string): string {
  const url = `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`;
  if (url.length > MAX_URL_CHARS) {
    throw new VaultError(
      'REFUSED',
      'This sheet is too large to print in one go. Print it in parts: choose some of the accounts at a time.',
    );
  }
  return url;
}

/** `webContents.printToPDF`'s options: the chosen paper, backgrounds (the grid's tints), the sheet's own @page. */
export function pdfOptions(paper: SheetPaper) {
  return {
    pageSize: paper === 'letter' ? ('Letter' as const) : ('A4' as const),
    printBackground: true,
    preferCSSPageSize: true,
  };
}

/** `webContents.print`'s options: the system print dialog (never silent), the chosen paper. */
export function printOptions(paper: SheetPaper) {
  return {
    silent: false,
    printBackground: true,
    pageSize: paper === 'letter' ? ('Letter' as const) : ('A4' as const),
  };
}

/**
 * What `webContents.print`'s callback means: printed (true), cancelled in the
 * dialog (false), or a printer failure (a VaultError saying so).
 */
export function printOutcome(success: boolean, failureReason: string | undefined): boolean {
  if (success) return true;
  if (failureReason === undefined || failureReason === 'cancelled') return false;
  throw new VaultError('IO_ERROR', `The sheet was not printed: ${failureReason}.`);
}
