import { describe, expect, it } from 'vitest';
import type { OtpSeed } from '../../../src/shared/domain.js';
import type { ImportPlan } from '../../../src/core/importers/import-plan.js';
import { decodeBase32Secret } from '../../../src/core/otp/base32-secret.js';
import { makeSeed } from '../../../src/core/otp/seed.js';
import { codesOf, corpusFile } from '../../support/corpus.js';
import { writeKdbx } from '../../support/kdbx-files.js';
import { createTestVault } from '../../support/temp-vault.js';
import { vaultRejectionOf } from '../../support/errors.js';

/**
 * KeePass and KeePassXC databases: KeePassXC's own test databases, and
 * databases written in the test with kdbxweb holding every way the KeePass
 * family stores a one-time password.
 */

async function preview(
  files: { name: string; bytes: Uint8Array }[],
  password = 'kdbx',
  keyFile?: Uint8Array,
): Promise<ImportPlan> {
  const { vault } = await createTestVault();
  try {
    return await vault.imports.preview(files, {
      password: () => password,
      keyFile: () => keyFile,
    });
  } finally {
    vault.close();
  }
}

describe("KeePassXC's test databases", () => {
  it('NewDatabase.kdbx (KDBX 3.1): the legacy TOTP fields, logins, notes and groups', async () => {
    const plan = await preview([corpusFile('keepassxc-tests/NewDatabase.kdbx')], 'a');
    expect(plan.files[0]).toMatchObject({
      format: 'kdbx',
      encrypted: true,
      description: 'KeePass database (KDBX 3.1)',
    });
    expect(plan.failed).toEqual([]);
    const sample = plan.entries.find((entry) => entry.issuer === 'Sample Entry');
    expect(sample).toMatchObject({
      accountName: 'User Name',
      url: 'http://www.somesite.com/',
      // Its two custom attributes are not protected: they go to the notes.
      notes: 'Notes\n\nFields from KeePass:\nTestAttribute1: b\ntestattribute1: a',
      login: { username: 'User Name', password: 'Password', urls: [] },
    });
    expect(sample?.seed).toEqual(
      makeSeed({ secret: 'HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ', period: 30, digits: 6 }),
    );
    const sub = plan.entries.find((entry) => entry.issuer === 'Subgroup Entry');
    expect(sub).toMatchObject({
      accountName: 'Bank User Name',
      url: 'https://www.bank.com/',
      notes: 'Important note',
      tags: ['Homebanking', 'Subgroup'],
      seed: null,
      login: { username: 'Bank User Name', password: 'SecurePassword' },
    });
  });

  it('Format400.kdbx (KDBX 4, Argon2): one login without a seed', async () => {
    const plan = await preview([corpusFile('keepassxc-tests/Format400.kdbx')], 't');
    expect(plan.files[0]?.description).toBe('KeePass database (KDBX 4.0)');
    expect(
      plan.entries.map(({ issuer, accountName, seed, login }) => ({
        issuer,
        accountName,
        seed,
        login,
      })),
    ).toEqual([
      {
        issuer: 'Format400',
        accountName: 'Format400',
        seed: null,
        login: { username: 'Format400', password: 'Format400', urls: [] },
      },
    ]);
  });

  it('a wrong password is WRONG_PASSWORD naming the file; nothing is written', async () => {
    const error = await vaultRejectionOf(
      preview([corpusFile('keepassxc-tests/Format400.kdbx')], 'nope'),
    );
    expect(error.code).toBe('WRONG_PASSWORD');
    expect(error.message).toBe('Wrong password for Format400.kdbx: it does not decrypt the file.');
  });
});

const secret = 'HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ';
const bytes = decodeBase32Secret(secret);

