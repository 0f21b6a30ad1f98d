import { test as base, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { METHOD_NAMES } from '../../../src/shared/contract/index.js';
import { AppSession } from '../../../src/main/api/app-session.js';
import { dispatch } from '../../../src/main/api/dispatch.js';
import { createHandlers } from '../../../src/main/api/handlers/index.js';
import { FixedClock } from '../../../src/main/vault/clock.js';
import { startRendererServer } from './renderer-server.js';

/** 2026-05-03T10:00:00Z */
export const E2E_START = Date.UTC(2026, 4, 3, 10, 0, 0);
export const E2E_PASSWORD = 'correct horse battery staple';

export interface AppHost {
  page: Page;
  session: AppSession;
  clock: FixedClock;
  vaultPath: string;
  /** Calls the core directly (for assertions), through the same handler table as the page. */
  core: ReturnType<typeof createHandlers>;
  /** Every method the page called, in order (names only). */
  calls: string[];
}

/**
 * The e2e test host: the real core runs in this test process behind
 * `page.exposeBinding`, through the same contract and handler table as the
 * Electron IPC; an init script plays the preload's part. Only the transport differs.
 */
export const test = base.extend<{ app: AppHost }, { rendererUrl: string }>({
  rendererUrl: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their dependencies.
    async ({}, use) => {
      const server = await startRendererServer();
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],
  app: async ({ page, rendererUrl }, use) => {
    const folder = mkdtempSync(join(tmpdir(), 'sparekey-e2e-'));
    const vaultPath = join(folder, 'e2e.sparekey');
    const clock = new FixedClock(E2E_START);
    const session = new AppSession({
      vaultPath,
      clock,
      kdfCost: { memoryKiB: 1024, passes: 1, lanes: 1 },
    });
    const handlers = createHandlers(session);
    const calls: string[] = [];
    const log = { warn: (message: string) => console.warn(`[host] ${message}`) };

    await page.exposeBinding('__sparekeyInvoke', async (source, name: unknown, input: unknown) => {
      // The sender check of the IPC layer: only the page's top frame may call.
      if (source.frame !== page.mainFrame()) {
        return {
          ok: false,
          error: { code: 'REFUSED', message: 'Refused: not the Sparekey window.' },
        };
      }
      calls.push(String(name));
      return dispatch(handlers, name, input, log);
    });
    await page.addInitScript((names: string[]) => {
      const invoke = (
        window as unknown as {
          __sparekeyInvoke: (name: string, input: unknown) => Promise<unknown>;
        }
      ).__sparekeyInvoke;
      const bridge = Object.fromEntries(
        names.map((name) => [name, (input: unknown) => invoke(name, input)]),
      );
      Object.defineProperty(window, 'sparekey', { value: Object.freeze(bridge), writable: false });
    }, METHOD_NAMES as string[]);

    await page.goto(rendererUrl);
    await use({ page, session, clock, vaultPath, core: handlers, calls });
    session.close();
    rmSync(folder, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
