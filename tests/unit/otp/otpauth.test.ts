import { describe, expect, it } from 'vitest';
import { VaultError } from '../../../src/shared/errors.js';
import { decodeBase32Secret } from '../../../src/core/otp/base32-secret.js';
import { formatOtpauthUri, parseOtpauthUri } from '../../../src/core/otp/otpauth.js';

function invalid(uri: string): VaultError {
  try {
    parseOtpauthUri(uri);
  } catch (error) {
    expect(error).toBeInstanceOf(VaultError);
    expect((error as VaultError).code).toBe('INVALID_INPUT');
    return error as VaultError;
  }
  throw new Error(`"${uri}" was accepted`);
}

describe('parsing otpauth URIs (Key Uri Format)', () => {
  it("reads Google's example with defaults", () => {
    const entry = parseOtpauthUri(
      'otpauth://totp/Example:alice@google.com?secret=JBSWY3DPEHPK3PXP&issuer=Example',
    );
    expect(entry).toMatchObject({
      issuer: 'Example',
      accountName: 'alice@google.com',
      seed: {
        type: 'totp',
        secret: 'JBSWY3DPEHPK3PXP',
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
        counter: 0,
      },
    });
  });

  it('decodes URL-encoded labels and issuers, with a space after the colon', () => {
    const entry = parseOtpauthUri(
      'otpauth://totp/ACME%20Co:%20john.doe%40email.com?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30',
    );
    expect(entry.issuer).toBe('ACME Co');
    expect(entry.accountName).toBe('john.doe@email.com');
  });

  it('takes the issuer from the label when there is no issuer parameter', () => {
    expect(parseOtpauthUri('otpauth://totp/GitHub:octocat?secret=JBSWY3DPEHPK3PXP').issuer).toBe(
      'GitHub',
    );
  });

  it('lets the issuer parameter win over the label prefix', () => {
    expect(parseOtpauthUri('otpauth://totp/Old:me?secret=JBSWY3DPEHPK3PXP&issuer=New').issuer).toBe(
      'New',
    );
  });

  it('accepts a label with no issuer at all', () => {
    expect(
      parseOtpauthUri('otpauth://totp/me%40example.com?secret=JBSWY3DPEHPK3PXP'),
    ).toMatchObject({
      issuer: '',
      accountName: 'me@example.com',
    });
  });

  it('accepts lowercase parameter values and a plus-encoded issuer', () => {
    const entry = parseOtpauthUri(
      'otpauth://TOTP/Air%20Canada:B?secret=jbswy3dpehpk3pxp&issuer=Air+Canada&algorithm=sha256',
    );
    expect(entry.issuer).toBe('Air Canada');
    expect(entry.seed.algorithm).toBe('SHA256');
    // The key is kept as given; its bytes are what every app reads from it.
    expect(entry.seed.secret).toBe('jbswy3dpehpk3pxp');
    expect(decodeBase32Secret(entry.seed.secret)).toEqual(decodeBase32Secret('JBSWY3DPEHPK3PXP'));
  });

  it('accepts base32 with spaces and "=" padding, kept as given and written back compact', () => {
    const spaced = parseOtpauthUri('otpauth://totp/X:y?secret=JBSW%20Y3DP%20EHPK%203PXP');
    const padded = parseOtpauthUri(
      'otpauth://totp/X:y?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ%3D%3D%3D%3D%3D%3D',
    );
    expect(spaced.seed.secret).toBe('JBSW Y3DP EHPK 3PXP');
    expect(padded.seed.secret).toBe('4SJHB4GSD43FZBAI7C2HLRJGPQ======');
    expect(formatOtpauthUri('X', 'y', spaced.seed)).toContain('secret=JBSWY3DPEHPK3PXP&');
    expect(formatOtpauthUri('X', 'y', padded.seed)).toContain('secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&');
  });

  it('reads HOTP with its counter, and Steam as a type or as encoder=steam', () => {
    expect(
      parseOtpauthUri(
        'otpauth://hotp/WWE:Mason?secret=5VAML3X35THCEBVRLV24CGBKOY&algorithm=SHA512&digits=8&counter=10300',
      ).seed,
    ).toMatchObject({ type: 'hotp', counter: 10300, digits: 8, algorithm: 'SHA512' });
    expect(
      parseOtpauthUri('otpauth://steam/Boeing:Sophia?secret=JRZCL47CMXVOQMNPZR2F7J4RGI&digits=5')
        .seed,
    ).toMatchObject({ type: 'steam', digits: 5 });
    expect(
      parseOtpauthUri(
        'otpauth://totp/Steam:me?secret=63BEDWCQZKTQWPESARIERL5DTTQFCJTK&encoder=steam',
      ).seed.type,
    ).toBe('steam');
  });

  it("keeps other apps' parameters (Ente's codeDisplay) as extras", () => {
    const entry = parseOtpauthUri(
      'otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP&codeDisplay=%7B%22tags%22%3A%5B%5D%7D',
    );
    expect(entry.extra.codedisplay).toBe('{"tags":[]}');
  });
});

