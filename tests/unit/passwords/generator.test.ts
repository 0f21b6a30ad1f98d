import { describe, expect, it } from 'vitest';
import {
  AMBIGUOUS_CHARACTERS,
  characterClasses,
  countCovering,
  generatePassphrase,
  generateRandomPassword,
  PASSPHRASE_WORDLIST,
  uniformIndex,
} from '../../../src/core/passwords/generator.js';
import { generatePassword } from '../../../src/core/passwords/passwords.js';
import { systemRandom } from '../../../src/core/random.js';
import type { VaultError } from '../../../src/shared/errors.js';
import { vaultErrorOf } from '../../support/errors.js';
import { scriptedRandom, seededRandom } from '../../support/seeded-random.js';

/** Pearson's chi-square statistic of observed counts against a uniform expectation. */
function chiSquare(counts: number[]): number {
  const total = counts.reduce((sum, count) => sum + count, 0);
  const expected = total / counts.length;
  return counts.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
}

/** The chi-square value exceeded with probability about 1e-6 (Wilson–Hilferty, z = 4.75). */
function chiSquareLimit(degrees: number): number {
  const k = degrees;
  return k * (1 - 2 / (9 * k) + 4.75 * Math.sqrt(2 / (9 * k))) ** 3;
}

function invalid(fn: () => unknown): VaultError {
  const error = vaultErrorOf(fn);
  expect(error.code).toBe('INVALID_INPUT');
  return error;
}

describe('uniformIndex: uniform choice from the CSPRNG, without modulo bias', () => {
  it('throws away 32-bit values in the uneven top slice and uses the next draw', () => {
    // 2^32 mod 3 = 1, so 0xFFFFFFFF (the one value past the last full cycle) is rejected.
    const random = scriptedRandom([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 5]);
    expect(uniformIndex(random, 3)).toBe(2);
    expect(random.taken()).toBe(8);
    // The largest accepted value for n = 3 is 0xFFFFFFFE.
    const edge = scriptedRandom([0xff, 0xff, 0xff, 0xfe]);
    expect(uniformIndex(edge, 3)).toBe(0xfffffffe % 3);
    expect(edge.taken()).toBe(4);
  });

  it('covers ranges of 1 and 2^32, and refuses others', () => {
    expect(uniformIndex(scriptedRandom([1, 2, 3, 4]), 1)).toBe(0);
    expect(uniformIndex(scriptedRandom([0xff, 0xff, 0xff, 0xff]), 2 ** 32)).toBe(2 ** 32 - 1);
    expect(() => uniformIndex(systemRandom, 0)).toThrow(RangeError);
    expect(() => uniformIndex(systemRandom, 2.5)).toThrow(RangeError);
  });

  it.each([10, 93, 7776])('spreads %i outcomes evenly (chi-square, seeded)', (n) => {
    const random = seededRandom(n);
    const counts = new Array<number>(n).fill(0);
    const samples = Math.max(100_000, n * 40);
    for (let i = 0; i < samples; i++) counts[uniformIndex(random, n)]! += 1;
    expect(chiSquare(counts)).toBeLessThan(chiSquareLimit(n - 1));
  });

  it('the chi-square check does catch a biased choice (byte mod 93)', () => {
    const random = seededRandom(1);
    const counts = new Array<number>(93).fill(0);
    for (let i = 0; i < 100_000; i++) counts[(random.bytes(1)[0] ?? 0) % 93]! += 1;
    expect(chiSquare(counts)).toBeGreaterThan(chiSquareLimit(92));
  });
});

