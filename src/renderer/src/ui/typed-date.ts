import { Chrono, configuration, type ParsedResult } from 'chrono-node/en';

/** Whether the locale writes the day before the month (3/5/2026 is 3 May, not 5 March). */
export function dayFirst(locale: string | undefined): boolean {
  const parts = new Intl.DateTimeFormat(locale).formatToParts(new Date(2026, 4, 3));
  const day = parts.findIndex((part) => part.type === 'day');
  const month = parts.findIndex((part) => part.type === 'month');
  return day >= 0 && month >= 0 && day < month;
}

const parsers = new Map<boolean, Chrono>();

/**
 * chrono's strict English parser (written dates only: "3 May 2026", "May 3,
 * 2026", "2026-05-03", "3/5/2026"; no "today"), in the locale's order of day and month.
 */
export function dateParserFor(locale: string | undefined): Chrono {
  const littleEndian = dayFirst(locale);
  let parser = parsers.get(littleEndian);
  if (parser === undefined) {
    parser = new Chrono(configuration.createConfiguration(true, littleEndian));
    parsers.set(littleEndian, parser);
  }
  return parser;
}

/** Whether a parsed date names a whole day: its day, month and year. */
export function wholeDate(result: ParsedResult): boolean {
  return (
    result.start.isCertain('day') &&
    result.start.isCertain('month') &&
    result.start.isCertain('year')
  );
}

/** A parsed date as the local midnight of its day. */
export function dayOfResult(result: ParsedResult): number {
  const day = result.start.date();
  return new Date(day.getFullYear(), day.getMonth(), day.getDate()).getTime();
}

/**
 * A date typed into a field, the way the locale writes it or any plain written
 * form, as the local midnight of that day; null when the text is not one whole date.
 */
export function readTypedDate(
  text: string,
  now: number,
  locale: string | undefined,
): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const results = dateParserFor(locale).parse(trimmed, new Date(now));
  const [only] = results;
  if (results.length !== 1 || only === undefined || !wholeDate(only)) return null;
  // The whole text must be the date ("3 May 2026", not "3 May 2026 or so").
  if (only.text.trim().length < trimmed.replace(/[.,]$/, '').length) return null;
  return dayOfResult(only);
}
