import { base32 } from '@scure/base';
import { createHmac } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OtpSeed } from '../../../src/shared/domain.js';
import { decodeBase32Secret } from '../../../src/core/otp/base32-secret.js';
import { codeForCounter, timeBasedCodes } from '../../../src/core/otp/codes.js';
import { makeSeed } from '../../../src/core/otp/seed.js';
import type { Vault } from '../../../src/core/vault.js';
import { CODE_INSTANTS, codesOf } from '../../support/corpus.js';
import { kdbx } from '../../support/kdbx-files.js';
import { createTestVault, tempFolder } from '../../support/temp-vault.js';

/**
 * The KDBX 4 export, read back with kdbxweb and computed the way KeePassXC
 * computes an entry's code (core/Totp.cpp: the `otp` field's query, Base32 with
 * KeePassXC's padding rules, HMAC, Steam's alphabet): at fixed times every code
 * equals Sparekey's. Then imported back into Sparekey: the same seeds.
 */

const EXPORT_PASSWORD = 'kdbx export password';

const ACCOUNTS: {
  issuer: string;
  accountName: string;
  secret: string;
  seed?: Partial<Parameters<typeof makeSeed>[0]>;
}[] = [
  { issuer: 'GitHub', accountName: 'octocat', secret: 'HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ' },
  {
    issuer: 'Bank',
    accountName: 'me',
    secret: '5OM4WOOGPLQEF6UGN3CPEOOLWU',
    seed: { algorithm: 'SHA256', digits: 8, period: 60 },
  },
  {
    issuer: 'Cloud',
    accountName: 'ops',
    secret: '7ELGJSGXNCCTV3O6LKJWYFV2RA',
    seed: { algorithm: 'SHA512', digits: 7, period: 45 },
  },
  {
    issuer: 'Steam',
    accountName: 'gamer',
    secret: 'JRZCL47CMXVOQMNPZR2F7J4RGI',
    seed: { type: 'steam' },
  },
  // A key of an odd length (17 characters) and one typed in lower case with spaces.
  { issuer: '2FAS manual', accountName: '', secret: 'JDJDBDBDDBDBBXBXB' },
  { issuer: 'Typed', accountName: 'x', secret: 'jbsw y3dp ehpk 3pxp' },
];
const HOTP = { issuer: 'Old bank', accountName: 'hotp', secret: 'KUVJJOM753IHTNDSZVCNKL7GII' };

async function vaultWithAccounts(): Promise<Vault> {
  const { vault } = await createTestVault();
  for (const { issuer, accountName, secret, seed } of ACCOUNTS) {
    vault.accounts.add({
      issuer,
      accountName,
      url: issuer === 'GitHub' ? 'https://github.com/login' : '',
      notes: issuer === 'GitHub' ? 'codes in the safe' : '',
      tags: issuer === 'GitHub' ? ['Work'] : [],
      seed: makeSeed({ secret, ...seed }),
    });
  }
  vault.accounts.add({
    issuer: HOTP.issuer,
    accountName: HOTP.accountName,
    seed: makeSeed({ type: 'hotp', secret: HOTP.secret, counter: 7 }),
  });
  return vault;
}

/** KeePassXC's Base32: sanitizeInput (drop separators, pad lengths 2, 4, 5, 7 mod 8), then RFC 4648. */
function keePassXcKey(text: string): Uint8Array {
  let key = text.replace(/[^A-Za-z2-7]/g, '').toUpperCase();
  const rest = key.length % 8;
  expect([0, 2, 4, 5, 7], `KeePassXC cannot read a key of ${key.length} characters`).toContain(
    rest,
  );
  if (rest !== 0) key += '='.repeat(8 - rest);
  return base32.decode(key);
}

/** The code KeePassXC shows for an `otp` field at a time (Totp::generateTotp). */
function keePassXcCode(otp: string, atMs: number): string {
  const query = new URL(otp).searchParams;
  const step = Number(query.get('period') ?? 30);
  const digits = Number(query.get('digits') ?? 6);
  const algorithm = (query.get('algorithm') ?? 'SHA1').toLowerCase().replace('sha', 'sha');
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(atMs / 1000 / step)));
  const hmac = createHmac(algorithm, keePassXcKey(query.get('secret') ?? ''))
    .update(counter)
    .digest();
  const offset = (hmac[hmac.length - 1] ?? 0) & 0xf;
  const binary = hmac.readUInt32BE(offset) & 0x7fffffff;
  if (query.get('encoder') === 'steam') {
    const alphabet = '23456789BCDFGHJKMNPQRTVWXY';
    let value = binary % alphabet.length ** 5;
    let code = '';
    for (let index = 0; index < 5; index++) {
      code += alphabet[value % alphabet.length];
      value = Math.floor(value / alphabet.length);
    }
    return code;
  }
  return String(binary % 10 ** digits).padStart(digits, '0');
}

