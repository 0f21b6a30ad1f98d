import { fastKeyDerivation } from '../../support/fast-key-derivation.js';
import { test as base, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_NAMES, METHOD_NAMES, type EventSender } from '../../../src/shared/contract/index.js';
import { AppSession } from '../../../src/main/api/app-session.js';
import { DesktopServices, type SaveFileRequest } from '../../../src/main/api/desktop-services.js';
import type { SheetPaper } from '../../../src/shared/sheets.js';
import { dispatch } from '../../../src/main/api/dispatch.js';
import { setDateLocale } from '../../../src/shared/dates.js';
import { createHandlers } from '../../../src/main/api/handlers/index.js';
import { FixedClock } from '../../../src/core/clock.js';
import { FileCounterMemory } from '../../../src/core/storage/counter-memory.js';
import { startFakeTimeServer } from '../../support/fake-time-server.js';
import { ManualTimers, MemoryClipboard } from '../../support/manual-timers.js';
import { startRendererServer } from './renderer-server.js';

/** 2026-05-03T10:00:00Z */
export const E2E_START = Date.UTC(2026, 4, 3, 10, 0, 0);
export const E2E_PASSWORD = 'correct horse battery staple';

export interface AppHost {
  page: Page;
  session: AppSession;
  desktop: DesktopServices;
  clock: FixedClock;
  /** The system clipboard, as the shell's clipboard port sees it. */
  clipboard: MemoryClipboard;
  /** Moves the host's clock (the core's and the shell's timers) forward; due timers fire. Settles once their work is done. */
  advance(ms: number): Promise<void>;
  vaultPath: string;
  /** Whether the window would be hidden from screen capture now. */
  contentProtection(): boolean;
  /** Calls the core directly (for assertions), through the same handler table as the page. */
  core: ReturnType<typeof createHandlers>;
  /** Every method the page called, in order (names only). */
  calls: string[];
  /** How long the core took to answer each call (for the UI benchmark's breakdown). */
  callTimes: { name: string; ms: number }[];
  /** Every event sent to the page, in order (names only). */
  events: string[];
  /**
   * A time server on loopback for the opt-in clock check (point the vault's
   * `clockCheckServer` at 127.0.0.1): it reads the host's clock plus `offsetMs`.
   */
  timeServer: { offsetMs: number };
  /**
   * The OS save dialog, scripted: `answers` are the paths the user "chooses",
   * in order (null: cancel); `requests` is what each dialog was asked. A dialog
   * with no answer left cancels.
   */
  saveDialog: { answers: (string | null)[]; requests: SaveFileRequest[] };
  /**
   * The system print dialog, scripted: `answers` say whether the user prints
   * (true) or cancels (false), in order; none left: cancel. `jobs` is every
   * sheet sent to it, printed or not.
   */
  printer: { answers: boolean[]; jobs: { html: string; paper: SheetPaper }[] };
  /** A private temp folder for the test's files (removed after the test). */
  folder: string;
}

/**
 * The e2e test host: the real core runs in this test process behind
 * `page.exposeBinding`, through the same contract and handler table as the
 * Electron IPC, with the same DesktopServices (auto-lock, clipboard guard,
 * notifications) on in-memory ports; an init script plays the preload's part.
 * Only the transport differs.
 */
