import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatMs, median, percentile } from './lib/measure.js';
import type { Report } from './lib/report.js';

interface UiFigures {
  unlockTimes: number[];
  unlockCoreTimes: number[];
  keystrokes: number[];
  keystrokeFrames: number[];
  refreshMs: number;
  allTasksMs: number;
  rows: number;
}

/** Runs the UI benchmark in Chromium (bench/ui) and reports its figures. */
export function benchUi(report: Report, folder: string): void {
  report.section(
    '4. The UI',
    'In Chromium, through the e2e host: the built renderer with the real core behind the same handler table as the ' +
      'IPC, a vault of 10,000 accounts. Times are taken inside the page (`performance.now()` to the first animation ' +
      'frame after the DOM changed): from the Unlock click to the first rendered rows of the list (5 runs, includes ' +
      "the host's 1 MiB test KDF; the core's share is the time its handlers took for the calls made meanwhile), and " +
      'from a keystroke in the search field (its event time) to the last change of the list in the DOM before the ' +
      'next frame (40 keystrokes that narrow and widen it; the time to that frame is reported beside it). ' +
      "Main-thread time per one-second code refresh is Chromium's ScriptDuration + RecalcStyleDuration + " +
      'LayoutDuration over 15 seconds of refreshes (the host clock moved a second each second, so every visible code ' +
      'and countdown changes), divided by 15. TaskDuration, everything on the main thread, is reported beside it: it ' +
      'includes paint, which headless Chromium without a GPU does on the main thread (Electron rasterizes in its GPU ' +
      "process), and the test host's DevTools-protocol traffic.",
  );
  const out = join(folder, 'ui.json');
  const run = spawnSync(
    'npx',
    ['playwright', 'test', '--config', 'bench/ui/playwright.config.ts'],
    {
      env: { ...process.env, SPAREKEY_BENCH_UI_OUT: out },
      encoding: 'utf8',
    },
  );
  if (run.status !== 0) {
    report.figure(
      'UI benchmark',
      `did not run: ${(run.stdout + run.stderr).trim().split('\n').slice(-5).join(' ')}`,
    );
    return;
  }
  const figures = JSON.parse(readFileSync(out, 'utf8')) as UiFigures;
  const unlock = median(figures.unlockTimes);
  const core = median(figures.unlockCoreTimes);
  report.figure('unlock to a rendered list of 10,000 accounts (median)', formatMs(unlock));
  report.figure(
    '  of which the core answering (unlock, list, health overview, first codes)',
    formatMs(core),
  );
  report.figure(
    "  of which the test host's transport (JSON over the DevTools protocol) and rendering",
    formatMs(unlock - core),
  );
  report.figure('rows in the page (virtualized)', String(figures.rows));
  const keyP50 = median(figures.keystrokes);
  report.target('keystroke to filtered list, median', formatMs(keyP50), '≤ 16 ms', keyP50 <= 16);
  report.figure('keystroke to filtered list, p90', formatMs(percentile(figures.keystrokes, 90)));
  report.figure(
    'keystroke to the next frame showing it, median (bounded below by the wait for the 60 Hz frame)',
    formatMs(median(figures.keystrokeFrames)),
  );
  report.target(
    'main-thread time per one-second code refresh (script, style, layout)',
    formatMs(figures.refreshMs),
    '≤ 2 ms',
    figures.refreshMs <= 2,
  );
  report.figure(
    'all main-thread tasks per second (paint and test transport included)',
    formatMs(figures.allTasksMs),
  );
}
