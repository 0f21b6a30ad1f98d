/**
 * `npm run test:stress` runs the reliability tests in Vitest's `stress` mode (or
 * with SPAREKEY_STRESS=1): they then run their full counts. Both modes print figures.
 */
const mode = (import.meta as { env?: { MODE?: string } }).env?.MODE;
export const STRESS = mode === 'stress' || process.env.SPAREKEY_STRESS === '1';

export function count(normal: number, stress: number): number {
  return STRESS ? stress : normal;
}

export function report(name: string, value: string | number): void {
  process.stdout.write(`[reliability] ${name}: ${value}\n`);
}
