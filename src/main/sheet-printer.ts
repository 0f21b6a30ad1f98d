import { BrowserWindow, type WebContents } from 'electron';
import type { SheetPaper } from '../shared/sheets.js';
import {
  pdfOptions,
  printOptions,
  printOutcome,
  printWindowOptions,
  sheetDataUrl,
} from './shell-policy/print-window.js';

/**
 * Recovery sheets out of Electron: the HTML goes from memory into a hidden,
 * sandboxed window without script (options in shell-policy/print-window.ts),
 * comes out as PDF bytes in memory or goes to the system print dialog, and the
 * window is destroyed. No file is written here.
 */
async function withSheetWindow<T>(html: string, use: (contents: WebContents) => Promise<T>) {
  const url = sheetDataUrl(html);
  const window = new BrowserWindow(printWindowOptions());
  try {
    await window.loadURL(url);
    return await use(window.webContents);
  } finally {
    window.destroy();
  }
}

export function renderSheetPdf(html: string, paper: SheetPaper): Promise<Uint8Array> {
  return withSheetWindow(html, (contents) => contents.printToPDF(pdfOptions(paper)));
}

export function printSheetHtml(html: string, paper: SheetPaper): Promise<boolean> {
  return withSheetWindow(
    html,
    (contents) =>
      new Promise<boolean>((resolve, reject) => {
        contents.print(printOptions(paper), (success, failureReason) => {
          try {
            resolve(printOutcome(success, failureReason));
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
      }),
  );
}
