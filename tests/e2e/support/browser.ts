import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';
import { chromium } from 'playwright-core';
import { findTestBrowser, TEST_BROWSER_FLAGS, type TestBrowser } from '../../preflight/browser.mjs';

/**
 * The browser the tests run: SPAREKEY_CHROMIUM, the system's Chromium (Debian's,
 * as on the build machines), an installed Chrome or Edge, or Playwright's own
 * (tests/preflight/browser.mjs; `npm test`'s preflight installs one if none).
 */
export function testBrowser(): TestBrowser {
  const found = findTestBrowser({
    platform: process.platform,
    env: process.env,
    exists: existsSync,
    playwrightChromium: () => chromium.executablePath(),
  });
  if (found === null) {
    throw new Error(
      process.env.SPAREKEY_CHROMIUM
        ? `SPAREKEY_CHROMIUM is set to ${process.env.SPAREKEY_CHROMIUM}, which does not exist.`
        : 'No Chromium-family browser found: run `npm run preflight`, which installs one (or says how).',
    );
  }
  return found;
}

export function chromiumLaunchOptions(): LaunchOptions {
  return { executablePath: testBrowser().executablePath, args: TEST_BROWSER_FLAGS };
}
