// Past 300 lines on purpose: one parser whose passes share the same token rules; split up, each part would need them all.
import type {
  DuplicateCode,
  FoundCode,
  IgnoredText,
  ParsedCodeBlock,
} from '../../shared/backup-codes.js';
import { MAX_CODE_LENGTH, normalizeCode } from './code-text.js';

/**
 * Finds the backup codes in a block of text as a site shows or downloads it:
 * headers, instructions, e-mail addresses, dates and buttons around them; one
 * or several codes per line; numbered or bulleted lists; codes with inner
 * spaces or dashes. It reports duplicates, and says what it is unsure about so
 * the caller can ask before saving.
 *
 * How it decides, in short:
 * - Text is cut into pieces at tabs, runs of spaces, list numbers, bullets and
 *   punctuation that never occurs inside a code (`, ; | " ( )`...).
 * - A piece made only of code-like tokens (letters and digits, one case, dash
 *   groups of 3+) is a code, or several; a piece with other words is prose,
 *   and only a long token with digits inside it can be a code.
 * - Codes on lines of their own set the pattern (length, case, grouping);
 *   all-letter candidates, codes after a label, and codes inside sentences are
 *   counted only when they fit that pattern.
 */

/** Shorter candidates are not considered at all (years, "2FA", list numbers). */
const MIN_FOUND_LENGTH = 6;
/** Backup codes shorter than this are unusual: they may be one-time codes or PINs. */
const USUAL_MIN_LENGTH = 8;
/** A token inside a sentence must be at least this long (and have a digit) to be a candidate. */
const MIN_EMBEDDED_LENGTH = 8;

