import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** Poppler's tools (Debian: poppler-utils) read PDFs back as text and images. */
function poppler(tool: string, args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        `These tests need ${tool}: install poppler-utils (apt-get install poppler-utils).`,
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

/**
 * Every QR code in a PNG image, decoded with jsQR: after each hit its area is
 * painted white and the image searched again, so a page with several codes
 * gives all of them.
 */
export function decodeQrCodes(png: Buffer): string[] {
  const image = PNG.sync.read(png);
  const pixels = new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length);
  const found: string[] = [];
  for (let attempt = 0; attempt < 20; attempt++) {
    const code = jsQR(pixels, image.width, image.height, { inversionAttempts: 'dontInvert' });
    if (code === null) break;
    found.push(code.data);
    const { topLeftCorner, bottomRightCorner, topRightCorner, bottomLeftCorner } = code.location;
    const xs = [topLeftCorner.x, bottomRightCorner.x, topRightCorner.x, bottomLeftCorner.x];
    const ys = [topLeftCorner.y, bottomRightCorner.y, topRightCorner.y, bottomLeftCorner.y];
    const margin = 20;
    const x0 = Math.max(0, Math.floor(Math.min(...xs)) - margin);
    const x1 = Math.min(image.width, Math.ceil(Math.max(...xs)) + margin);
    const y0 = Math.max(0, Math.floor(Math.min(...ys)) - margin);
    const y1 = Math.min(image.height, Math.ceil(Math.max(...ys)) + margin);
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++)
        pixels.fill(255, (y * image.width + x) * 4, (y * image.width + x) * 4 + 4);
    }
  }
  return found;
}

export function decodeQrCodesInFile(pngPath: string): string[] {
  return decodeQrCodes(readFileSync(pngPath));
}

export function writePdf(folder: string, name: string, pdf: Uint8Array): string {
  const path = join(folder, name);
  writeFileSync(path, pdf);
  return path;
}
