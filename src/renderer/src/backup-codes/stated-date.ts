import { dateParserFor, dayOfResult, wholeDate } from '../ui/typed-date.js';

/** Words that say a date is when the codes were made ("Generated: May 3, 2026"). */
const ISSUE_WORDS =
  /\b(generated|created|issued|printed|downloaded|date|dated|valid from|as of|on)\b/i;

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
  const results = dateParserFor(locale)
    .parse(text, new Date(now))
    .filter(wholeDate)
    .map((result) => ({
      at: dayOfResult(result),
      named: ISSUE_WORDS.test(lineOf(text, result.index)),
    }))
    .filter((found) => found.at <= now && new Date(found.at).getFullYear() >= 2000);
  const named = results.filter((found) => found.named);
  const candidates = named.length > 0 ? named : results;
  const days = new Set(candidates.map((found) => found.at));
  return days.size === 1 ? (candidates[0]?.at ?? null) : null;
}