export const test = base.extend<{ app: AppHost; appLocale: string }, { rendererUrl: string }>({
  // The page writes dates the way its locale does; the tests read British English ("3 May 2026")
  // unless a spec chooses another (test.use({ appLocale })), which the core's messages follow too.
  appLocale: ['en-GB', { option: true }],
  locale: async ({ appLocale }, use) => use(appLocale),
  rendererUrl: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their dependencies.
    async ({}, use) => {
      const server = await startRendererServer();
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],
  app: async ({ page, rendererUrl, appLocale }, use) => {
    setDateLocale(appLocale);
    const folder = mkdtempSync(join(tmpdir(), 'sparekey-e2e-'));
    const vaultPath = join(folder, 'e2e.sparekey');
    const clock = new FixedClock(E2E_START);
    const timers = new ManualTimers(clock);
    const clipboard = new MemoryClipboard();
    const timeServer = { offsetMs: 0 };
    const ntp = await startFakeTimeServer(() => clock.now() + timeServer.offsetMs);
    const session = new AppSession({
      vaultPath,
      clock,
      deriveKey: fastKeyDerivation,
      timeServerPort: ntp.port,
      // This computer's memory of each vault's write counter, as the app keeps it, in the test's folder.
      counterMemory: new FileCounterMemory(join(folder, 'seen-vaults.json')),
    });
    const events: string[] = [];
    const saveDialog: AppHost['saveDialog'] = { answers: [], requests: [] };
    const printer: AppHost['printer'] = { answers: [], jobs: [] };
    let protectedFromCapture = false;
    let delivery = Promise.resolve();
    // The shell's webContents.send: delivered in order to the listeners the page registered.
    const send: EventSender = (name, payload) => {
      events.push(name);
      delivery = delivery
        .then(() =>
          page.evaluate(
            ([event, data]) =>
              (
                window as unknown as { __sparekeyDeliver: (name: string, payload: unknown) => void }
              ).__sparekeyDeliver(event, data),
            [name, payload] as const,
          ),
        )
        .catch(() => undefined);
    };
    const desktop = new DesktopServices(session, {
      clipboard,
      timers,
      clock,
      send,
      setContentProtection: (enabled) => {
        protectedFromCapture = enabled;
      },
      chooseSavePath: (request) => {
        saveDialog.requests.push(request);
        return Promise.resolve(saveDialog.answers.shift() ?? null);
      },
      // The shell's hidden window: here a page of the same browser, given the HTML from memory.
      renderPdf: async (html, paper) => {
        const sheetPage = await page.context().newPage();
        try {
          await sheetPage.setContent(html, { waitUntil: 'load' });
          return await sheetPage.pdf({
            format: paper === 'letter' ? 'Letter' : 'A4',
            preferCSSPageSize: true,
            printBackground: true,
          });
        } finally {
          await sheetPage.close();
        }
      },
      printHtml: (html, paper) => {
        printer.jobs.push({ html, paper });
        return Promise.resolve(printer.answers.shift() ?? false);
      },
    });
    const handlers = createHandlers(session, desktop);
    const calls: string[] = [];
    const callTimes: { name: string; ms: number }[] = [];
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
      const started = performance.now();
      const answer = await dispatch(handlers, name, input, log);
      callTimes.push({ name: String(name), ms: performance.now() - started });
      return answer;
    });
    await page.addInitScript(
      ([methodNames, eventNames]: [string[], string[]]) => {
        const host = window as unknown as {
          __sparekeyInvoke: (name: string, input: unknown) => Promise<unknown>;
          __sparekeyDeliver?: (name: string, payload: unknown) => void;
        };
        const invoke = host.__sparekeyInvoke;
        const bridge = Object.fromEntries(
          methodNames.map((name) => [name, (input: unknown) => invoke(name, input)]),
        );
        Object.defineProperty(window, 'sparekey', {
          value: Object.freeze(bridge),
          writable: false,
        });

        const listeners = new Map<string, Set<(payload: unknown) => void>>();
        const events = {
          on(name: string, listener: (payload: unknown) => void) {
            if (!eventNames.includes(name)) throw new Error('Unknown event.');
            const set = listeners.get(name) ?? new Set();
            listeners.set(name, set);
            set.add(listener);
            return () => set.delete(listener);
          },
        };
        Object.defineProperty(window, 'sparekeyEvents', {
          value: Object.freeze(events),
          writable: false,
        });
        host.__sparekeyDeliver = (name, payload) => {
          for (const listener of listeners.get(name) ?? []) listener(payload);
        };
      },
      [METHOD_NAMES as string[], EVENT_NAMES as string[]] as [string[], string[]],
    );

    await page.goto(rendererUrl);
    await use({
      page,
      session,
      desktop,
      clock,
      clipboard,
      advance: (ms) => timers.advance(ms),
      vaultPath,
      contentProtection: () => protectedFromCapture,
      core: handlers,
      calls,
      callTimes,
      events,
      timeServer,
      saveDialog,
      printer,
      folder,
    });
    session.close();
    await ntp.close();
    rmSync(folder, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
