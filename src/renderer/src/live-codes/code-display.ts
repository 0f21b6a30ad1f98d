import { groupCode } from '../../../shared/code-format.js';

/** The next code is shown in the last seconds of the current one. */
export const ENDING_SECONDS = 7;

/** A code as shown: grouped for reading aloud; while loading, dots of the same width. */
export function shownCode(code: string | null | undefined, digits: number): string {
  if (code) return groupCode(code);
  const dots = '•'.repeat(digits);
  if (digits === 6 || digits === 7) return `${dots.slice(0, 3)} ${dots.slice(3)}`;
  if (digits === 8) return `${dots.slice(0, 4)} ${dots.slice(4)}`;
  return dots;
}