describe('random passwords', () => {
  it('have the asked length and at least one character of every class, every time', () => {
    for (let i = 0; i < 300; i++) {
      const length = 4 + (i % 40);
      const { password } = generateRandomPassword(systemRandom, { kind: 'random', length });
      expect([...password]).toHaveLength(length);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[0-9]/);
      expect(password).toMatch(/[^a-zA-Z0-9]/);
    }
  });

  it('leave out symbols and look-alike characters on request', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const { password } = generateRandomPassword(systemRandom, {
        kind: 'random',
        length: 24,
        symbols: false,
        excludeAmbiguous: true,
      });
      expect(password).toMatch(/^[a-zA-Z0-9]{24}$/);
      for (const c of password) seen.add(c);
    }
    for (const c of AMBIGUOUS_CHARACTERS) expect(seen.has(c)).toBe(false);
    // Everything else of the three classes does occur.
    expect(seen.size).toBe(
      62 - [...AMBIGUOUS_CHARACTERS].filter((c) => /[a-z0-9]/i.test(c)).length,
    );
  });

  it('use one class alone when asked, and refuse impossible requests', () => {
    const { password } = generateRandomPassword(systemRandom, {
      kind: 'random',
      length: 12,
      lowercase: false,
      uppercase: false,
      symbols: false,
    });
    expect(password).toMatch(/^[0-9]{12}$/);
    expect(
      invalid(() =>
        generateRandomPassword(systemRandom, {
          kind: 'random',
          lowercase: false,
          uppercase: false,
          digits: false,
          symbols: false,
        }),
      ).message,
    ).toContain('at least one kind of character');
    expect(
      invalid(() => generateRandomPassword(systemRandom, { kind: 'random', length: 3 })).message,
    ).toContain('from 4 to 128');
    expect(
      invalid(() => generateRandomPassword(systemRandom, { kind: 'random', length: 129 })).message,
    ).toContain('password length');
    expect(() => generateRandomPassword(systemRandom, { kind: 'random', length: 4 })).not.toThrow();
  });

  it('choose every character of a class equally often (chi-square per class, seeded)', () => {
    const random = seededRandom(42);
    const classes = characterClasses({ kind: 'random' });
    const counts = classes.map((set) => new Map([...set].map((c) => [c, 0])));
    for (let i = 0; i < 4000; i++) {
      for (const c of generateRandomPassword(random, { kind: 'random', length: 20 }).password) {
        const index = classes.findIndex((set) => set.includes(c));
        const map = counts[index]!;
        map.set(c, (map.get(c) ?? 0) + 1);
      }
    }
    for (const map of counts) {
      expect(chiSquare([...map.values()])).toBeLessThan(chiSquareLimit(map.size - 1));
    }
  });

  it('report the exact entropy: log2 of the number of passwords that cover every class', () => {
    // Brute force over a tiny alphabet agrees with inclusion–exclusion.
    const classes = ['ab', '1'];
    let covering = 0;
    const alphabet = 'ab1';
    for (let i = 0; i < 27; i++) {
      const word = [0, 1, 2].map((p) => alphabet[Math.floor(i / 3 ** p) % 3]).join('');
      if (/[ab]/.test(word) && word.includes('1')) covering++;
    }
    expect(countCovering(classes, 3)).toBe(BigInt(covering));

    const all = characterClasses({ kind: 'random' }).join('').length;
    expect(all).toBe(26 + 26 + 10 + 31);
    const { entropyBits } = generateRandomPassword(systemRandom, { kind: 'random', length: 20 });
    // Slightly less than 20 × log2(93) = 130.78, since a few draws miss a class.
    expect(entropyBits).toBeGreaterThan(130.4);
    expect(entropyBits).toBeLessThan(20 * Math.log2(93));
    const digitsOnly = generateRandomPassword(systemRandom, {
      kind: 'random',
      length: 10,
      lowercase: false,
      uppercase: false,
      symbols: false,
    });
    expect(digitsOnly.entropyBits).toBeCloseTo(10 * Math.log2(10), 2);
  });
});

describe('passphrases', () => {
  it("come from EFF's large word list less its 4 hyphenated words: 7,772 distinct words", () => {
    expect(PASSPHRASE_WORDLIST).toHaveLength(7772);
    expect(new Set(PASSPHRASE_WORDLIST).size).toBe(7772);
    expect(PASSPHRASE_WORDLIST[0]).toBe('abacus');
    expect(PASSPHRASE_WORDLIST.at(-1)).toBe('zoom');
    expect(PASSPHRASE_WORDLIST.every((word) => /^[a-z]{3,9}$/.test(word))).toBe(true);
  });

  it('have the asked number of words, the separator, and 12.92 bits per word', () => {
    const words = new Set(PASSPHRASE_WORDLIST);
    for (const count of [3, 6, 20]) {
      const { password, entropyBits } = generatePassphrase(systemRandom, {
        kind: 'passphrase',
        words: count,
        separator: ' ',
      });
      const parts = password.split(' ');
      expect(parts).toHaveLength(count);
      for (const part of parts) expect(words.has(part)).toBe(true);
      expect(entropyBits).toBeCloseTo(count * Math.log2(7772), 2);
    }
    const byDefault = generatePassphrase(systemRandom, { kind: 'passphrase' });
    expect(byDefault.password.split('-')).toHaveLength(6);
    expect(byDefault.entropyBits).toBeCloseTo(77.54, 2);
  });

  it('refuse a letter or nothing as the separator, and word counts out of range', () => {
    expect(
      invalid(() => generatePassphrase(systemRandom, { kind: 'passphrase', separator: 'x' }))
        .message,
    ).toContain('not letters');
    invalid(() => generatePassphrase(systemRandom, { kind: 'passphrase', separator: '' }));
    invalid(() => generatePassphrase(systemRandom, { kind: 'passphrase', words: 2 }));
    invalid(() => generatePassphrase(systemRandom, { kind: 'passphrase', words: 21 }));
  });

  it('pick words evenly (chi-square over the first letters, seeded)', () => {
    const random = seededRandom(7);
    const byLetter = new Map<string, number>();
    const expected = new Map<string, number>();
    for (const word of PASSPHRASE_WORDLIST)
      expected.set(word[0]!, (expected.get(word[0]!) ?? 0) + 1);
    const draws = 60_000;
    for (let i = 0; i < draws / 6; i++) {
      for (const word of generatePassphrase(random, { kind: 'passphrase' }).password.split('-')) {
        byLetter.set(word[0]!, (byLetter.get(word[0]!) ?? 0) + 1);
      }
    }
    let chi = 0;
    for (const [letter, inList] of expected) {
      const mean = (draws * inList) / PASSPHRASE_WORDLIST.length;
      chi += ((byLetter.get(letter) ?? 0) - mean) ** 2 / mean;
    }
    expect(chi).toBeLessThan(chiSquareLimit(expected.size - 1));
  });
});

describe('generatePassword', () => {
  it('returns the password with its kind, entropy and a strength estimate', () => {
    const random = generatePassword(systemRandom, { kind: 'random', length: 16 });
    expect(random.kind).toBe('random');
    expect(random.password).toHaveLength(16);
    expect(random.strength.score).toBe(4);
    const phrase = generatePassword(systemRandom, { kind: 'passphrase', words: 5 });
    expect(phrase.kind).toBe('passphrase');
    expect(phrase.entropyBits).toBeCloseTo(64.62, 2);
    expect(phrase.strength.guessTimes).toHaveLength(4);
  });
});
