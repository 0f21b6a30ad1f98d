import { describe, expect, it } from 'vitest';
import {
  MAX_URL_CHARS,
  pdfOptions,
  PRINT_PARTITION,
  printOptions,
  printOutcome,
  printWindowOptions,
  sheetDataUrl,
} from '../../../src/main/shell-policy/print-window.js';
import { vaultErrorOf } from '../../support/errors.js';

describe('the hidden window recovery sheets are printed from', () => {
  it('is never shown, sandboxed, isolated, without preload, Node or script, in an in-memory session', () => {
    const options = printWindowOptions();
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      javascript: false,
      webSecurity: true,
      devTools: false,
      webviewTag: false,
    });
    expect(options.webPreferences).not.toHaveProperty('preload');
    // A partition without "persist:" lives in memory: nothing of the sheet reaches the profile on disk.
    expect(options.webPreferences.partition).toBe(PRINT_PARTITION);
    expect(PRINT_PARTITION.startsWith('persist:')).toBe(false);
  });

  it('loads the sheet from memory as a data: URL that decodes to exactly the HTML', () => {
    const html = '<!doctype html><title>Recovery sheet: Café</title><p>1711c-e3e2a ✓</p>';
    const url = sheetDataUrl(html);
    const prefix = 'data:text/html;charset=utf-8;base64,';
    expect(url.startsWith(prefix)).toBe(true);
    expect(Buffer.from(url.slice(prefix.length), 'base64').toString('utf8')).toBe(html);
  });

  it('refuses a sheet too large for one URL, saying to print it in parts', () => {
    const html = `<p>${'x'.repeat((MAX_URL_CHARS / 4) * 3)}</p>`;
    const refused = vaultErrorOf(() => sheetDataUrl(html));
    expect(refused.code).toBe('REFUSED');
    expect(refused.message).toContain('Print it in parts');
    expect(sheetDataUrl('x'.repeat(1_000_000)).length).toBeLessThanOrEqual(MAX_URL_CHARS);
  });

  it('prints and makes PDFs on the chosen paper, through the system dialog (never silently)', () => {
    expect(pdfOptions('a4')).toEqual({
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
    });
    expect(pdfOptions('letter').pageSize).toBe('Letter');
    expect(printOptions('letter')).toEqual({
      silent: false,
      printBackground: true,
      pageSize: 'Letter',
    });
    expect(printOptions('a4').pageSize).toBe('A4');
  });

  it('reads the print callback: printed, cancelled, or a failure named', () => {
    expect(printOutcome(true, undefined)).toBe(true);
    expect(printOutcome(false, 'cancelled')).toBe(false);
    expect(printOutcome(false, undefined)).toBe(false);
    expect(() => printOutcome(false, 'Printer is out of paper')).toThrow(
      'The sheet was not printed: Printer is out of paper.',
    );
  });
});
