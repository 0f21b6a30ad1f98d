import { availableParallelism } from 'node:os';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/e2e/support/browser.js';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  // Generous: the views tests run some twenty axe scans each, and a shared 2-core machine is slow.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  // Every test has its own vault, folder, clock and page (test-host.ts), so tests run side by
  // side: much of a UI test is waiting on the browser, and two workers keep 2 cores busy.
  fullyParallel: true,
  workers: Math.max(2, Math.floor(availableParallelism() / 2)),
  reporter: [['list']],
  use: {
    launchOptions: chromiumLaunchOptions(),
    viewport: { width: 1200, height: 800 },
    trace: 'retain-on-failure',
  },
});
