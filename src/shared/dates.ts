/** Dates for people, shared by the core's messages, the CLI and the UI. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface LocaleFormats {
  day: Intl.DateTimeFormat;
  dayWithoutYear: Intl.DateTimeFormat;
  time: Intl.DateTimeFormat;
}

/** The locale's formats, once one is chosen; null: the fixed "3 May 2026" (the CLI, tests). */
let formats: LocaleFormats | null = null;

/**
 * Writes dates the way `locale` does from now on ("May 3, 2026" in en-US, "3
 * May 2026" in en-GB, "3. Mai 2026" in de): the desktop app chooses the
 * system's locale in both processes, so its own dates, the core's messages and
 * the date inputs agree. Undefined goes back to the fixed format.
 */
export function setDateLocale(locale: string | undefined): void {
  formats =
    locale === undefined
      ? null
      : {
          day: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }),
          dayWithoutYear: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }),
          time: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }),
        };
}

/** "3 May 2026" (or the chosen locale's way), in the local time zone: unambiguous, and short. */
export function formatDay(epochMs: number): string {
  if (formats !== null) return formats.day.format(epochMs);
  const date = new Date(epochMs);
  return `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}`;
}

/** "3 May" (or the locale's way): for dense lists where the year goes without saying. */
export function formatDayWithoutYear(epochMs: number): string {
  if (formats !== null) return formats.dayWithoutYear.format(epochMs);
  const date = new Date(epochMs);
  return `${date.getDate()} ${MONTHS[date.getMonth()]}`;
}

/** "3 May 2026 10:05", local time. */
export function formatDayTime(epochMs: number): string {
  if (formats !== null) return `${formats.day.format(epochMs)} ${formats.time.format(epochMs)}`;
  const date = new Date(epochMs);
  const time = `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
  return `${formatDay(epochMs)} ${time}`;
}