describe('every way the KeePass family stores a one-time password', () => {
  const cases: [string, Record<string, string | { protected: string }>, OtpSeed][] = [
    [
      'otp as an otpauth link (KeePassXC 2.6+, KeeWeb)',
      {
        otp: {
          protected: `otpauth://totp/Site:me?secret=${secret}&algorithm=SHA256&digits=8&period=60`,
        },
      },
      makeSeed({ secret, algorithm: 'SHA256', digits: 8, period: 60 }),
    ],
    [
      'otp as KeeOtp settings',
      { otp: `key=${secret}&step=45&size=7&otpHashMode=Sha512` },
      makeSeed({ secret, algorithm: 'SHA512', digits: 7, period: 45 }),
    ],
    [
      "KeePassXC's legacy TOTP Seed and Settings",
      { 'TOTP Seed': { protected: secret }, 'TOTP Settings': '60;8' },
      makeSeed({ secret, digits: 8, period: 60 }),
    ],
    [
      "KeePassXC's legacy Steam settings",
      { 'TOTP Seed': { protected: secret }, 'TOTP Settings': '30;S' },
      makeSeed({ type: 'steam', secret }),
    ],
    [
      'KeePass 2.47 TimeOtp-Secret-Base32 with length, period and algorithm',
      {
        'TimeOtp-Secret-Base32': { protected: secret },
        'TimeOtp-Length': '8',
        'TimeOtp-Period': '60',
        'TimeOtp-Algorithm': 'HMAC-SHA-256',
      },
      makeSeed({ secret, algorithm: 'SHA256', digits: 8, period: 60 }),
    ],
    [
      'KeePass 2.47 TimeOtp-Secret-Hex',
      { 'TimeOtp-Secret-Hex': { protected: Buffer.from(bytes).toString('hex') } },
      makeSeed({ secret }),
    ],
    [
      'KeePass 2.47 TimeOtp-Secret-Base64',
      {
        'TimeOtp-Secret-Base64': { protected: Buffer.from(bytes).toString('base64') },
        'TimeOtp-Algorithm': 'HMAC-SHA-512',
      },
      makeSeed({ secret, algorithm: 'SHA512' }),
    ],
    [
      'KeePass 2.47 TimeOtp-Secret (UTF-8 text)',
      { 'TimeOtp-Secret': { protected: '12345678901234567890' } },
      // RFC 6238's test key.
      makeSeed({ secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' }),
    ],
    [
      'KeePass 2.47 HmacOtp-Secret-Base32 with its counter',
      { 'HmacOtp-Secret-Base32': { protected: secret }, 'HmacOtp-Counter': '5' },
      makeSeed({ type: 'hotp', secret, counter: 5 }),
    ],
  ];

  it.each(cases)('%s', async (_name, fields, expected) => {
    const file = await writeKdbx([{ fields: { Title: 'Site', UserName: 'me', ...fields } }]);
    const plan = await preview([{ name: 'otp.kdbx', bytes: file }]);
    expect(plan.failed).toEqual([]);
    const [entry] = plan.entries;
    expect(entry?.issuer).toBe('Site');
    expect(decodeBase32Secret(entry?.seed?.secret ?? '')).toEqual(
      decodeBase32Secret(expected.secret),
    );
    expect({ ...entry?.seed, secret: '' }).toEqual({ ...expected, secret: '' });
    expect(codesOf(entry?.seed as OtpSeed)).toEqual(codesOf(expected));
  });

  it('keeps one seed an account and says which other one was left', async () => {
    const file = await writeKdbx([
      {
        fields: {
          Title: 'Both',
          'TimeOtp-Secret-Base32': { protected: secret },
          'HmacOtp-Secret-Base32': { protected: secret },
        },
      },
    ]);
    const [entry] = (await preview([{ name: 'both.kdbx', bytes: file }])).entries;
    expect(entry?.seed?.type).toBe('totp');
    expect(entry?.warnings).toContain(
      'its "HmacOtp-Secret" one-time password was not imported (Sparekey keeps one seed an account; the "TimeOtp-Secret" one was)',
    );
  });
});

describe('what else an entry carries', () => {
  it('groups and tags become tags; fields go to the notes unless protected; the recycle bin is skipped', async () => {
    const file = await writeKdbx(
      [
        {
          group: ['Email', 'Work'],
          tags: ['important'],
          attachment: true,
          fields: {
            Title: 'Mail',
            UserName: 'me@example.com',
            Password: { protected: 'hunter2' },
            URL: 'https://mail.example.com',
            Notes: 'the work mailbox',
            'Recovery e-mail': 'other@example.com',
            PIN: { protected: '1234' },
            otp: `otpauth://totp/Mail:me?secret=${secret}`,
          },
        },
        {
          inRecycleBin: true,
          fields: { Title: 'Deleted', otp: `otpauth://totp/X?secret=${secret}` },
        },
        { fields: { Title: 'Broken', otp: 'otpauth://totp/X?secret=J1' } },
      ],
      { version: 3 },
    );
    const plan = await preview([{ name: 'db.kdbx', bytes: file }]);
    expect(plan.files[0]?.description).toBe('KeePass database (KDBX 3.1)');
    expect(plan.entries).toHaveLength(1);
    expect(plan.entries[0]).toMatchObject({
      issuer: 'Mail',
      accountName: 'me@example.com',
      url: 'https://mail.example.com/',
      notes: 'the work mailbox\n\nFields from KeePass:\nRecovery e-mail: other@example.com',
      tags: ['Email', 'Work', 'important'],
      login: { username: 'me@example.com', password: 'hunter2' },
    });
    expect(plan.entries[0]?.warnings).toEqual(
      expect.arrayContaining([
        'its protected field "PIN" was not imported (protected values are not put in notes)',
        'its 1 attachment was not imported',
      ]),
    );
    expect(plan.skipped).toEqual([
      { file: 'db.kdbx', label: 'entry 2 (Deleted)', reason: 'skipped: it is in the recycle bin' },
    ]);
    expect(plan.failed).toEqual([
      {
        file: 'db.kdbx',
        label: 'entry 1 (Broken)',
        reason:
          'its "otp" field: In the otpauth URI: The secret has "1" at position 2, which is not a Base32 character (A-Z and 2-7 only)',
      },
    ]);
  });
});

describe('password and key file', () => {
  const keyFile = new Uint8Array(Buffer.from('a key file with any content is hashed by KeePass'));

  it('opens with password and key file, and with the key file alone', async () => {
    const both = await writeKdbx([{ fields: { Title: 'A' } }], { keyFile });
    expect(
      (await preview([{ name: 'both.kdbx', bytes: both }], 'kdbx', keyFile)).entries,
    ).toHaveLength(1);
    const keyOnly = await writeKdbx([{ fields: { Title: 'B' } }], { password: null, keyFile });
    expect(
      (await preview([{ name: 'key.kdbx', bytes: keyOnly }], '', keyFile)).entries,
    ).toHaveLength(1);
  });

  it('a missing or wrong key file is said as such', async () => {
    const both = await writeKdbx([{ fields: { Title: 'A' } }], { keyFile });
    const error = await vaultRejectionOf(
      preview([{ name: 'both.kdbx', bytes: both }], 'kdbx', new Uint8Array([1, 2, 3])),
    );
    expect(error.message).toBe(
      'Wrong password or key file for both.kdbx: it does not decrypt the file.',
    );
    expect((await vaultRejectionOf(preview([{ name: 'both.kdbx', bytes: both }]))).code).toBe(
      'WRONG_PASSWORD',
    );
  });
});

/** Writes a uint64 at the value of a KDBX 4 header VarDictionary item, or a KDBX 3.1 header field. */
function patchUint64(file: Uint8Array, marker: number[], value: bigint): Uint8Array {
  const copy = Buffer.from(file);
  const at = copy.indexOf(Buffer.from(marker));
  expect(at).toBeGreaterThan(0);
  copy.writeBigUInt64LE(value, at + marker.length);
  return new Uint8Array(copy);
}

describe('key derivation past what KeePass writes is refused before deriving', () => {
  it('Argon2 with 4 GiB of memory (a header edited: the file is never decrypted)', async () => {
    const file = await writeKdbx([{ fields: { Title: 'A' } }]);
    // VarDictionary item: type 0x05 (UInt64), name length 1, "M", value length 8.
    const edited = patchUint64(file, [0x05, 1, 0, 0, 0, 0x4d, 8, 0, 0, 0], 4n * 1024n ** 3n);
    const error = await vaultRejectionOf(preview([{ name: 'big.kdbx', bytes: edited }]));
    expect(error.message).toMatch(
      /^big\.kdbx cannot be imported: its key derivation asks for Argon2id with 4 GiB, 1 passes and 1 lanes, more than KeePass or KeePassXC ever writes/,
    );
  });

  it('a billion AES-KDF rounds in a KDBX 3.1 header', async () => {
    const file = await writeKdbx([{ fields: { Title: 'A' } }], { version: 3 });
    // Header field 6 (TransformRounds), length 8.
    const edited = patchUint64(file, [6, 8, 0], 1_000_000_000n);
    const error = await vaultRejectionOf(preview([{ name: 'slow.kdbx', bytes: edited }]));
    expect(error.message).toMatch(/asks for 1,000,000,000 AES-KDF rounds, more than KeePass/);
  });

  it('a KeePass 1 database is named as such', async () => {
    const kdb = new Uint8Array([
      0x03,
      0xd9,
      0xa2,
      0x9a,
      0x65,
      0xfb,
      0x4b,
      0xb5,
      ...new Array(120).fill(0),
    ]);
    const error = await vaultRejectionOf(preview([{ name: 'old.kdb', bytes: kdb }]));
    expect(error.message).toBe(
      'old.kdb cannot be imported: it is a KeePass 1 database (.kdb); open it in KeePassXC or KeePass 2 and save it as KDBX first.',
    );
  });
});
