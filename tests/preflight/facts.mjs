// @ts-check
/** The facts the preflight's plan (plan.mjs) is made from, read from this machine. */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { findTestBrowser, playwrightChromiumPath } from './browser.mjs';

/**
 * Parses /etc/os-release (ID, ID_LIKE, VERSION_ID).
 * @param {string} text
 * @returns {import('./plan.mjs').Distro}
 */
export function parseOsRelease(text) {
  /** @type {Record<string, string>} */
  const fields = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (match) fields[match[1] ?? ''] = (match[2] ?? '').replace(/^["']|["']$/g, '');
  }
  return {
    id: (fields.ID ?? '').toLowerCase(),
    idLike: (fields.ID_LIKE ?? '').toLowerCase().split(/\s+/).filter(Boolean),
    version: fields.VERSION_ID ?? '',
  };
}

/**
 * Whether a program is on PATH (and executable).
 * @param {string} name
 * @param {NodeJS.ProcessEnv} env
 */
export function onPath(name, env = process.env) {
  const extensions = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD').split(';') : [''];
  for (const folder of (env.PATH ?? '').split(delimiter)) {
    if (folder === '') continue;
    for (const extension of extensions) {
      try {
        accessSync(join(folder, name + extension), constants.X_OK);
        return true;
      } catch {
        // not here
      }
    }
  }
  return false;
}

/** @returns {Promise<import('./plan.mjs').Facts>} */
export async function gatherFacts() {
  const platform = process.platform;
  let distro = null;
  if (platform === 'linux') {
    try {
      distro = parseOsRelease(readFileSync('/etc/os-release', 'utf8'));
    } catch {
      distro = null;
    }
  }
  const isRoot = process.getuid?.() === 0;
  const hasSudo = !isRoot && onPath('sudo');
  const where = { platform, env: process.env, exists: existsSync };
  // Playwright is loaded (a third of a second) only when no other browser is found.
  let browser = findTestBrowser({ ...where, playwrightChromium: () => null });
  if (browser === null && !process.env.SPAREKEY_CHROMIUM) {
    const own = await playwrightChromiumPath();
    browser = findTestBrowser({ ...where, playwrightChromium: () => own });
  }
  return {
    platform,
    distro,
    isRoot,
    hasSudo,
    // -n: never ask; succeeds only where no password is needed.
    sudoWithoutPassword:
      hasSudo && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0,
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    hasApt: platform === 'linux' && onPath('apt-get'),
    browser: browser?.executablePath ?? null,
    xvfb: platform === 'linux' && onPath('Xvfb'),
    poppler: ['pdftotext', 'pdftoppm', 'pdfinfo'].every((tool) => onPath(tool)),
  };
}
