import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCodeBlock } from '../../../src/core/backup-codes/code-block-parser.js';

/**
 * Real layouts, as each site shows or downloads its codes (see
 * tests/fixtures/code-blocks/README.md). Each test names exactly the codes a
 * person would count, in the order the site lists them.
 */
function parseFixture(name: string) {
  return parseCodeBlock(readFileSync(join('tests/fixtures/code-blocks', name), 'utf8'));
}

function codesOf(name: string): string[] {
  return parseFixture(name).codes.map((found) => found.code);
}

/** In Google's own numbering (the sheet has two columns: 1-5 on the left, 6-10 on the right). */
const GOOGLE = [
  '6432 9632',
  '0954 0266',
  '3479 8712',
  '4205 8951',
  '2040 1563',
  '1541 4640',
  '8801 6226',
  '8369 9803',
  '6305 8827',
  '8032 6121',
];

describe('pasted code blocks from real sites', () => {
  it('Google: the downloaded Backup-codes file (two numbered columns, e-mail, notes)', () => {
    const parsed = parseFixture('google-download.txt');
    expect(parsed.codes.map((found) => found.code)).toEqual(GOOGLE);
    expect(parsed.codes.map((found) => found.normalized)).toContain('64329632');
    expect(parsed).toMatchObject({ sure: true, doubts: [], duplicates: [] });
  });

  it('Google: the printed sheet copied from a PDF (columns run together on one line)', () => {
    const parsed = parseFixture('google-pdf-copy.txt');
    expect(parsed.codes.map((found) => found.code)).toEqual(GOOGLE);
    expect(parsed.sure).toBe(true);
  });

  it('GitHub: github-recovery-codes.txt (16 codes, one with no digit)', () => {
    const parsed = parseFixture('github-recovery-codes.txt');
    expect(parsed.codes.map((found) => found.code)).toEqual([
      '12859-60780',
      'e1cd6-fe832',
      '2c439-b7ed2',
      '8db65-1c2c5',
      '94c88-25578',
      '29ef2-7f94a',
      '1711c-e3e2a',
      '7e6d5-aac36',
      '1fa0e-b85ed',
      '1c538-c76ba',
      '20a11-3ea18',
      'adeeb-efbbf',
      '31c0a-d71a5',
      'b4af9-352f6',
      'cf6ab-69cfa',
      '4728a-3588d',
    ]);
    expect(parsed.sure).toBe(true);
  });

  it('GitHub: the settings page copied whole (two columns, buttons, advice)', () => {
    const parsed = parseFixture('github-settings-page.txt');
    expect(parsed.codes.map((found) => found.code)).toEqual([
      '5eade-424e6',
      'fb475-07c21',
      '462de-8e0ad',
      'c9697-18c84',
      'a1147-e1ae0',
      'cf6ca-16d9d',
      '52cee-c4043',
      'd9f31-c76c9',
      '7f7d8-15448',
      '2934b-9d11d',
      '660ae-3dc08',
      '734a2-2962a',
      '1b753-86d74',
      '9d8e9-f6fd3',
      '16696-4686e',
      '8d476-70d71',
    ]);
    expect(parsed.sure).toBe(true);
  });

  it('Microsoft: the one 25-character recovery code', () => {
    const parsed = parseFixture('microsoft-recovery-code.txt');
    expect(parsed.codes.map((found) => found.code)).toEqual(['94ZMJ-PWC6B-QM8TC-532AG-WUV7M']);
    expect(parsed.codes[0]?.normalized).toBe('94zmjpwc6bqm8tc532agwuv7m');
    expect(parsed.sure).toBe(true);
  });

  it('Meta: Facebook recovery codes from Accounts Center', () => {
    const parsed = parseFixture('meta-facebook.txt');
    expect(parsed.codes.map((found) => found.code)).toEqual([
      '5879 0831',
      '2433 7515',
      '0097 6469',
      '4596 0422',
      '8105 5828',
      '1043 6731',
      '1565 7959',
      '4162 5065',
      '7164 4991',
      '5651 1153',
    ]);
    expect(parsed.sure).toBe(true);
  });

  it('Meta: Instagram backup codes (five, under the username)', () => {
    const parsed = parseFixture('meta-instagram.txt');
    expect(parsed.codes.map((found) => found.code)).toEqual([
      '5932 4163',
      '6049 8299',
      '2069 8210',
      '4524 3424',
      '5056 0191',
    ]);
    expect(parsed.sure).toBe(true);
  });

  it('Discord: discord_backup_codes.txt (bullets; a username with digits; a code with none)', () => {
    const parsed = parseFixture('discord_backup_codes.txt');
    expect(parsed.codes.map((found) => found.code)).toEqual([
      'brlv-px0w',
      'bnfd-7gpa',
      'np0r-yx8d',
      'nrek-xgdw',
      'x6si-h1qt',
      '7r1v-8bnf',
      'ok0c-66m5',
      'btu9-86rw',
      '01yq-zwj5',
      '68ir-rs52',
    ]);
    expect(parsed.sure).toBe(true);
  });

  it('X: the single backup code', () => {
    const parsed = parseFixture('x-backup-code.txt');
    expect(parsed.codes.map((found) => found.code)).toEqual(['hqw7p2pv14wy']);
    expect(parsed.sure).toBe(true);
  });

  it('GitLab: recovery codes shown after enabling 2FA', () => {
    const parsed = parseFixture('gitlab.txt');
    expect(parsed.codes.map((found) => found.code)).toEqual([
      '7fe4442e8fac4156',
      'b69efe9728a0971c',
      'd8d12f558baba943',
      '7cc2b2e8cdf46bee',
      'a0653f5eb08c8eca',
      '554a3c6aa21d5228',
      '57e9295789dc5b26',
      'b7528b7b4a1ae179',
      'ac9b389e6a83d8c0',
      'baa31858ef76a3eb',
    ]);
    expect(parsed.sure).toBe(true);
  });

  it('PyPI: account recovery codes', () => {
    const parsed = parseFixture('pypi.txt');
    expect(parsed.codes.map((found) => found.code)).toEqual([
      '1edc58719a8449d9',
      'c63fb62ded3f9b31',
      '2b745090c63b1149',
      '9317075f3c2c226e',
      'df5810095b6deafe',
      '62d52ae725f01612',
      '541e99b9b554523f',
      'ba211d2269f83688',
    ]);
    expect(parsed.sure).toBe(true);
  });

  it('npm: `npm profile enable-2fa` output, leaving out the one-time code typed before', () => {
    const parsed = parseFixture('npm-enable-2fa.txt');
    expect(parsed.codes.map((found) => found.code)).toEqual([
      'b18e07a67bd0164cff57f5074f8cb181d929265214ec39b13d4797a47fb92612',
      '37a177d1d13e7b79843f4f04f41728e99f80ce13a09a33ada7a1fde82327923b',
      '88e1b9bd96dde517b642087402f8cc980fcc41f2c9e7a5e99d4fa942a72ca60a',
      '115f943d8ada6ce4ae64ce20647230b4d6bad54fda587cec765468736533e054',
      'a6f3797cc1e312e041a595f422932b3f975d41cc841cbc40bf52982e4c7cd699',
    ]);
    expect(parsed.ignored).toEqual([
      { text: '482913', line: 3, reason: 'does not look like the other codes' },
    ]);
    expect(parsed.sure).toBe(true);
  });

  const PROTON = ['06b62fdc', '3c409069', 'b46ded78', '2a117626', '690ad260', '9fc232a7'];

  it('Proton: the set-up dialog copied (two columns)', () => {
    const parsed = parseFixture('proton.txt');
    expect(parsed.codes.map((found) => found.code)).toEqual(PROTON);
    expect(parsed.sure).toBe(true);
  });

  it('Proton: proton_recovery_codes.txt (CRLF, no final newline)', () => {
    expect(codesOf('proton_recovery_codes.txt')).toEqual(PROTON);
  });

  it('Dropbox: backup codes under the e-mail address', () => {
    const parsed = parseFixture('dropbox.txt');
    expect(parsed.codes.map((found) => found.code)).toEqual([
      '19875492',
      '02871517',
      '14182646',
      '76395483',
      '28891801',
      '10399103',
      '57080121',
      '64560407',
      '65764962',
      '53843110',
    ]);
    expect(parsed.sure).toBe(true);
  });

  it('Apple: the 28-character recovery key, printed', () => {
    const parsed = parseFixture('apple-recovery-key.txt');
    expect(parsed.codes.map((found) => found.code)).toEqual(['Z5D6-5JRN-KCUS-66LB-5JHU-46X5-VYBH']);
    expect(parsed.sure).toBe(true);
  });

  it('Amazon: the 2SV settings page has no backup codes, and the parser says so', () => {
    const parsed = parseFixture('amazon-2sv-settings.txt');
    expect(parsed.codes).toEqual([]);
    expect(parsed.sure).toBe(false);
    expect(parsed.doubts).toEqual(['No backup codes were found in the text.']);
  });

  it('Slack: backup codes in two columns separated by spaces', () => {
    const parsed = parseFixture('slack.txt');
    expect(parsed.codes.map((found) => found.code)).toEqual([
      '92110836',
      '31411307',
      '25038801',
      '86303587',
      '99862733',
      '81739402',
      '43638083',
      '21917648',
      '64173713',
      '56265013',
    ]);
    expect(parsed.sure).toBe(true);
  });

  it('a password-manager export: a Bitwarden CSV row with codes in its notes, leaving out the username, password and seed', () => {
    const parsed = parseFixture('bitwarden-export.csv');
    expect(parsed.codes.map((found) => found.code)).toEqual([
      'b7d8b-786dd',
      'f7925-fe43d',
      '47d33-5bb3c',
      '8d780-8db68',
      'd68c9-e56b0',
      '7794b-f78fe',
      '544bf-308e7',
      '0db8e-5988f',
      'ea4dc-529b9',
      '2256f-d558a',
      '31c31-af2a4',
      'ab56e-80b10',
      '52490-7542b',
      'ac7c8-a1833',
      '04639-0419d',
      '1d9a5-3e8c4',
    ]);
    expect(parsed.sure).toBe(true);
  });

  it('a note written by hand: unsure about the phone number and the date, which it leaves out', () => {
    const parsed = parseFixture('handwritten-note.txt');
    expect(parsed.codes.map((found) => found.code)).toEqual([
      '4821-9930',
      '5512-0087',
      '7730-1264',
      '2201-8876',
    ]);
    expect(parsed.sure).toBe(false);
    expect(parsed.ignored).toEqual([
      { text: '0800 123 4567', line: 3, reason: 'looks like a phone number' },
      { text: '2026-03-12', line: 10, reason: 'looks like a date' },
    ]);
    expect(parsed.doubts).toEqual([
      'Line 3: "0800 123 4567" looks like a phone number; it was left out.',
      'Line 10: "2026-03-12" looks like a date; it was left out.',
    ]);
  });
});

describe("the site's own numbering", () => {
  it('keeps a numbered list in its numbers, whatever order the columns were pasted in', () => {
    const parsed = parseCodeBlock('3. 3333 3333   1. 1111 1111\n2. 2222 2222   4. 4444 4444');
    expect(parsed.codes.map((found) => found.code)).toEqual([
      '1111 1111',
      '2222 2222',
      '3333 3333',
      '4444 4444',
    ]);
  });

  it('keeps reading order when the numbers are not one clean list (missing, repeated or partial)', () => {
    expect(codesOf2('1. aaaa-1111\n3. bbbb-2222')).toEqual(['aaaa-1111', 'bbbb-2222']);
    expect(codesOf2('2. aaaa-1111\n1. bbbb-2222\ncccc-3333')).toEqual([
      'aaaa-1111',
      'bbbb-2222',
      'cccc-3333',
    ]);
  });
});

function codesOf2(text: string): string[] {
  return parseCodeBlock(text).codes.map((found) => found.code);
}
