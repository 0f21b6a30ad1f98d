/**
 * `npm run bench`: measures Sparekey beside its peers in one run and writes
 * docs/benchmarks.md. `--quick` skips the 10,000-account size (for a smoke run),
 * `--no-ui` the Chromium part, `--only=kdf|scale|memory|ui|health` runs one section (both
 * leave docs/benchmarks.md as it was).
 * Benchmarks report; they never fail on speed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { benchHealth } from './health.js';
import { benchKdf } from './kdf.js';
import { Report } from './lib/report.js';
import { benchMemory } from './memory.js';
import { benchScale } from './scale.js';
import { benchUi } from './ui.js';

const quick = process.argv.includes('--quick');
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
const runs = (section: string) => only === undefined || only === section;
const partial = quick || only !== undefined || process.argv.includes('--no-ui');
const sizes = quick ? [100, 1000] : [100, 1000, 10_000];
const startedAt = new Date();
const start = performance.now();
const folder = mkdtempSync(join(tmpdir(), 'sparekey-bench-'));
const report = new Report();
try {
  if (runs('kdf')) await benchKdf(report, folder);
  if (runs('scale')) await benchScale(report, folder, sizes);
  if (runs('memory')) await benchMemory(report, folder, sizes.at(-1)!);
  if (runs('ui') && !process.argv.includes('--no-ui')) benchUi(report, folder);
  if (runs('health')) await benchHealth(report, folder, sizes.at(-1)!);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
const markdown = report.markdown(startedAt, performance.now() - start);
if (partial) {
  process.stdout.write('\n(a partial run: docs/benchmarks.md left as it was)\n');
} else {
  writeFileSync('docs/benchmarks.md', markdown);
  process.stdout.write('\nWrote docs/benchmarks.md\n');
}
