import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

/** Debian's Chromium, as on the build machines; elsewhere an installed Chrome or Playwright's own browser. */
const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export function chromiumLaunchOptions(): LaunchOptions {
  const explicit = process.env.SPAREKEY_CHROMIUM;
  const executablePath = explicit || SYSTEM_CHROMIUM.find((path) => existsSync(path));
  if (executablePath) return { executablePath, args: FLAGS };
  if (process.env.SPAREKEY_CHROME_CHANNEL !== 'none') return { channel: 'chrome', args: FLAGS };
  return { args: FLAGS };
}
