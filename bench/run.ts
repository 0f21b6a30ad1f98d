/**
 * `npm run bench`: measures Sparekey beside its peers in one run and writes
 * docs/benchmarks.md. `--quick` skips the 10,000-account size (for a smoke run),
 * `--no-ui` the Chromium part.
 * Benchmarks report; they never fail on speed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { benchKdf } from './kdf.js';
import { Report } from './lib/report.js';
import { benchMemory } from './memory.js';
import { benchScale } from './scale.js';
import { benchUi } from './ui.js';

const quick = process.argv.includes('--quick');
const sizes = quick ? [100, 1000] : [100, 1000, 10_000];
const startedAt = new Date();
const start = performance.now();
const folder = mkdtempSync(join(tmpdir(), 'sparekey-bench-'));
const report = new Report();
try {
  await benchKdf(report, folder);
  await benchScale(report, folder, sizes);
  await benchMemory(report, folder, sizes.at(-1)!);
  if (!process.argv.includes('--no-ui')) benchUi(report, folder);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
const markdown = report.markdown(startedAt, performance.now() - start);
if (quick) {
  process.stdout.write('\n(--quick: docs/benchmarks.md left as it was)\n');
} else {
  writeFileSync('docs/benchmarks.md', markdown);
  process.stdout.write('\nWrote docs/benchmarks.md\n');
}
