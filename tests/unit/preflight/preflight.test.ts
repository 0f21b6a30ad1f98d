import { describe, expect, it } from 'vitest';
import { findTestBrowser, systemBrowserPaths } from '../../preflight/browser.mjs';
import { onPath, parseOsRelease } from '../../preflight/facts.mjs';
import { type Facts, failedStepMessage, type Plan, planPreflight } from '../../preflight/plan.mjs';

/** `npm test`'s preflight: what it decides for which machine, and what it says. */

const DEBIAN = { id: 'debian', idLike: [], version: '12' };
const UBUNTU = { id: 'ubuntu', idLike: ['debian'], version: '24.04' };
const MINT = { id: 'linuxmint', idLike: ['ubuntu', 'debian'], version: '22' };
const FEDORA = { id: 'fedora', idLike: [], version: '41' };
const ARCH = { id: 'arch', idLike: [], version: '' };

/** A fresh Debian CI machine, as root: nothing but Node. */
const BARE_DEBIAN: Facts = {
  platform: 'linux',
  distro: DEBIAN,
  isRoot: true,
  hasSudo: false,
  sudoWithoutPassword: false,
  interactive: false,
  hasApt: true,
  browser: null,
  xvfb: false,
  poppler: false,
};
const READY: Partial<Facts> = { browser: '/usr/bin/chromium', xvfb: true, poppler: true };

function plan(facts: Partial<Facts>): Plan {
  return planPreflight({ ...BARE_DEBIAN, ...facts });
}
function commands(result: Plan): string[] {
  if (result.ready) return [];
  return result.steps.map((step) => step.command.join(' '));
}
function stopText(result: Plan): string {
  if (result.ready || result.stop === null) throw new Error('expected the plan to stop');
  return result.stop;
}

