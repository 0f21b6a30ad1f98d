import { describe, expect, it } from 'vitest';
import {
  base32SecretWarnings,
  compactBase32Secret,
  decodeBase32Secret,
  encodeBase32Secret,
  groupBase32,
  MAX_SECRET_CHARACTERS,
  readBase32Secret,
} from '../../../src/core/otp/base32-secret.js';
import { timeBasedCodes } from '../../../src/core/otp/codes.js';
import { formatOtpauthUri } from '../../../src/core/otp/otpauth.js';
import { makeSeed, seedWarnings } from '../../../src/core/otp/seed.js';
import { vaultErrorOf } from '../../support/errors.js';

function expectRefusal(fn: () => unknown, message: RegExp): void {
  const error = vaultErrorOf(fn);
  expect(error.code).toBe('INVALID_INPUT');
  expect(error.message).toMatch(message);
}

/**
 * Setup keys as people and other apps give them (issue 16 item 5, issue 18):
 * kept as typed, any Base32 length accepted with its leftover bits ignored (as
 * other apps do), a warning under 128 bits and for odd lengths, Steam's base64
 * accepted, and a length limit.
 */

describe('a setup key is kept as it was given', () => {
  it('keeps "hello world" as typed, and says it is short and of an odd length', () => {
    const seed = makeSeed({ secret: '  hello world ' });
    expect(seed.secret).toBe('hello world');
    expect(groupBase32(seed.secret)).toBe('hello world');
    // Ten characters are 50 bits: six whole bytes; the last two bits are dropped.
    expect(decodeBase32Secret(seed.secret)).toEqual(decodeBase32Secret('HELLOWORLA'));
    expect(seedWarnings(seed)).toEqual([
      expect.stringMatching(/^This setup key is 48 bits long; RFC 4226 asks for at least 128/),
    ]);
  });

  it('shows a key given without spaces in groups of four, and one with its own spacing as given', () => {
    expect(groupBase32('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP');
    expect(groupBase32('jbsw-y3dp-ehpk-3pxp')).toBe('jbsw-y3dp-ehpk-3pxp');
  });

  it.each([9, 11, 14, 17, 19])(
    'accepts %i characters, ignores the leftover bits as other apps do, and warns',
    (length) => {
      const secret = 'JDJDBDBDDBDBBXBXBXHSHDBXB'.slice(0, length);
      const read = readBase32Secret(secret);
      expect(read.oddLength).toBe(true);
      expect(read.bytes).toHaveLength(Math.floor((length * 5) / 8));
      // The same bytes as the key cut to its whole bytes and re-encoded.
      expect(encodeBase32Secret(read.bytes)).toBe(
        encodeBase32Secret(decodeBase32Secret(`${secret}A`).subarray(0, read.bytes.length)),
      );
      const seed = makeSeed({ secret });
      expect(seed.secret).toBe(secret);
      expect(formatOtpauthUri('X', 'y', seed)).toContain(`secret=${secret}&`);
      expect(seedWarnings(seed).join(' ')).toMatch(
        new RegExp(`has ${length} characters, a length no whole number of bytes gives`),
      );
    },
  );

  it('gives no warning for a 160-bit key of a normal length', () => {
    expect(base32SecretWarnings('HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ')).toEqual([]);
    // 26 characters are how 128-bit keys are written: 2 leftover bits, not an odd length.
    expect(base32SecretWarnings('4SJHB4GSD43FZBAI7C2HLRJGPQ')).toEqual([]);
  });

  it('warns for an 80-bit key (16 characters), which still works', () => {
    const seed = makeSeed({ secret: 'JBSWY3DPEHPK3PXP' });
    expect(seedWarnings(seed)).toEqual([expect.stringMatching(/80 bits long/)]);
    expect(timeBasedCodes('x', seed, 59_000).current).toMatch(/^\d{6}$/);
  });

  it('writes the characters back upper-cased, without separators or padding', () => {
    expect(compactBase32Secret(' jbsw-y3dp ehpk 3pxp==== ')).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses a key longer than any HMAC uses, and a single character, naming the problem', () => {
    expect(() => makeSeed({ secret: 'A'.repeat(MAX_SECRET_CHARACTERS) })).not.toThrow();
    expectRefusal(
      () => makeSeed({ secret: 'A'.repeat(MAX_SECRET_CHARACTERS + 1) }),
      /257 Base32 characters; a setup key is at most 256/,
    );
    expectRefusal(
      () => makeSeed({ secret: 'AB '.repeat(200) }),
      /599 characters long; a setup key is at most 256 Base32 characters/,
    );
    expectRefusal(() => makeSeed({ secret: 'J' }), /single Base32 character/);
  });
});

describe('Steam secrets in base64', () => {
  // Steam Desktop Authenticator keeps shared_secret as base64 of 20 bytes.
  const sharedSecret = 'dGhpcyBpcyBhIHN0ZWFtIGtleTA=';
  const bytes = new Uint8Array(Buffer.from(sharedSecret, 'base64'));

  it('are read as their 20 bytes and kept as Base32', () => {
    const seed = makeSeed({ type: 'steam', secret: sharedSecret });
    expect(seed.secret).toBe(encodeBase32Secret(bytes));
    expect(decodeBase32Secret(seed.secret)).toEqual(bytes);
    expect(seedWarnings(seed)).toEqual([]);
    expect(timeBasedCodes('x', seed, 59_000).current).toMatch(/^[2-9BCDFGHJKMNPQRTVWXY]{5}$/);
  });

  it('given for another type, are refused with a hint to choose Steam', () => {
    expectRefusal(
      () => makeSeed({ secret: sharedSecret }),
      /looks like a Steam secret in base64.*choose the Steam Guard type/,
    );
  });

  it('do not swallow a Base32 Steam key', () => {
    const seed = makeSeed({ type: 'steam', secret: 'JRZCL47CMXVOQMNPZR2F7J4RGI' });
    expect(seed.secret).toBe('JRZCL47CMXVOQMNPZR2F7J4RGI');
  });
});
