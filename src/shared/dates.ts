/** Dates for people, shared by the core's messages, the CLI and the UI. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "3 May 2026", in the local time zone: unambiguous in every locale, and short. */
export function formatDay(epochMs: number): string {
  const date = new Date(epochMs);
  return `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}`;
}

/** "3 May 2026 10:05", local time. */
export function formatDayTime(epochMs: number): string {
  const date = new Date(epochMs);
  const time = `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
  return `${formatDay(epochMs)} ${time}`;
}
