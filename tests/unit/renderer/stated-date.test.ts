import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { statedIssueDate } from '../../../src/renderer/src/backup-codes/stated-date.js';
import { dayFirst, readTypedDate } from '../../../src/renderer/src/ui/typed-date.js';

const page = (name: string) => readFileSync(`tests/fixtures/code-blocks/${name}`, 'utf8');
const NOW = new Date(2026, 4, 20, 12).getTime();
const day = (year: number, month: number, date: number) =>
  new Date(year, month - 1, date).getTime();

describe('the issue date a pasted backup-code page states', () => {
  it("reads Google's “generated on” line, downloaded or copied from the PDF", () => {
    expect(statedIssueDate(page('google-download.txt'), NOW, 'en-US')).toBe(day(2026, 5, 3));
    expect(statedIssueDate(page('google-pdf-copy.txt'), NOW, 'en-GB')).toBe(day(2026, 5, 3));
  });

  it('reads “Created May 3, 2026” on an Apple recovery key page', () => {
    expect(statedIssueDate(page('apple-recovery-key.txt'), NOW, 'en-GB')).toBe(day(2026, 5, 3));
  });

  it('takes numeric dates in the order of the locale, and leaves out a date in the future', () => {
    // "12/03/2026" and "2026-03-12" on a handwritten note: 12 March where the day comes first.
    expect(statedIssueDate(page('handwritten-note.txt'), NOW, 'en-GB')).toBe(day(2026, 3, 12));
    // In the US order 12/03 is 3 December, after "now": only the ISO date is left.
    expect(statedIssueDate(page('handwritten-note.txt'), NOW, 'en-US')).toBe(day(2026, 3, 12));
    expect(statedIssueDate('Codes issued 03/05/2026\n1234-5678', NOW, 'en-US')).toBe(
      day(2026, 3, 5),
    );
    expect(statedIssueDate('Codes issued 03/05/2026\n1234-5678', NOW, 'de-DE')).toBe(
      day(2026, 5, 3),
    );
  });

  it('says nothing when the page states no date, or several without saying which', () => {
    expect(statedIssueDate(page('github-recovery-codes.txt'), NOW, 'en-US')).toBeNull();
    expect(statedIssueDate(page('amazon-2sv-settings.txt'), NOW, 'en-US')).toBeNull();
    expect(statedIssueDate('1234 5678\n2345 6789\n3456 7890', NOW, 'en-US')).toBeNull();
    expect(statedIssueDate('Generated: May 3, 1999', NOW, 'en-US')).toBeNull();
  });

  it('knows which locales write the day first', () => {
    expect(dayFirst('en-US')).toBe(false);
    expect(dayFirst('en-GB')).toBe(true);
    expect(dayFirst('de-DE')).toBe(true);
  });
});

describe('a date typed into a field', () => {
  it('reads the written forms people type, in the order of the locale', () => {
    expect(readTypedDate('3 May 2026', NOW, 'en-GB')).toBe(day(2026, 5, 3));
    expect(readTypedDate('May 3, 2026', NOW, 'en-US')).toBe(day(2026, 5, 3));
    expect(readTypedDate('2026-05-03', NOW, 'en-US')).toBe(day(2026, 5, 3));
    expect(readTypedDate('3/5/2026', NOW, 'en-GB')).toBe(day(2026, 5, 3));
    expect(readTypedDate('3/5/2026', NOW, 'en-US')).toBe(day(2026, 3, 5));
  });

  it('refuses what is not one whole date', () => {
    expect(readTypedDate('', NOW, 'en-GB')).toBeNull();
    expect(readTypedDate('soon', NOW, 'en-GB')).toBeNull();
    expect(readTypedDate('May 2026', NOW, 'en-GB')).toBeNull();
    expect(readTypedDate('3 May 2026 or 4 May 2026', NOW, 'en-GB')).toBeNull();
    expect(readTypedDate('31/02/2026', NOW, 'en-GB')).toBeNull();
  });
});
