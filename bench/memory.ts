import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { Report } from './lib/report.js';
import { buildVault } from './scale.js';

export async function benchMemory(report: Report, folder: string, size: number): Promise<void> {
  report.section(
    '3. Memory',
    `The core alone in a fresh Node process (as in the app's main process): unlock a vault of ${size.toLocaleString('en')} ` +
      'accounts (seed and 10 backup codes each), list every account, compute the codes of 30 rows and run the health ' +
      'check (its report kept, as the app keeps it until the next change); the resident set size after each step, ' +
      "after a garbage collection. Once more with V8's young generation capped (`--max-semi-space-size=8`), for " +
      'reference: much of the growth is its semi-spaces becoming resident, not data.',
  );
  const path = join(folder, `memory-${size}.sparekey`);
  await buildVault(path, size);
  const figures = measureChild(path);
  const capped = measureChild(path, ['--max-semi-space-size=8']);
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
    `core RSS after the health check too (${figures.findings.toLocaleString('en')} findings, the report kept)`,
    `${mb(health).toFixed(0)} MB`,
    '≤ 200 MB',
    mb(health) <= 200,
  );
  report.figure('JS heap in use at the end', `${mb(figures.heapUsed).toFixed(0)} MB`);
  report.figure(
    'the same steps with --max-semi-space-size=8: listed, after the health check',
    `${mb(capped.steps.listed).toFixed(0)} MB, ${mb(capped.steps.health).toFixed(0)} MB`,
  );
}

interface ChildFigures {
  steps: { loaded: number; unlocked: number; listed: number; health: number };
  heapUsed: number;
  findings: number;
}

const mb = (bytes: number) => bytes / 2 ** 20;

/** Runs the memory child (its own process, so its memory is its own) with extra V8 flags. */
function measureChild(path: string, v8Flags: string[] = []): ChildFigures {
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', ...v8Flags, resolve('out/bench/memory-child.js'), path, 'benchmark password'],
    { encoding: 'utf8' },
  );
  if (child.status !== 0) throw new Error(`memory child failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as ChildFigures;
}
