import type { CodeBlockPreview, ExistingCodes } from '../../shared/backup-codes.js';
import { formatDay } from '../../shared/dates.js';
import { DAY_MS } from '../../shared/durations.js';
import { invalidInput } from '../../shared/errors.js';
import { MAX_CODE_BLOCK_LENGTH, MAX_CODES_PER_SET } from '../../shared/input-limits.js';
import { parseCodeBlock } from './code-block-parser.js';
import { refused } from './code-refusals.js';
import type { CodeSetRecord } from './code-set-records.js';
import type { StoredSet } from './code-status.js';
import { cleanCode } from './code-text.js';

/** No site issued backup codes before this. */
const EARLIEST_ISSUE_DATE = Date.UTC(2000, 0, 1);

export interface AddCodesInput {
  /** The block as the site shows or downloads it; the codes are found in it. */
  text?: string | undefined;
  /** Or the codes themselves (e.g. as the person confirmed them after a preview). */
  codes?: string[] | undefined;
  /** When the site issued them (epoch ms); default now. */
  issuedAt?: number | undefined;
  label?: string | undefined;
  /**
   * When the account already has current codes: true if the site replaced them
   * (the usual case), false if they stay valid too. Left out, adding is refused.
   */
  replace?: boolean | undefined;
  /** Save what was found in `text` even though the parser is unsure (the person checked it). */
  acceptDoubts?: boolean | undefined;
}

export interface CodeToAdd {
  code: string;
  normalized: string;
}

/** A label or a note: trimmed, one line, at most `max` characters. */
export function cleanLine(value: string | undefined, what: string, max: number): string {
  const text = (value ?? '').trim();
  if (text.length > max) {
    throw invalidInput(`The ${what} is too long (${text.length} characters; at most ${max}).`);
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(text)) {
    throw invalidInput(`The ${what} must be one line of text, without control characters.`);
  }
  return text;
}

/** A pasted block longer than MAX_CODE_BLOCK_LENGTH is refused before it is parsed. */
export function checkBlock(text: string): void {
  if (text.length > MAX_CODE_BLOCK_LENGTH) {
    throw invalidInput(
      `The text is too long (${text.length} characters; at most ${MAX_CODE_BLOCK_LENGTH}).`,
    );
  }
}

export function checkIssueDate(issuedAt: number, now: number): number {
  if (!Number.isFinite(issuedAt) || issuedAt < EARLIEST_ISSUE_DATE) {
    throw invalidInput('The issue date must be a date after 1 Jan 2000.');
  }
  if (issuedAt > now + DAY_MS) {
    throw invalidInput(`The issue date (${formatDay(issuedAt)}) is in the future.`);
  }
  return issuedAt;
}

/**
 * The codes to save, from the codes given (each cleaned, none twice) or found in
 * the text (refused while the parser has doubts nobody accepted); 1 to
 * MAX_CODES_PER_SET of them.
 */
export function codesToAdd(input: AddCodesInput): CodeToAdd[] {
  let codes: CodeToAdd[];
  if (input.codes !== undefined) {
    codes = input.codes.map((code, index) => cleanCode(code, index + 1));
    const seen = new Map<string, number>();
    codes.forEach((code, index) => {
      const first = seen.get(code.normalized);
      if (first !== undefined) {
        throw invalidInput(`Codes ${first} and ${index + 1} are the same (${code.code}).`);
      }
      seen.set(code.normalized, index + 1);
    });
  } else if (input.text !== undefined) {
    checkBlock(input.text);
    const parsed = parseCodeBlock(input.text);
    if (parsed.codes.length === 0) throw invalidInput('No backup codes were found in the text.');
    if (!parsed.sure && input.acceptDoubts !== true) {
      throw refused(`Not saved, the codes found need checking: ${parsed.doubts.join(' ')}`, {
        reason: 'unsure',
        doubts: parsed.doubts,
      });
    }
    codes = parsed.codes.map(({ code, normalized }) => ({ code, normalized }));
  } else {
    throw invalidInput('Give the codes, or the text they are in.');
  }
  if (codes.length === 0) throw invalidInput('A set needs at least one code.');
  if (codes.length > MAX_CODES_PER_SET) {
    throw invalidInput(`That is ${codes.length} codes; a set holds at most ${MAX_CODES_PER_SET}.`);
  }
  return codes;
}

/** A new current set of the codes, none used yet. */
export function newCodeSet(
  codes: readonly CodeToAdd[],
  label: string,
  issuedAt: number,
  now: number,
): CodeSetRecord {
  return {
    label,
    state: 'current',
    issuedAt,
    addedAt: now,
    replacedAt: null,
    changedAt: now,
    codes: codes.map(({ code, normalized }) => ({ code, normalized, usedAt: null, note: '' })),
    marks: [],
  };
}

/** How the codes found in a pasted block relate to an account's stored sets. */
export function compareWithStored(
  found: CodeBlockPreview['codes'],
  sets: readonly StoredSet[],
): ExistingCodes {
  const current = sets.filter((set) => set.value.state === 'current');
  const inCurrent = new Set(current.flatMap((set) => set.value.codes.map((c) => c.normalized)));
  const inReplaced = new Set(
    sets
      .filter((set) => set.value.state === 'replaced')
      .flatMap((set) => set.value.codes.map((c) => c.normalized)),
  );
  const currentCodes = current.flatMap((set) => set.value.codes);
  return {
    currentSets: current.length,
    total: currentCodes.length,
    remaining: currentCodes.filter((code) => code.usedAt === null).length,
    inCurrentSet: found.filter((code) => inCurrent.has(code.normalized)).length,
    inReplacedSet: found.filter((code) => inReplaced.has(code.normalized)).length,
  };
}
