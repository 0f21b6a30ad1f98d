import { writeFileSync } from 'node:fs';
import { addAccountsThroughCore, createVault } from '../../tests/e2e/support/app-actions.js';
import { E2E_PASSWORD, expect, test } from '../../tests/e2e/support/test-host.js';

/**
 * The UI figures of `npm run bench`, in Chromium through the e2e host (the real
 * core behind the same handler table as the IPC). Times are taken inside the
 * page (performance.now, the first animation frame after the DOM changed), so
 * Playwright's own overhead is not in them.
 */
const COUNT = 10_000;
const SECRETS = ['GEZDGNBVGY3TQOJQ', 'JBSWY3DPEHPK3PXP', 'KRSXG5CTMVRXEZLU'];

test('UI at 10,000 accounts', async ({ app }) => {
  const { page } = app;
  await createVault(page);
  addAccountsThroughCore(
    app,
    Array.from({ length: COUNT }, (_, i) => ({
      issuer: `Service ${String(i).padStart(5, '0')}`,
      accountName: `user${i}@example.com`,
      secret: SECRETS[i % SECRETS.length]!,
    })),
  );
  const list = page.getByRole('listbox', { name: 'Accounts' });

  // 1. Unlock to a rendered list of 10,000 accounts.
  const unlockTimes: number[] = [];
  const unlockCoreTimes: number[] = [];
  for (let run = 0; run < 5; run++) {
    await page.getByRole('button', { name: 'Lock' }).click();
    await expect(page.getByRole('button', { name: 'Unlock' })).toBeVisible();
    await page.getByLabel('Password').fill(E2E_PASSWORD);
    await page.evaluate(() => {
      const marks = window as unknown as { __unlock?: Promise<number> };
      const button = [...document.querySelectorAll('button')].find(
        (b) => b.textContent === 'Unlock',
      )!;
      marks.__unlock = new Promise((resolve) => {
        button.addEventListener(
          'click',
          () => {
            const start = performance.now();
            const done = () => requestAnimationFrame(() => resolve(performance.now() - start));
            const observer = new MutationObserver(() => {
              if (document.querySelector('[role=listbox] [role=option]')) {
                observer.disconnect();
                done();
              }
            });
            observer.observe(document.body, { childList: true, subtree: true });
          },
          { capture: true, once: true },
        );
      });
    });
    const firstCall = app.callTimes.length;
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(list.getByRole('option').first()).toBeVisible({ timeout: 60_000 });
    // The core's own share: the calls made from the click until the list was there.
    unlockCoreTimes.push(app.callTimes.slice(firstCall).reduce((sum, call) => sum + call.ms, 0));
    unlockTimes.push(
      await page.evaluate(() => (window as unknown as { __unlock: Promise<number> }).__unlock),
    );
  }

  // 2. Keystroke to filtered list: each key narrows or widens the list.
  await page.keyboard.press('Control+f');
  await page.evaluate(() => {
    const state = window as unknown as { __keys: { dom: number; frame: number }[] };
    state.__keys = [];
    const search = document.activeElement as HTMLElement;
    search.addEventListener(
      'keydown',
      (event) => {
        const start = event.timeStamp;
        const listbox = document.querySelector('[role=listbox]')!;
        // The list is updated when its last DOM change before the next frame is made; it is on
        // screen at that frame.
        let updated = 0;
        let waiting = false;
        const observer = new MutationObserver(() => {
          updated = performance.now();
          if (waiting) return;
          waiting = true;
          requestAnimationFrame(() => {
            observer.disconnect();
            state.__keys.push({ dom: updated - start, frame: performance.now() - start });
          });
        });
        observer.observe(listbox, {
          childList: true,
          subtree: true,
          characterData: true,
          attributes: true,
        });
        setTimeout(() => observer.disconnect(), 1000);
      },
      { capture: true },
    );
  });
  for (let round = 0; round < 5; round++) {
    for (const key of ['9', '8', '7', '6', 'Backspace', 'Backspace', 'Backspace', 'Backspace']) {
      await page.keyboard.press(key);
      await page.waitForTimeout(150);
    }
  }
  const keys = await page.evaluate(
    () => (window as unknown as { __keys: { dom: number; frame: number }[] }).__keys,
  );
  const keystrokes = keys.map((key) => key.dom);
  const keystrokeFrames = keys.map((key) => key.frame);
  await page.keyboard.press('Escape');

  // 3. Main-thread time per one-second code refresh, from Chromium's own task accounting.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () =>
    Object.fromEntries(
      (await cdp.send('Performance.getMetrics')).metrics.map((metric) => [
        metric.name,
        metric.value,
      ]),
    );
  await page.waitForTimeout(2000);
  const seconds = 15;
  const before = await metrics();
  for (let second = 0; second < seconds; second++) {
    app.advance(1000);
    await page.waitForTimeout(1000);
  }
  const after = await metrics();
  const perSecond = (name: string) => (((after[name] ?? 0) - (before[name] ?? 0)) * 1000) / seconds;
  // Script, style and layout: the work a refresh makes the main thread do. Paint is left out:
  // headless Chromium without a GPU rasterizes on the main thread; Electron's GPU process does not.
  const refreshMs =
    perSecond('ScriptDuration') + perSecond('RecalcStyleDuration') + perSecond('LayoutDuration');
  const allTasksMs = perSecond('TaskDuration');
  const rows = await list.getByRole('option').count();

  const out = process.env.SPAREKEY_BENCH_UI_OUT;
  if (out)
    writeFileSync(
      out,
      JSON.stringify({
        count: COUNT,
        unlockTimes,
        unlockCoreTimes,
        keystrokes,
        keystrokeFrames,
        refreshMs,
        allTasksMs,
        rows,
      }),
    );
});
