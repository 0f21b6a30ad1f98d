import { describe, expect, it } from 'vitest';
import type { OtpSeed } from '../../../src/shared/domain.js';
import { encodeBase32Secret } from '../../../src/core/otp/base32-secret.js';
import { codeForCounter, timeBasedCodes } from '../../../src/core/otp/codes.js';
import { makeSeed } from '../../../src/core/otp/seed.js';

const ascii = (text: string) => encodeBase32Secret(new TextEncoder().encode(text));

// RFC 6238 appendix B: the seed is the ASCII string "12345678901234567890" repeated
// to the hash's block-relevant length for each algorithm.
const RFC6238_SEEDS = {
  SHA1: ascii('12345678901234567890'),
  SHA256: ascii('12345678901234567890123456789012'),
  SHA512: ascii('1234567890123456789012345678901234567890123456789012345678901234'),
} as const;

const RFC6238: [number, string, string, string][] = [
  // time (s), SHA1, SHA256, SHA512
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

describe('TOTP (RFC 6238 appendix B)', () => {
  for (const [time, sha1, sha256, sha512] of RFC6238) {
    for (const [algorithm, expected] of [
      ['SHA1', sha1],
      ['SHA256', sha256],
      ['SHA512', sha512],
    ] as const) {
      it(`${algorithm} at ${time}s is ${expected}`, () => {
        const seed = makeSeed({ secret: RFC6238_SEEDS[algorithm], algorithm, digits: 8 });
        expect(timeBasedCodes('a', seed, time * 1000).current).toBe(expected);
      });
    }
  }
});

describe('HOTP (RFC 4226 appendix D)', () => {
  const expected = [
    '755224',
    '287082',
    '359152',
    '969429',
    '338314',
    '254676',
    '287922',
    '162583',
    '399871',
    '520489',
  ];
  const seed: OtpSeed = makeSeed({ type: 'hotp', secret: ascii('12345678901234567890') });
  expected.forEach((code, counter) => {
    it(`counter ${counter} is ${code}`, () => {
      expect(codeForCounter(seed, counter)).toBe(code);
    });
  });
});

describe('Steam Guard', () => {
  // Pairs recorded from the Steam mobile app (as published in KeePassXC's test suite).
  const seed = makeSeed({ type: 'steam', secret: '63BEDWCQZKTQWPESARIERL5DTTQFCJTK' });
  it.each([
    [1511200518, 'FR8RV'],
    [1511200714, '9P3VP'],
  ])('at %is is %s', (time, code) => {
    expect(timeBasedCodes('a', seed, time * 1000).current).toBe(code);
  });
});

describe('time steps', () => {
  const seed = makeSeed({ secret: RFC6238_SEEDS.SHA1, digits: 8 });

  it('shows the previous and next codes and the seconds left in the step', () => {
    const view = timeBasedCodes('a', seed, 1111111111_000);
    expect(view.previous).toBe(timeBasedCodes('a', seed, (1111111111 - 30) * 1000).current);
    expect(view.next).toBe(timeBasedCodes('a', seed, (1111111111 + 30) * 1000).current);
    // 1111111111 = 37037037 * 30 + 1: one second into the step.
    expect(view.secondsRemaining).toBe(29);
  });

  it('has no previous code at the epoch', () => {
    expect(timeBasedCodes('a', seed, 0).previous).toBeNull();
  });

  it('honours a non-standard period', () => {
    const long = makeSeed({ secret: RFC6238_SEEDS.SHA1, period: 60 });
    // Both instants fall in step 1 of 60 s (60..119 s).
    expect(timeBasedCodes('a', long, 61_000).current).toBe(
      timeBasedCodes('a', long, 119_000).current,
    );
    expect(timeBasedCodes('a', long, 61_000).secondsRemaining).toBe(59);
  });
});