function text(value: unknown): string {
  return value instanceof kdbx.ProtectedValue ? value.getText() : String(value ?? '');
}

describe('export to KDBX 4', () => {
  it('KeePassXC computes the same code as Sparekey for every TOTP and Steam entry, at fixed times', async () => {
    const vault = await vaultWithAccounts();
    const out = join(tempFolder(), 'sparekey.kdbx');
    const outcome = await vault.exports.writeFile('kdbx', out, { password: EXPORT_PASSWORD });
    expect(outcome).toMatchObject({ format: 'kdbx', files: [out], exported: 7, notExported: [] });
    expect(statSync(out).mode & 0o777).toBe(0o600);

    const bytes = readFileSync(out);
    const db = await kdbx.Kdbx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
      new kdbx.Credentials(kdbx.ProtectedValue.fromString(EXPORT_PASSWORD)),
    );
    expect(db.versionMajor).toBe(4);
    expect(
      Buffer.from(db.header.kdfParameters?.get('$UUID') as ArrayBuffer).toString('base64'),
    ).toBe(kdbx.Consts.KdfId.Argon2id);
    const entries = db.getDefaultGroup().entries;
    expect(entries.map((entry) => text(entry.fields.get('Title'))).sort()).toEqual(
      [...ACCOUNTS.map((account) => account.issuer), HOTP.issuer].sort(),
    );
    const accounts = vault.accounts.list();
    for (const entry of entries) {
      const title = text(entry.fields.get('Title'));
      const account = accounts.find((candidate) => candidate.issuer === title);
      const seed = vault.accounts.revealSeed(account?.id ?? '').seed;
      if (seed.type === 'hotp') {
        expect(entry.fields.has('otp'), 'KeePassXC would compute an HOTP seed as TOTP').toBe(false);
        expect(decodeBase32Secret(text(entry.fields.get('HmacOtp-Secret-Base32')))).toEqual(
          decodeBase32Secret(seed.secret),
        );
        expect(text(entry.fields.get('HmacOtp-Counter'))).toBe('7');
        continue;
      }
      const otp = text(entry.fields.get('otp'));
      expect(entry.fields.get('otp')).toBeInstanceOf(kdbx.ProtectedValue);
      for (const at of CODE_INSTANTS) {
        expect(keePassXcCode(otp, at), `${title} at ${at}`).toBe(
          timeBasedCodes('x', seed, at).current,
        );
      }
    }
    const github = entries.find((entry) => text(entry.fields.get('Title')) === 'GitHub');
    expect(text(github?.fields.get('UserName'))).toBe('octocat');
    expect(text(github?.fields.get('URL'))).toBe('https://github.com/login');
    expect(text(github?.fields.get('Notes'))).toBe('codes in the safe');
    expect(github?.tags).toEqual(['Work']);
    expect(text(github?.fields.get('TimeOtp-Secret-Base32'))).toBe(
      'HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ',
    );
    vault.close();
  });

  it('imports back into Sparekey with the same seeds and codes', async () => {
    const vault = await vaultWithAccounts();
    const out = join(tempFolder(), 'sparekey.kdbx');
    await vault.exports.writeFile('kdbx', out, { password: EXPORT_PASSWORD });
    const { vault: fresh } = await createTestVault();
    const plan = await fresh.imports.preview(
      [{ name: 'sparekey.kdbx', bytes: new Uint8Array(readFileSync(out)) }],
      {
        password: () => EXPORT_PASSWORD,
      },
    );
    expect(plan.failed).toEqual([]);
    const original = vault.accounts
      .list()
      .map((account) => vault.accounts.revealSeed(account.id).seed);
    expect(plan.entries.map((entry) => codesOf(entry.seed as OtpSeed))).toEqual(
      original.map(codesOf),
    );
    expect(
      plan.entries.map((entry) =>
        Buffer.from(decodeBase32Secret(entry.seed?.secret ?? '')).toString('hex'),
      ),
    ).toEqual(original.map((seed) => Buffer.from(decodeBase32Secret(seed.secret)).toString('hex')));
    const hotp = plan.entries.find((entry) => entry.seed?.type === 'hotp')?.seed as OtpSeed;
    expect(codeForCounter(hotp, 7)).toBe(
      codeForCounter(original.find((seed) => seed.type === 'hotp') as OtpSeed, 7),
    );
    vault.close();
    fresh.close();
  });

  it('needs a password of at least 8 characters, and writes nothing without one', async () => {
    const vault = await vaultWithAccounts();
    const out = join(tempFolder(), 'short.kdbx');
    await expect(vault.exports.writeFile('kdbx', out, { password: 'short' })).rejects.toMatchObject(
      {
        code: 'INVALID_INPUT',
        message: 'The export password must be at least 8 characters long.',
      },
    );
    expect(() => statSync(out)).toThrow();
    vault.close();
  });
});