/** Never inside a code: where one piece of a line ends and the next begins. */
const SEPARATORS = /\t|\s{2,}|[|,;"()[\]{}<>•·▪◦●*☐☑☒✓✔✗✘□■]/u;
/** `1.`, `10)`, `(3)`, `#3`, `- `, `+ ` at the start of a piece. */
const LEADING_MARKER = /^(?:[-+]\s+|\d{1,3}[.):]\s+|\(\d{1,3}\)\s+|#\d{1,3}[.):]?\s+)/;
/** A list number in the middle of a piece (two columns pasted onto one line); the number is captured. */
const INLINE_MARKER = /\s+#?(\d{1,3})[.)]\s+(?=\S)/;
/** The number of a leading list marker. */
const LEADING_NUMBER = /^(?:\(|#)?(\d{1,3})[.):]?\s/;
/** `label: value`, at the last colon followed by a space or the end. */
const LABELLED = /^(.*\S)\s*:(?:\s+(.*))?$/;
/** A label that announces a backup code (not a one-time code from an app or SMS). */
const CODE_LABEL = /\b(backup|recovery|emergency|scratch|rescue)\b/i;
const ANY_CODE_WORD = /\b(codes?|keys?)\b/i;
const ONE_TIME_WORDS =
  /\b(otp|one[- ]time|verification|security|login|sign[- ]in|authenticat\w*|sms|text|2fa|pin|enter|secret)\b/i;
const CODE_TOKEN = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u;

type Context = 'list' | 'labelled' | 'prose';
type LetterCase = 'lower' | 'upper' | 'none';

interface Candidate {
  code: string;
  normalized: string;
  line: number;
  context: Context;
  /** Has a digit (a letters-only candidate may be a word). */
  strong: boolean;
  /** Group lengths and separators, e.g. `4 4`, `5-5`, `16`. */
  pattern: string;
  letterCase: LetterCase;
  /** For a labelled or prose candidate: its text speaks of backup codes. */
  saysCode: boolean;
  /** Space-separated groups that were joined into this one code. */
  spacedGroups: string[] | null;
  /** The site's own number for it (`6.` in `6. 1541 4640`), when the list numbers it. */
  listNumber?: number | null;
}

interface Collected {
  candidates: Candidate[];
  ignored: (IgnoredText & { doubtful: boolean })[];
}

function letterCaseOf(text: string): LetterCase | 'mixed' {
  const lower = /\p{Ll}/u.test(text);
  const upper = /\p{Lu}/u.test(text);
  if (lower && upper) return 'mixed';
  return lower ? 'lower' : upper ? 'upper' : 'none';
}

/** Letters and digits in one case, dash groups of at least three characters. */
function isCodeToken(token: string): boolean {
  if (!CODE_TOKEN.test(token) || letterCaseOf(token) === 'mixed') return false;
  const groups = token.split('-');
  return groups.length === 1 || groups.every((group) => group.length >= 3);
}

function hasDigit(text: string): boolean {
  return /\p{N}/u.test(text);
}

function saysBackupCode(text: string): boolean {
  return CODE_LABEL.test(text) || (ANY_CODE_WORD.test(text) && !ONE_TIME_WORDS.test(text));
}

function isPlausibleDate(year: number, month: number, day: number): boolean {
  return year >= 1970 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** 2026-03-12, 12.03.2026, 03/12/2026, 12 03 2026. */
export function looksLikeDate(text: string): boolean {
  const iso = /^(\d{4})[-./ ](\d{1,2})[-./ ](\d{1,2})$/.exec(text);
  if (iso) return isPlausibleDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const local = /^(\d{1,2})[-./ ](\d{1,2})[-./ ](\d{4})$/.exec(text);
  if (local) {
    const [a, b, year] = [Number(local[1]), Number(local[2]), Number(local[3])];
    return isPlausibleDate(year, b, a) || isPlausibleDate(year, a, b);
  }
  return false;
}

/** +44 20 7946 0958, (555) 123-4567, 0800 123 4567: digits in groups of unequal length. */
export function looksLikePhoneNumber(text: string): boolean {
  if (!/^(?:\+|00)?[\d\s().-]+$/.test(text)) return false;
  const digits = text.replace(/\D/g, '').length;
  if (digits < 9 || digits > 15) return false;
  const groups = text.split(/[\s().-]+/).filter((group) => group !== '' && group !== '+');
  if (groups.length < 2) return false;
  const unequal = new Set(groups.map((group) => group.replace(/\D/g, '').length)).size > 1;
  return text.startsWith('+') || text.includes('(') || unequal;
}

function candidateFromGroups(
  groups: string[],
  separator: ' ' | '-',
  base: Pick<Candidate, 'line' | 'context' | 'saysCode'>,
): Candidate | null {
  const code = groups.join(separator);
  const normalized = normalizeCode(code);
  if (normalized.length < MIN_FOUND_LENGTH || normalized.length > MAX_CODE_LENGTH) return null;
  const letterCase = letterCaseOf(code);
  if (letterCase === 'mixed') return null;
  return {
    ...base,
    code,
    normalized,
    strong: hasDigit(code),
    pattern: groups.map((group) => group.length).join(separator),
    letterCase,
    spacedGroups: separator === ' ' && groups.length > 1 ? groups : null,
  };
}

function tokenCandidate(
  token: string,
  base: Pick<Candidate, 'line' | 'context' | 'saysCode'>,
): Candidate | null {
  return candidateFromGroups(token.split('-'), '-', base);
}

/** The codes a piece of text holds when every token in it is code-like; null when it is prose. */
function codesInCodeOnlyText(
  tokens: string[],
  base: Pick<Candidate, 'line' | 'context' | 'saysCode'>,
): Candidate[] | null {
  if (tokens.length === 1) {
    const candidate = tokenCandidate(tokens[0] as string, base);
    return candidate ? [candidate] : [];
  }
  // `1234 5678`, `abcd efgh`, `123 456 789`: equal groups of 3 to 6, joined.
  const lengths = new Set(tokens.map((token) => token.length));
  const groupLength = tokens[0]?.length ?? 0;
  if (
    tokens.length <= 8 &&
    lengths.size === 1 &&
    groupLength >= 3 &&
    groupLength <= 6 &&
    tokens.every((token) => !token.includes('-'))
  ) {
    const joined = candidateFromGroups(tokens, ' ', base);
    return joined ? [joined] : null;
  }
  // `5eade-424e6 fb475-07c21`: several whole codes of one length on a line.
  const each = tokens.map((token) => tokenCandidate(token, base));
  if (
    each.every((candidate) => candidate !== null) &&
    each.some((candidate) => candidate?.strong) &&
    new Set(each.map((candidate) => candidate?.normalized.length)).size === 1
  ) {
    return each as Candidate[];
  }
  return null;
}

function collect(text: string): Collected {
  const collected: Collected = { candidates: [], ignored: [] };
  const lines = text
    .normalize('NFKC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .split('\n');

  lines.forEach((rawLine, index) => {
    const line = index + 1;
    const trimmed = rawLine.trim();
    if (trimmed === '') return;
    // A phone number is recognised on the whole line, before its brackets and dashes split it up.
    const unmarkedLine = trimmed.replace(LEADING_MARKER, '');
    const labelledLine = LABELLED.exec(unmarkedLine);
    const wholeValue = (labelledLine ? (labelledLine[2] ?? '') : unmarkedLine).trim();
    if (unmarkedLine === trimmed && looksLikePhoneNumber(wholeValue)) {
      collected.ignored.push({
        text: wholeValue,
        line,
        reason: 'looks like a phone number',
        doubtful: labelledLine === null,
      });
      return;
    }
    for (const segment of trimmed.split(SEPARATORS)) {
      const marked = segment.trim();
      const unmarked = marked.replace(LEADING_MARKER, '').trim();
      const leading = unmarked !== marked ? LEADING_NUMBER.exec(marked) : null;
      // split() with a capturing group alternates pieces and the list numbers between them.
      const parts = unmarked.split(INLINE_MARKER);
      for (let index = 0; index < parts.length; index += 2) {
        const number = index === 0 ? leading?.[1] : parts[index - 1];
        const before = collected.candidates.length;
        collectPiece((parts[index] ?? '').trim(), line, collected);
        for (const candidate of collected.candidates.slice(before)) {
          candidate.listNumber = number === undefined ? null : Number(number);
        }
      }
    }
  });
  return collected;
}

function collectPiece(piece: string, line: number, collected: Collected): void {
  if (piece === '') return;
  const labelled = LABELLED.exec(piece);
  const value = (labelled ? (labelled[2] ?? '') : piece).trim();
  if (value === '') return;
  const context: Context = labelled ? 'labelled' : 'list';
  if (looksLikeDate(value) || looksLikePhoneNumber(value)) {
    collected.ignored.push({
      text: value,
      line,
      reason: looksLikeDate(value) ? 'looks like a date' : 'looks like a phone number',
      doubtful: context === 'list',
    });
    return;
  }
  const tokens = value.split(' ');
  const saysCode = labelled ? saysBackupCode(labelled[1] as string) : false;
  if (
    tokens.length === 1 &&
    CODE_TOKEN.test(value) &&
    normalizeCode(value).length > MAX_CODE_LENGTH
  ) {
    collected.ignored.push({
      text: value,
      line,
      reason: `is longer than ${MAX_CODE_LENGTH} characters, too long for a backup code`,
      doubtful: false,
    });
    return;
  }
  if (tokens.every(isCodeToken)) {
    const codes = codesInCodeOnlyText(tokens, { line, context, saysCode });
    if (codes !== null) {
      collected.candidates.push(...codes);
      return;
    }
  }
  // Prose: only a long token with digits, in one case, can be a code inside a sentence.
  const proseSaysCode = saysBackupCode(piece);
  for (const rawToken of tokens) {
    const token = rawToken.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (!isCodeToken(token) || !hasDigit(token)) continue;
    if (normalizeCode(token).length < MIN_EMBEDDED_LENGTH) continue;
    const candidate = tokenCandidate(token, { line, context: 'prose', saysCode: proseSaysCode });
    if (candidate) collected.candidates.push(candidate);
  }
}

interface Pattern {
  length: number;
  letterCase: LetterCase;
  patterns: Set<string>;
}

/** The length, case and groupings most codes on lines of their own share. */
function dominantPattern(candidates: Candidate[]): Pattern | null {
  const counts = new Map<number, number>();
  for (const candidate of candidates)
    counts.set(candidate.normalized.length, (counts.get(candidate.normalized.length) ?? 0) + 1);
  let length: number | null = null;
  for (const [candidateLength, count] of counts) {
    if (length === null || count > (counts.get(length) ?? 0)) length = candidateLength;
  }
  if (length === null) return null;
  const same = candidates.filter((candidate) => candidate.normalized.length === length);
  const lower = same.filter((candidate) => candidate.letterCase === 'lower').length;
  const upper = same.filter((candidate) => candidate.letterCase === 'upper').length;
  return {
    length,
    letterCase: lower === 0 && upper === 0 ? 'none' : lower >= upper ? 'lower' : 'upper',
    patterns: new Set(same.map((candidate) => candidate.pattern)),
  };
}

function fitsPattern(candidate: Candidate, pattern: Pattern): boolean {
  if (candidate.normalized.length !== pattern.length) return false;
  if (candidate.letterCase === 'none') return true;
  return candidate.letterCase === pattern.letterCase;
}

/**
 * `1234 5678 9012 3456` on a line whose neighbours hold 8-digit codes is two
 * codes pasted without the space between columns: split it by the pattern.
 */
function splitByPattern(candidate: Candidate, pattern: Pattern | null): Candidate[] {
  const groups = candidate.spacedGroups;
  if (groups === null || pattern === null) return [candidate];
  const groupLength = groups[0]?.length ?? 0;
  const perCode = pattern.length / groupLength;
  if (
    candidate.normalized.length <= pattern.length ||
    candidate.normalized.length % pattern.length !== 0 ||
    !Number.isInteger(perCode)
  ) {
    return [candidate];
  }
  const parts: Candidate[] = [];
  for (let start = 0; start < groups.length; start += perCode) {
    const part = candidateFromGroups(groups.slice(start, start + perCode), ' ', candidate);
    if (part) parts.push(part);
  }
  return parts;
}

function quote(text: string): string {
  return `"${text}"`;
}

/** Finds the backup codes in `text`; see the module comment for how. */
export function parseCodeBlock(text: string): ParsedCodeBlock {
  const { candidates: raw, ignored } = collect(text);
  const doubts: string[] = [];

  const listed = raw.filter((candidate) => candidate.context === 'list' && candidate.strong);
  let pattern = dominantPattern(listed);
  const candidates = raw.flatMap((candidate) => splitByPattern(candidate, pattern));
  if (pattern === null) {
    pattern = dominantPattern(
      candidates.filter((candidate) => candidate.context === 'labelled' && candidate.saysCode),
    );
  }
  const fromList = listed.length > 0;

  const accepted: FoundCode[] = [];
  const listNumbers = new Map<FoundCode, number | null>();
  for (const candidate of candidates) {
    const found = (doubt: string | null): void => {
      const code = {
        code: candidate.code,
        normalized: candidate.normalized,
        line: candidate.line,
        doubt,
      };
      accepted.push(code);
      listNumbers.set(code, candidate.listNumber ?? null);
    };
    const fits = pattern !== null && fitsPattern(candidate, pattern);
    const groups = candidate.spacedGroups?.length ?? 0;
    if (candidate.context === 'list') {
      if (candidate.strong) {
        const length = candidate.normalized.length;
        if (pattern !== null && length !== pattern.length) {
          found(`has ${length} characters; the other codes have ${pattern.length}`);
        } else if (groups >= 4 && groups % 2 === 0) {
          found(`could be one code or ${groups / 2} shorter ones`);
        } else {
          found(null);
        }
      } else if (fits && pattern?.patterns.has(candidate.pattern)) {
        found(null);
      }
    } else if (candidate.context === 'labelled') {
      if (fromList ? fits : candidate.saysCode) found(null);
      else {
        ignored.push({
          text: candidate.code,
          line: candidate.line,
          reason: fromList ? 'does not look like the other codes' : 'is not labelled as a code',
          doubtful: false,
        });
      }
    } else if (pattern !== null ? fits : candidate.saysCode) {
      found('was found inside a sentence');
    }
  }

  // One entry per code; repeats are reported.
  const codes: FoundCode[] = [];
  const duplicates = new Map<string, DuplicateCode>();
  const firstOf = new Map<string, FoundCode>();
  for (const code of accepted) {
    const first = firstOf.get(code.normalized);
    if (first === undefined) {
      firstOf.set(code.normalized, code);
      codes.push(code);
      continue;
    }
    const duplicate = duplicates.get(code.normalized) ?? { code: first.code, lines: [first.line] };
    duplicate.lines.push(code.line);
    duplicates.set(code.normalized, duplicate);
  }

  // A list the site numbered (Google's two columns: 1 and 6 on one line) keeps the site's order,
  // so code 6 in Sparekey is code 6 on the user's paper.
  const numbers = codes.map((code) => listNumbers.get(code) ?? null);
  if (
    codes.length > 1 &&
    numbers.every((number) => number !== null) &&
    [...numbers].sort((a, b) => (a ?? 0) - (b ?? 0)).every((number, index) => number === index + 1)
  ) {
    codes.sort((a, b) => (listNumbers.get(a) ?? 0) - (listNumbers.get(b) ?? 0));
  }

  for (const code of codes) {
    if (code.doubt !== null) doubts.push(`Line ${code.line}: ${quote(code.code)} ${code.doubt}.`);
  }
  for (const duplicate of duplicates.values()) {
    const again = duplicate.lines.slice(1).join(', ');
    doubts.push(
      `${quote(duplicate.code)} appears more than once (lines ${duplicate.lines[0]} and ${again}); it is kept once.`,
    );
  }
  for (const item of ignored) {
    if (item.doubtful)
      doubts.push(`Line ${item.line}: ${quote(item.text)} ${item.reason}; it was left out.`);
  }
  const shortest = Math.min(...codes.map((code) => code.normalized.length));
  if (codes.length > 0 && shortest < USUAL_MIN_LENGTH) {
    doubts.push(
      `Some codes have only ${shortest} characters, which is short for backup codes: check that they are not one-time codes or PINs.`,
    );
  }
  if (codes.length === 0) doubts.push('No backup codes were found in the text.');

  return {
    codes,
    duplicates: [...duplicates.values()],
    ignored: ignored.map(({ text: ignoredText, line, reason }) => ({
      text: ignoredText,
      line,
      reason,
    })),
    sure: doubts.length === 0,
    doubts,
  };
}
