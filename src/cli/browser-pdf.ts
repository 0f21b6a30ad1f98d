import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { VaultError } from '../shared/errors.js';
import type { SheetPaper } from '../shared/sheets.js';

/** Where Chromium, Chrome or Edge usually live, per platform. */
function browserCandidates(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(
      (root): root is string => Boolean(root),
    );
    return roots.flatMap((root) => [
      join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      join(root, 'Chromium', 'Application', 'chrome.exe'),
      join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    ]);
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/usr/bin/microsoft-edge',
  ];
}

/** The first installed Chromium, Chrome or Edge in the usual places, or null. */
export function findBrowser(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
  exists: (path: string) => boolean = existsSync,
): string | null {
  return browserCandidates(env, platform).find((path) => exists(path)) ?? null;
}

export const BROWSER_NEEDED =
  '--pdf needs Chromium or Google Chrome, and neither was found. Install one (Debian or Ubuntu: `sudo apt-get install chromium`; macOS or Windows: Google Chrome from google.com/chrome), or set SPAREKEY_CHROMIUM to the path of a Chromium-based browser. Without --pdf, the HTML sheet prints from any browser.';

/**
 * No GPU, no network, no crash dumps (they would hold page memory), no extensions.
 * Root cannot use Chromium's sandbox (CI, containers).
 */
function browserFlags(): string[] {
  const flags = [
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-extensions',
    '--disable-breakpad',
    '--disable-crash-reporter',
    '--no-first-run',
    '--disable-quic',
  ];
  if (process.getuid?.() === 0) flags.push('--no-sandbox');
  return flags;
}

/** An installed Chromium (SPAREKEY_CHROMIUM, the usual places, or Playwright's own), headless; or NOT_FOUND saying what to install. */
export async function launchBrowser(env: NodeJS.ProcessEnv): Promise<Browser> {
  // Loaded here, not at the top: importing playwright-core takes about a third of a
  // second, which every other command would pay at start-up.
  const { chromium } = await import('playwright-core');
  const args = browserFlags();
  const explicit = env.SPAREKEY_CHROMIUM;
  if (explicit) {
    if (!existsSync(explicit)) {
      throw new VaultError(
        'NOT_FOUND',
        `SPAREKEY_CHROMIUM is set to ${explicit}, which does not exist.`,
      );
    }
    return chromium.launch({ executablePath: explicit, args, headless: true });
  }
  const found = findBrowser(env);
  if (found) return chromium.launch({ executablePath: found, args, headless: true });
  try {
    return await chromium.launch({ args, headless: true });
  } catch {
    throw new VaultError('NOT_FOUND', BROWSER_NEEDED);
  }
}

export interface PdfHooks {
  /** Called with the PDF made and the browser still open (the tests look at the disk then). */
  beforeClose?: () => void | Promise<void>;
}

/**
 * The PDF of a sheet, from a running browser: the HTML goes in with `setContent`
 * (never a file) into an off-the-record context (nothing of the page is written
 * to the browser profile) with scripts and the network off; the PDF comes back
 * in memory.
 */
export async function pdfFromHtml(
  browser: Browser,
  html: string,
  paper: SheetPaper,
  hooks: PdfHooks = {},
): Promise<Buffer> {
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
  try {
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: paper === 'letter' ? 'Letter' : 'A4',
      preferCSSPageSize: true,
      printBackground: true,
    });
    await hooks.beforeClose?.();
    return pdf;
  } finally {
    await context.close();
  }
}

/** Renders the sheet's HTML to PDF in an installed Chromium, closed afterwards (its temporary profile deleted). */
export async function renderPdf(
  html: string,
  paper: SheetPaper,
  env: NodeJS.ProcessEnv,
  hooks: PdfHooks = {},
): Promise<Buffer> {
  const browser = await launchBrowser(env);
  try {
    return await pdfFromHtml(browser, html, paper, hooks);
  } finally {
    await browser.close();
  }
}
