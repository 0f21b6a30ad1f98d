import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '../../tests/e2e/support/browser.js';

/** The UI benchmark runs in Chromium through the e2e host; `npm run bench` starts it and reads its figures. */
export default defineConfig({
  testDir: '.',
  testMatch: 'ui.bench.ts',
  outputDir: '../../test-results/bench-ui',
  timeout: 600_000,
  workers: 1,
  reporter: [['line']],
  use: { launchOptions: chromiumLaunchOptions(), viewport: { width: 1200, height: 800 } },
});
