import { performance } from 'node:perf_hooks';

/** Sorted copy. */
function sorted(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const list = sorted(values);
  const rank = Math.min(list.length - 1, Math.max(0, Math.ceil((p / 100) * list.length) - 1));
  return list[rank] as number;
}

/** Milliseconds one synchronous call takes. */
export function timeSync(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

export async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** Runs `fn` `runs` times after `warmup` unmeasured runs; returns every duration (ms). */
export async function sample(runs: number, fn: () => unknown, warmup = 1): Promise<number[]> {
  for (let index = 0; index < warmup; index++) await fn();
  const times: number[] = [];
  for (let index = 0; index < runs; index++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}

/**
 * Runs two contenders alternately (A, B, A, B…) so that machine noise hits both
 * alike; returns both samples. Used wherever a ratio is reported.
 */
export async function sampleInterleaved(
  runs: number,
  a: () => unknown,
  b: () => unknown,
): Promise<{ a: number[]; b: number[] }> {
  await a();
  await b();
  const result = { a: [] as number[], b: [] as number[] };
  for (let index = 0; index < runs; index++) {
    const first = index % 2 === 0;
    for (const [which, fn] of first
      ? ([
          ['a', a],
          ['b', b],
        ] as const)
      : ([
          ['b', b],
          ['a', a],
        ] as const)) {
      const start = performance.now();
      await fn();
      result[which].push(performance.now() - start);
    }
  }
  return result;
}

export function formatMs(ms: number): string {
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  if (ms >= 1) return `${ms.toFixed(2)} ms`;
  return `${(ms * 1000).toFixed(0)} µs`;
}