describe('the preflight’s plan', () => {
  it('nothing to do when the browser, Xvfb and poppler are there', () => {
    expect(plan(READY)).toEqual({
      ready: true,
      summary:
        'Test tools present: Chromium-family browser /usr/bin/chromium, Xvfb, poppler (pdftotext, pdftoppm).',
    });
    // Xvfb is for Linux only.
    const mac = plan({
      platform: 'darwin',
      distro: null,
      browser: '/Applications/x',
      poppler: true,
    });
    expect(mac.ready).toBe(true);
  });

  it('Debian as root: apt-get installs exactly what is missing, saying what and why', () => {
    const result = plan({});
    expect(commands(result)).toEqual([
      'apt-get -o Acquire::http::Timeout=20 -o Acquire::https::Timeout=20 update',
      'apt-get -o Acquire::http::Timeout=20 -o Acquire::https::Timeout=20 install -y --no-upgrade chromium xvfb poppler-utils',
    ]);
    if (result.ready) throw new Error('not ready');
    expect(result.stop).toBeNull();
    expect(result.steps[0]?.say).toBe(
      'Installing Debian packages the tests need: chromium (the UI tests and the recovery-sheet PDFs), xvfb (a private X display for the clipboard tests), poppler-utils (pdftotext and pdftoppm read the sheet PDFs back).',
    );
    expect(result.steps[1]?.env).toEqual({ DEBIAN_FRONTEND: 'noninteractive' });

    expect(commands(plan({ ...READY, poppler: false })).at(-1)).toMatch(
      / install -y --no-upgrade poppler-utils$/,
    );
    expect(commands(plan({ ...READY, browser: null })).at(-1)).toMatch(/ --no-upgrade chromium$/);
  });

  it('Debian, not root: through sudo when sudo can ask (a terminal) or needs no password', () => {
    for (const facts of [
      { isRoot: false, hasSudo: true, interactive: true },
      { isRoot: false, hasSudo: true, interactive: false, sudoWithoutPassword: true },
    ]) {
      const steps = commands(plan({ ...facts, xvfb: true, poppler: true }));
      expect(steps[1]).toBe(
        'sudo env DEBIAN_FRONTEND=noninteractive apt-get -o Acquire::http::Timeout=20 -o Acquire::https::Timeout=20 install -y --no-upgrade chromium',
      );
      const first = plan(facts);
      if (first.ready) throw new Error('not ready');
      expect(first.steps[0]?.say).toMatch(/^Installing Debian packages the tests need with sudo: /);
    }
  });

  it('Debian without the rights: stops at once with the exact command', () => {
    const noTerminal = stopText(plan({ isRoot: false, hasSudo: true, poppler: true }));
    expect(noTerminal).toBe(
      [
        'npm test needs a Chromium-family browser (the UI tests and the sheet PDFs), Xvfb (the clipboard tests). Install with:',
        '  sudo apt-get update && sudo apt-get install -y chromium xvfb',
        'then run npm test again. (SPAREKEY_CHROMIUM may point at any Chromium-family browser.)',
        '(Not installed here: sudo needs a password, and there is no terminal to ask for it on.)',
      ].join('\n'),
    );
    expect(stopText(plan({ isRoot: false, hasSudo: false, interactive: true }))).toContain(
      '(Not installed here: installing them needs root, and sudo is not installed.)',
    );
  });

  it('Ubuntu and its derivatives: Playwright’s Chromium with its libraries (the chromium package is a snap)', () => {
    for (const distro of [UBUNTU, MINT]) {
      expect(commands(plan({ distro }))).toEqual([
        'apt-get -o Acquire::http::Timeout=20 -o Acquire::https::Timeout=20 update',
        'apt-get -o Acquire::http::Timeout=20 -o Acquire::https::Timeout=20 install -y --no-upgrade xvfb poppler-utils',
        'npx playwright install --with-deps chromium',
      ]);
    }
    expect(commands(plan({ distro: UBUNTU, xvfb: true, poppler: true }))).toEqual([
      'npx playwright install --with-deps chromium',
    ]);
    expect(stopText(plan({ distro: UBUNTU, isRoot: false }))).toContain(
      '  sudo apt-get update && sudo apt-get install -y xvfb poppler-utils\n  npx playwright install --with-deps chromium\n',
    );
  });

  it('other Linux distributions: their own command for Xvfb and poppler, given at once', () => {
    const fedora = stopText(plan({ distro: FEDORA, hasApt: false }));
    expect(fedora).toContain('  sudo dnf install xorg-x11-server-Xvfb poppler-utils\n');
    expect(fedora).toContain('  npx playwright install chromium   (or install Google Chrome)\n');
    expect(fedora).toContain(
      "(The preflight installs a system's packages only on Debian and Ubuntu.)",
    );
    expect(stopText(plan({ distro: ARCH, hasApt: false, xvfb: true }))).toContain(
      '  sudo pacman -S --needed poppler\n',
    );
    expect(stopText(plan({ distro: null, hasApt: false }))).toContain(
      "  Xvfb and poppler's pdftotext and pdftoppm, from your distribution's packages\n",
    );
    // Only the browser missing: Playwright downloads its own.
    expect(commands(plan({ ...READY, distro: FEDORA, hasApt: false, browser: null }))).toEqual([
      'npx playwright install chromium',
    ]);
  });

  it('macOS and Windows: Playwright’s Chromium is downloaded; poppler is the user’s to install', () => {
    const mac = { platform: 'darwin' as const, distro: null, hasApt: false, xvfb: false };
    expect(commands(plan({ ...mac, poppler: true }))).toEqual(['npx playwright install chromium']);
    expect(stopText(plan({ ...mac, browser: '/Applications/x', poppler: false }))).toBe(
      [
        'npm test needs poppler’s pdftotext and pdftoppm (the sheet tests). Install with:',
        '  brew install poppler',
        'then run npm test again. (SPAREKEY_CHROMIUM may point at any Chromium-family browser.)',
        "(The preflight installs a system's packages only on Debian and Ubuntu.)",
      ].join('\n'),
    );
    const windows = { platform: 'win32' as const, distro: null, hasApt: false, xvfb: false };
    expect(stopText(plan({ ...windows, poppler: false }))).toContain(
      '  choco install poppler   (or: scoop install poppler)\n  npx playwright install chromium   (or install Google Chrome)\n',
    );
  });

  it('another system: says what to install by hand', () => {
    expect(stopText(plan({ platform: 'freebsd', distro: null, hasApt: false }))).toContain(
      "(Sparekey's tests know no way to install them on freebsd.)",
    );
  });

  it('a failed install step names the command, the likely cause and the manual way', () => {
    const result = plan({});
    if (result.ready) throw new Error('not ready');
    const message = failedStepMessage(result.steps[1]!, 100, result.manual);
    expect(message).toMatch(
      /^The preflight could not install what the tests need: `apt-get .* install -y --no-upgrade chromium xvfb poppler-utils` exited with 100 \(no network, or no rights\?\)\.\n/,
    );
    expect(message).toContain(
      'sudo apt-get update && sudo apt-get install -y chromium xvfb poppler-utils',
    );
  });
});

