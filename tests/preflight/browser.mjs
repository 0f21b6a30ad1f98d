// @ts-check
/**
 * Which Chromium-family browser the tests use (the UI tests, the sheet PDF
 * tests, the CLI's `sheet --pdf` in the tests), and where the preflight looks
 * for one. Plain JavaScript: the preflight runs before anything is built.
 *
 * Order: SPAREKEY_CHROMIUM; the system's Chromium (Debian's `chromium`, the
 * build machines' route: Playwright's download does not reach them); an
 * installed Google Chrome or Microsoft Edge; Playwright's own Chromium
 * (`npx playwright install chromium`).
 */

/**
 * @typedef {{ kind: 'explicit' | 'system' | 'playwright', executablePath: string }} TestBrowser
 */

/**
 * Where a system Chromium, Chrome or Edge usually lives, per platform.
 * @param {NodeJS.Platform} platform
 * @param {Record<string, string | undefined>} env
 * @returns {string[]}
 */
export function systemBrowserPaths(platform, env) {
  if (platform === 'darwin') {
    return [
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(
      /** @returns {root is string} */ (root) => Boolean(root),
    );
    return roots.flatMap((root) => [
      `${root}\\Chromium\\Application\\chrome.exe`,
      `${root}\\Google\\Chrome\\Application\\chrome.exe`,
      `${root}\\Microsoft\\Edge\\Application\\msedge.exe`,
    ]);
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/usr/bin/microsoft-edge',
  ];
}

/**
 * The browser the tests use, or null when there is none.
 * @param {{
 *   platform: NodeJS.Platform,
 *   env: Record<string, string | undefined>,
 *   exists: (path: string) => boolean,
 *   playwrightChromium: () => string | null,
 * }} where `playwrightChromium` is where Playwright's own Chromium would be (asked only when no other is found)
 * @returns {TestBrowser | null}
 */
export function findTestBrowser({ platform, env, exists, playwrightChromium }) {
  const explicit = env.SPAREKEY_CHROMIUM;
  if (explicit) return exists(explicit) ? { kind: 'explicit', executablePath: explicit } : null;
  const system = systemBrowserPaths(platform, env).find((path) => exists(path));
  if (system !== undefined) return { kind: 'system', executablePath: system };
  const own = playwrightChromium();
  if (own !== null && exists(own)) return { kind: 'playwright', executablePath: own };
  return null;
}

/**
 * Where Playwright's own Chromium is installed (whether or not it is there).
 * @returns {Promise<string | null>}
 */
export async function playwrightChromiumPath() {
  try {
    const { chromium } = await import('playwright-core');
    return chromium.executablePath();
  } catch {
    return null;
  }
}

/**
 * The flags every test browser gets: no sandbox (root in CI and containers),
 * no GPU, no network of its own.
 */
export const TEST_BROWSER_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
