import { DAY_MS } from '../../../shared/durations.js';
import { formatDay, formatDayWithoutYear } from '../../../shared/dates.js';

export { formatDay };

/** "today", "yesterday", "12 days ago", counted in whole days from `now` (main's clock). */
export function daysAgo(at: number, now: number): string {
  const days = Math.floor((now - at) / DAY_MS);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${new Intl.NumberFormat().format(days)} days ago`;
}

/** "3 May 2026 (12 days ago)" */
export function dayWithAge(at: number, now: number): string {
  return `${formatDay(at)} (${daysAgo(at, now)})`;
}

/** "3 May" in the current year, else "3 May 2025" (each the locale's way): for dense lists. */
export function shortDay(at: number, now: number): string {
  return new Date(at).getFullYear() === new Date(now).getFullYear()
    ? formatDayWithoutYear(at)
    : formatDay(at);
}
