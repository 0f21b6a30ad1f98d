import { invalidInput } from '../../shared/errors.js';

/** A backup code is at most this long (npm's recovery codes are 64 hex digits). */
export const MAX_CODE_LENGTH = 64;
/** Shorter than this is a PIN or a one-time code, not a backup code. */
export const MIN_CODE_LENGTH = 4;

/**
 * The form matching compares: Unicode-compatible (full-width digits become
 * ASCII), lower case, and without spaces, dashes or any other punctuation.
 */
export function normalizeCode(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * A code as given by a person (or by the UI after a preview): trimmed, inner
 * runs of spaces collapsed, Unicode dashes made ASCII; letters, digits, spaces
 * and dashes only. Returns its display form and normalized form.
 */
export function cleanCode(text: string, position: number): { code: string; normalized: string } {
  const code = text
    .normalize('NFKC')
    .trim()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ');
  const bad = /[^\p{L}\p{N} -]/u.exec(code);
  if (bad !== null) {
    throw invalidInput(
      `Code ${position} contains "${bad[0]}": a backup code has only letters, digits, spaces and dashes.`,
    );
  }
  const normalized = normalizeCode(code);
  if (normalized.length < MIN_CODE_LENGTH || normalized.length > MAX_CODE_LENGTH) {
    throw invalidInput(
      `Code ${position} has ${normalized.length} characters; a backup code has ${MIN_CODE_LENGTH} to ${MAX_CODE_LENGTH}.`,
    );
  }
  return { code, normalized };
}