describe('bad otpauth input is refused with the problem named', () => {
  it.each([
    ['not a URI at all', 'hello world', /not an otpauth/],
    ['an http URL', 'https://example.com/?secret=JBSWY3DPEHPK3PXP', /not an otpauth/],
    ['an empty string', '', /empty/],
    ['an unknown type', 'otpauth://motp/X:y?secret=JBSWY3DPEHPK3PXP', /Unknown OTP type "motp"/],
    ['no secret', 'otpauth://totp/X:y?issuer=X', /no secret/],
    ['an empty secret', 'otpauth://totp/X:y?secret=', /secret is empty/],
    [
      'a character outside base32',
      'otpauth://totp/X:y?secret=JBSWY3DPEHPK3PX1',
      /"1" at position 16/,
    ],
    ['padding in the middle', 'otpauth://totp/X:y?secret=JBSW%3DY3DP', /padding/],
    ['a one-character secret', 'otpauth://totp/X:y?secret=J', /single Base32 character/],
    [
      'a secret longer than any HMAC uses',
      `otpauth://totp/X:y?secret=${'A'.repeat(257)}`,
      /257 Base32 characters; a setup key is at most 256/,
    ],
    [
      'an unknown algorithm',
      'otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP&algorithm=MD5',
      /Unknown algorithm "MD5"/,
    ],
    [
      'too few digits',
      'otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP&digits=5',
      /6 to 8 digits, not 5/,
    ],
    [
      'too many digits',
      'otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP&digits=9',
      /6 to 8 digits, not 9/,
    ],
    ['non-numeric digits', 'otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP&digits=six', /whole number/],
    ['period 0', 'otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP&period=0', /at least 1 second, not 0/],
    ['a negative period', 'otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP&period=-30', /whole number/],
    ['a negative counter', 'otpauth://hotp/X:y?secret=JBSWY3DPEHPK3PXP&counter=-1', /whole number/],
    [
      'a parameter given twice',
      'otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP&secret=ABCDEFGH',
      /twice/,
    ],
    [
      'broken percent-encoding',
      'otpauth://totp/X%E0%A4%A:y?secret=JBSWY3DPEHPK3PXP',
      /URL-encoded/,
    ],
    ['Steam with 6 digits', 'otpauth://steam/X:y?secret=JBSWY3DPEHPK3PXP&digits=6', /5 characters/],
  ])('%s', (_name, uri, message) => {
    expect(invalid(uri).message).toMatch(message);
  });
});

describe('writing otpauth URIs', () => {
  it('round-trips every field, including encoded labels', () => {
    const original = parseOtpauthUri(
      'otpauth://hotp/Air%20Canada:Benjamin%20%26%20co?secret=KUVJJOM753IHTNDSZVCNKL7GII&issuer=Air+Canada&algorithm=SHA256&digits=7&counter=50',
    );
    const uri = formatOtpauthUri(original.issuer, original.accountName, original.seed);
    expect(uri).toBe(
      'otpauth://hotp/Air%20Canada:Benjamin%20%26%20co?secret=KUVJJOM753IHTNDSZVCNKL7GII&issuer=Air%20Canada&algorithm=SHA256&digits=7&counter=50',
    );
    expect(parseOtpauthUri(uri)).toEqual({ ...original, extra: {} });
  });

  it('round-trips TOTP and Steam seeds', () => {
    for (const text of [
      'otpauth://totp/SPDX:James?secret=5OM4WOOGPLQEF6UGN3CPEOOLWU&issuer=SPDX&algorithm=SHA256&digits=7&period=20',
      'otpauth://steam/Boeing:Sophia?secret=JRZCL47CMXVOQMNPZR2F7J4RGI&issuer=Boeing&algorithm=SHA1&digits=5&period=30',
    ]) {
      const entry = parseOtpauthUri(text);
      expect(formatOtpauthUri(entry.issuer, entry.accountName, entry.seed)).toBe(text);
    }
  });
});

describe('base32 secrets', () => {
  it('decodes the same bytes whatever the case, spacing or padding', () => {
    const bytes = decodeBase32Secret('4SJHB4GSD43FZBAI7C2HLRJGPQ');
    expect(decodeBase32Secret('4sjh b4gs d43f zbai 7c2h lrjg pq')).toEqual(bytes);
    expect(decodeBase32Secret('4SJHB4GSD43FZBAI7C2HLRJGPQ======')).toEqual(bytes);
    expect(bytes).toHaveLength(16);
  });
});
