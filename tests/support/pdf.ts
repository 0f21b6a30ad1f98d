import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readQrCodes } from '../../src/core/qr/read-qr.js';

/** Poppler's tools (Debian: poppler-utils) read PDFs back as text and images. */
function poppler(tool: string, args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        `These tests need ${tool}: install poppler-utils (apt-get install poppler-utils).`,
        { cause: error },
      );
    }
    throw error;
  }
}

export function pdfPageCount(pdfPath: string): number {
  const match = /^Pages:\s+(\d+)/m.exec(poppler('pdfinfo', [pdfPath]));
  if (match === null) throw new Error(`pdfinfo found no page count in ${pdfPath}`);
  return Number(match[1]);
}

/** The text of one page (1-based), or of every page. */
export function pdfText(pdfPath: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return poppler('pdftotext', ['-layout', ...range, pdfPath, '-']);
}

export function pdfPageTexts(pdfPath: string): string[] {
  const count = pdfPageCount(pdfPath);
  return Array.from({ length: count }, (_, index) => pdfText(pdfPath, index + 1));
}

/** Every page as a PNG (rendered by pdftoppm into `folder`), in page order. */
export function pdfPagesAsPng(pdfPath: string, folder: string, dpi = 150): string[] {
  const prefix = join(folder, 'page');
  poppler('pdftoppm', ['-png', '-r', String(dpi), pdfPath, prefix]);
  return readdirSync(folder)
    .filter((name) => /^page-\d+\.png$/.test(name))
    .sort((a, b) => Number(/\d+/.exec(a)?.[0]) - Number(/\d+/.exec(b)?.[0]))
    .map((name) => join(folder, name));
}

/** Every QR code on a page image, read with ZXing (the reader the importers use; a different library from the writer). */
export async function decodeQrCodesInFile(pngPath: string): Promise<string[]> {
  return (await readQrCodes(readFileSync(pngPath))).map((code) => code.text);
}

export function writePdf(folder: string, name: string, pdf: Uint8Array): string {
  const path = join(folder, name);
  writeFileSync(path, pdf);
  return path;
}
