import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { Report } from './lib/report.js';
import { buildVault } from './scale.js';

export async function benchMemory(report: Report, folder: string, size: number): Promise<void> {
  report.section(
    '3. Memory',
    `The core alone in a fresh Node process (as in the app's main process): unlock a vault of ${size.toLocaleString('en')} ` +
      'accounts (seed and 10 backup codes each), list every account, compute the codes of 30 rows and run the health ' +
      'check; then the resident set size after a garbage collection.',
  );
  const path = join(folder, `memory-${size}.sparekey`);
  await buildVault(path, size);
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', resolve('out/bench/memory-child.js'), path, 'benchmark password'],
    {
      encoding: 'utf8',
    },
  );
  if (child.status !== 0) throw new Error(`memory child failed: ${child.stderr}`);
  const figures = JSON.parse(child.stdout) as { baseline: number; rss: number; heapUsed: number };
  const mb = (bytes: number) => bytes / 2 ** 20;
  report.figure(
    'RSS of an empty Node process with the core loaded',
    `${mb(figures.baseline).toFixed(0)} MB`,
  );
  report.figure('JS heap in use', `${mb(figures.heapUsed).toFixed(0)} MB`);
  report.target(
    `core RSS with ${size.toLocaleString('en')} accounts unlocked`,
    `${mb(figures.rss).toFixed(0)} MB`,
    '≤ 200 MB',
    mb(figures.rss) <= 200,
  );
}
