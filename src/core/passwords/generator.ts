import {
  DIGIT_CHARSET,
  LOWERCASE_CHARSET,
  SYMBOL_CHARSET,
  UPPERCASE_CHARSET,
} from 'secure-password-utilities/constants';
import { DEFAULT_WORDLIST } from 'secure-password-utilities/wordlists';
import { invalidInput } from '../../shared/errors.js';
import {
  PASSPHRASE_WORDS_RANGE,
  PASSWORD_LENGTH_RANGE,
  type PassphraseOptions,
  type RandomPasswordOptions,
} from '../../shared/passwords.js';
import type { Random } from '../random.js';

/** Characters that are easily confused when read or typed: 0/O/o, 1/l/I/|, and quotes. */
export const AMBIGUOUS_CHARACTERS = '0Oo1lI|`\'"';

/**
 * EFF's large word list as shipped by secure-password-utilities, less its four
 * hyphenated words (drop-down, felt-tip, t-shirt, yo-yo) so a "-" between
 * words is never ambiguous: 7,772 words, 12.92 bits each.
 */
export const PASSPHRASE_WORDLIST: readonly string[] = DEFAULT_WORDLIST;

export interface Generated {
  password: string;
  entropyBits: number;
}

const TWO_TO_32 = 2 ** 32;

/**
 * A uniformly distributed integer in [0, n): 32-bit values from the CSPRNG,
 * rejecting the top `2^32 mod n` of them so that every result is equally
 * likely (no modulo bias).
 */
export function uniformIndex(random: Random, n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > TWO_TO_32) {
    throw new RangeError('uniformIndex needs an integer range of 1 to 2^32.');
  }
  const limit = TWO_TO_32 - (TWO_TO_32 % n);
  for (;;) {
    const bytes = random.bytes(4);
    const value =
      (bytes[0] ?? 0) * 2 ** 24 +
      ((bytes[1] ?? 0) << 16) +
      ((bytes[2] ?? 0) << 8) +
      (bytes[3] ?? 0);
    if (value < limit) return value % n;
  }
}

/** log2 of a (possibly huge) positive integer. */
function log2(value: bigint): number {
  const bits = value.toString(2).length;
  const shift = Math.max(0, bits - 53);
  return Math.log2(Number(value >> BigInt(shift))) + shift;
}

function roundBits(bits: number): number {
  return Math.round(bits * 100) / 100;
}

function checkInteger(value: number, range: { min: number; max: number }, what: string): void {
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    throw invalidInput(`The ${what} must be a whole number from ${range.min} to ${range.max}.`);
  }
}

/** The character classes a random password is built from, after any exclusions. */
export function characterClasses(options: RandomPasswordOptions): string[] {
  const chosen = [
    options.lowercase !== false ? LOWERCASE_CHARSET : '',
    options.uppercase !== false ? UPPERCASE_CHARSET : '',
    options.digits !== false ? DIGIT_CHARSET : '',
    options.symbols !== false ? SYMBOL_CHARSET : '',
  ].filter((set) => set !== '');
  if (chosen.length === 0)
    throw invalidInput('Choose at least one kind of character for the password.');
  return options.excludeAmbiguous
    ? chosen.map((set) => [...set].filter((c) => !AMBIGUOUS_CHARACTERS.includes(c)).join(''))
    : chosen;
}

/**
 * How many passwords of `length` over these disjoint classes contain at least
 * one character of each (inclusion–exclusion over the classes left out).
 */
export function countCovering(classes: readonly string[], length: number): bigint {
  const total = classes.reduce((sum, set) => sum + set.length, 0);
  let count = 0n;
  for (let mask = 0; mask < 1 << classes.length; mask++) {
    let missing = 0;
    let size = 0;
    classes.forEach((set, index) => {
      if (mask & (1 << index)) {
        missing += set.length;
        size++;
      }
    });
    const term = BigInt(total - missing) ** BigInt(length);
    count += size % 2 === 0 ? term : -term;
  }
  return count;
}

/**
 * A random password with at least one character of every chosen class. Every
 * such password is equally likely: each character is drawn uniformly from all
 * the chosen characters and a draw missing a class is thrown away whole, so
 * the entropy is exactly log2 of the number of such passwords.
 */
export function generateRandomPassword(random: Random, options: RandomPasswordOptions): Generated {
  const length = options.length ?? PASSWORD_LENGTH_RANGE.default;
  checkInteger(length, PASSWORD_LENGTH_RANGE, 'password length');
  const classes = characterClasses(options);
  if (length < classes.length) {
    throw invalidInput(
      `A password of ${length} characters cannot hold all ${classes.length} kinds of character chosen.`,
    );
  }
  const alphabet = [...classes.join('')];
  for (;;) {
    const chars = Array.from(
      { length },
      () => alphabet[uniformIndex(random, alphabet.length)] as string,
    );
    if (classes.every((set) => chars.some((c) => set.includes(c)))) {
      return {
        password: chars.join(''),
        entropyBits: roundBits(log2(countCovering(classes, length))),
      };
    }
  }
}

/** A passphrase of words drawn uniformly and independently from EFF's large word list. */
export function generatePassphrase(random: Random, options: PassphraseOptions): Generated {
  const words = options.words ?? PASSPHRASE_WORDS_RANGE.default;
  checkInteger(words, PASSPHRASE_WORDS_RANGE, 'number of words');
  const separator = options.separator ?? '-';
  // A letter (or nothing) between words would blur where one word ends, and so the entropy.
  if (!/^[^\p{L}\p{C}]{1,3}$/u.test(separator)) {
    throw invalidInput(
      'The separator between words must be 1 to 3 characters that are not letters.',
    );
  }
  const chosen = Array.from(
    { length: words },
    () => PASSPHRASE_WORDLIST[uniformIndex(random, PASSPHRASE_WORDLIST.length)] as string,
  );
  return {
    password: chosen.join(separator),
    entropyBits: roundBits(words * Math.log2(PASSPHRASE_WORDLIST.length)),
  };
}
