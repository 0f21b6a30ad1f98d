import { describe, expect, it } from 'vitest';
import {
  looksLikeDate,
  looksLikePhoneNumber,
  parseCodeBlock,
} from '../../../src/core/backup-codes/code-block-parser.js';

const codes = (text: string) => parseCodeBlock(text).codes.map((found) => found.code);

describe('the code-block parser at its edges', () => {
  it('reports a code listed twice, keeps it once, and is then unsure', () => {
    const parsed = parseCodeBlock('1234 5678\n2345 6789\n3456 7890\n1234-5678\n');
    expect(parsed.codes.map((found) => found.code)).toEqual([
      '1234 5678',
      '2345 6789',
      '3456 7890',
    ]);
    expect(parsed.duplicates).toEqual([{ code: '1234 5678', lines: [1, 4] }]);
    expect(parsed.sure).toBe(false);
    expect(parsed.doubts).toEqual([
      '"1234 5678" appears more than once (lines 1 and 4); it is kept once.',
    ]);
  });

  it('keeps a code of another length but doubts it', () => {
    const parsed = parseCodeBlock('12345678\n23456789\n34567890\n1234567890\n');
    expect(parsed.codes.at(-1)).toEqual({
      code: '1234567890',
      normalized: '1234567890',
      line: 4,
      doubt: 'has 10 characters; the other codes have 8',
    });
    expect(parsed.sure).toBe(false);
  });

  it('doubts codes that are short for backup codes', () => {
    const parsed = parseCodeBlock('123456\n234567\n');
    expect(parsed.codes).toHaveLength(2);
    expect(parsed.doubts[0]).toContain('only 6 characters');
  });

  it('splits two columns pasted onto one line by the pattern of the others; doubts a lone long one', () => {
    expect(codes('1111 2222\n3333 4444\n5555 6666 7777 8888\n')).toEqual([
      '1111 2222',
      '3333 4444',
      '5555 6666',
      '7777 8888',
    ]);
    const lone = parseCodeBlock('1234 5678 9012 3456');
    expect(lone.codes[0]?.doubt).toBe('could be one code or 2 shorter ones');
  });

  it('takes a labelled code, but not a one-time code or a secret that is labelled', () => {
    expect(parseCodeBlock('Your backup code: hqw7p2pv14wy')).toMatchObject({
      codes: [{ code: 'hqw7p2pv14wy', doubt: null }],
      sure: true,
    });
    const otp = parseCodeBlock(
      'Or enter code: 3QBZ4M6LXXCLYJQP\nEnter the verification code: 482913',
    );
    expect(otp.codes).toEqual([]);
    expect(otp.ignored.map((item) => item.reason)).toEqual([
      'is not labelled as a code',
      'is not labelled as a code',
    ]);
  });

  it('finds a code inside a sentence only with doubt, and never a username or a password', () => {
    const inSentence = parseCodeBlock('Your recovery code is 94ZMJ-PWC6B-QM8TC-532AG-WUV7M.');
    expect(inSentence.codes[0]).toMatchObject({
      code: '94ZMJ-PWC6B-QM8TC-532AG-WUV7M',
      doubt: 'was found inside a sentence',
    });
    expect(
      codes(
        'Codes for nightowl2007, keep them safe.\nabcd-1234\nefgh-5678\nPassword: Xk9mPq2vL8wR',
      ),
    ).toEqual(['abcd-1234', 'efgh-5678']);
  });

  it('takes an all-letter code that fits the others, and not words that do not', () => {
    expect(codes('abcd efgh\nijk2 mn3p\nqrst uvwx\nget new codes\nfolder\n')).toEqual([
      'abcd efgh',
      'ijk2 mn3p',
      'qrst uvwx',
    ]);
    expect(codes('Download\nPrint\nProceed\nkeep them safe')).toEqual([]);
  });

  it('reads bullets, checkboxes, numbering styles, full-width digits, en dashes and CRLF', () => {
    expect(
      codes('• 1111-2222\r\n☐ 3333-4444\r\n#3 5555-6666\r\n4) 7777–8888\r\n(5) ９９９９-００００'),
    ).toEqual(['1111-2222', '3333-4444', '5555-6666', '7777-8888', '9999-0000']);
  });

  it('leaves out dates and phone numbers: doubtful on a line of their own, not after a label', () => {
    const parsed = parseCodeBlock(
      'abcd-1234\nefgh-5678\n2026-05-03\n+44 20 7946 0958\nCreated: 03.05.2026\nPhone: (555) 123-4567',
    );
    expect(parsed.codes.map((found) => found.code)).toEqual(['abcd-1234', 'efgh-5678']);
    expect(parsed.ignored.map((item) => [item.text, item.reason])).toEqual([
      ['2026-05-03', 'looks like a date'],
      ['+44 20 7946 0958', 'looks like a phone number'],
      ['03.05.2026', 'looks like a date'],
      ['(555) 123-4567', 'looks like a phone number'],
    ]);
    expect(parsed.doubts).toHaveLength(2);
  });

  it('says so when nothing is found, and leaves out a token too long to be a code', () => {
    expect(parseCodeBlock('')).toMatchObject({
      codes: [],
      sure: false,
      doubts: ['No backup codes were found in the text.'],
    });
    expect(parseCodeBlock('a'.repeat(30) + '1'.repeat(40)).ignored[0]?.reason).toContain(
      'too long for a backup code',
    );
  });

  it('tells dates and phone numbers from codes', () => {
    expect(['2026-05-03', '03/05/2026', '12.31.2026', '2026 5 3'].map(looksLikeDate)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['2026-13-45', '1234-5678', '12345678'].map(looksLikeDate)).toEqual([
      false,
      false,
      false,
    ]);
    expect(
      ['+1 555 123 4567', '0800 123 4567', '(555) 123-4567', '1234 5678 9012', '1234 5678'].map(
        looksLikePhoneNumber,
      ),
    ).toEqual([true, true, true, false, false]);
  });
});
