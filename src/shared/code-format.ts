/** Presentation of codes, shared by the CLI and the UI. */

/** Groups a code for reading aloud: 123 456, 123 4567, 1234 5678. Steam codes stay whole. */
export function groupCode(code: string): string {
  if (!/^\d+$/.test(code)) return code;
  if (code.length === 6 || code.length === 7) return `${code.slice(0, 3)} ${code.slice(3)}`;
  if (code.length === 8) return `${code.slice(0, 4)} ${code.slice(4)}`;
  return code;
}
