import { Chrono, configuration, type ParsedResult } from 'chrono-node/en';

/** Words that say a date is when the codes were made ("Generated: May 3, 2026"). */
const ISSUE_WORDS =
  /\b(generated|created|issued|printed|downloaded|date|dated|valid from|as of|on)\b/i;

/** Whether the locale writes the day before the month (3/5/2026 is 3 May, not 5 March). */
export function dayFirst(locale: string | undefined): boolean {
  const parts = new Intl.DateTimeFormat(locale).formatToParts(new Date(2026, 4, 3));
  const day = parts.findIndex((part) => part.type === 'day');
  const month = parts.findIndex((part) => part.type === 'month');
  return day >= 0 && month >= 0 && day < month;
}

const parsers = new Map<boolean, Chrono>();

/** chrono's strict English parser (written dates only, no "today"), in the locale's order of day and month. */
function parserFor(littleEndian: boolean): Chrono {
  let parser = parsers.get(littleEndian);
  if (parser === undefined) {
    parser = new Chrono(configuration.createConfiguration(true, littleEndian));
    parsers.set(littleEndian, parser);
  }
  return parser;
}

function wholeDate(result: ParsedResult): boolean {
  return (
    result.start.isCertain('day') &&
    result.start.isCertain('month') &&
    result.start.isCertain('year')
  );
}

function lineOf(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index) + 1;
  const end = text.indexOf('\n', index);
  return text.slice(start, end < 0 ? text.length : end);
}

/**
 * The day a pasted backup-code page says its codes were made ("Generated: May
 * 3, 2026", "Created 2026-05-03"), as the local midnight of that day; null when
 * it states none, or several without saying which is the issue date. Dates
 * after `now` or before 2000 are not issue dates.
 */
export function statedIssueDate(text: string, now: number, locale?: string): number | null {
  const results = parserFor(dayFirst(locale))
    .parse(text, new Date(now))
    .filter(wholeDate)
    .map((result) => {
      const day = result.start.date();
      return {
        at: new Date(day.getFullYear(), day.getMonth(), day.getDate()).getTime(),
        named: ISSUE_WORDS.test(lineOf(text, result.index)),
      };
    })
    .filter((found) => found.at <= now && new Date(found.at).getFullYear() >= 2000);
  const named = results.filter((found) => found.named);
  const candidates = named.length > 0 ? named : results;
  const days = new Set(candidates.map((found) => found.at));
  return days.size === 1 ? (candidates[0]?.at ?? null) : null;
}
