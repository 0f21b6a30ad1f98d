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
  const figures = JSON.parse(child.stdout) as {
    steps: { loaded: number; unlocked: number; listed: number; health: number };
    heapUsed: number;
  };
  const mb = (bytes: number) => bytes / 2 ** 20;
  const { loaded, unlocked, listed, health } = figures.steps;
  report.figure('RSS of a Node process with the core loaded', `${mb(loaded).toFixed(0)} MB`);
  report.figure('RSS after unlocking', `${mb(unlocked).toFixed(0)} MB`);
  report.target(
    `core RSS with ${size.toLocaleString('en')} accounts unlocked and listed`,
    `${mb(listed).toFixed(0)} MB`,
    '≤ 200 MB',
    mb(listed) <= 200,
  );
  report.target(
    'core RSS after the health check too (as the app holds it: the report is kept until the next change)',
    `${mb(health).toFixed(0)} MB`,
    '≤ 200 MB',
    mb(health) <= 200,
  );
  report.figure('JS heap in use at the end', `${mb(figures.heapUsed).toFixed(0)} MB`);
}