describe('the facts it reads', () => {
  it('os-release: ID, ID_LIKE and VERSION_ID, quoted or not', () => {
    expect(
      parseOsRelease(
        'PRETTY_NAME="Ubuntu 24.04 LTS"\nID=ubuntu\nID_LIKE=debian\nVERSION_ID="24.04"\n',
      ),
    ).toEqual({ id: 'ubuntu', idLike: ['debian'], version: '24.04' });
    expect(parseOsRelease('ID="opensuse-tumbleweed"\nID_LIKE="opensuse suse"\n')).toEqual({
      id: 'opensuse-tumbleweed',
      idLike: ['opensuse', 'suse'],
      version: '',
    });
  });

  it('a program on PATH, executable', () => {
    expect(onPath('node', { PATH: process.env.PATH })).toBe(true);
    expect(onPath('no-such-program-anywhere', { PATH: process.env.PATH })).toBe(false);
    expect(onPath('node', { PATH: '' })).toBe(false);
  });

  it('the test browser: SPAREKEY_CHROMIUM, the system’s Chromium, Chrome or Edge, Playwright’s own', () => {
    const only =
      (...present: string[]) =>
      (path: string) =>
        present.includes(path);
    const linux = { platform: 'linux' as const, env: {}, playwrightChromium: () => '/pw/chrome' };
    expect(findTestBrowser({ ...linux, exists: only('/usr/bin/chromium', '/pw/chrome') })).toEqual({
      kind: 'system',
      executablePath: '/usr/bin/chromium',
    });
    expect(findTestBrowser({ ...linux, exists: only('/usr/bin/google-chrome') })).toEqual({
      kind: 'system',
      executablePath: '/usr/bin/google-chrome',
    });
    expect(findTestBrowser({ ...linux, exists: only('/pw/chrome') })).toEqual({
      kind: 'playwright',
      executablePath: '/pw/chrome',
    });
    expect(findTestBrowser({ ...linux, exists: only() })).toBeNull();
    const explicit = { ...linux, env: { SPAREKEY_CHROMIUM: '/opt/my/chromium' } };
    expect(
      findTestBrowser({ ...explicit, exists: only('/opt/my/chromium', '/usr/bin/chromium') }),
    ).toEqual({ kind: 'explicit', executablePath: '/opt/my/chromium' });
    // Pointed at nothing: no quiet fallback to another browser.
    expect(findTestBrowser({ ...explicit, exists: only('/usr/bin/chromium') })).toBeNull();
    expect(
      systemBrowserPaths('win32', { LOCALAPPDATA: 'C:\\Users\\me\\AppData\\Local' }),
    ).toContain('C:\\Users\\me\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe');
  });
});
