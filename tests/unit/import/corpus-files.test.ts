import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { OtpSeed } from '../../../src/shared/domain.js';
import { parseOtpauthUri } from '../../../src/core/otp/otpauth.js';
import type { ImportPlan } from '../../../src/core/importers/import-plan.js';
import { CORPUS_CASES } from '../../support/corpus-cases.js';
import {
  codesOf,
  corpusFile,
  corpusPath,
  REFERENCE,
  type ReferenceEntry,
  referenceFor,
  secretHex,
} from '../../support/corpus.js';
import { createTestVault } from '../../support/temp-vault.js';

/**
 * Every file of the shared importer corpus (real exports of other apps), read
 * from the corpus folder, against EXPECTED.md: the entries each yields, compared
 * with the reference set by decoded secret bytes, and their codes at fixed times.
 */

async function previewOf(file: string, password?: string): Promise<ImportPlan> {
  const { vault } = await createTestVault();
  try {
    return await vault.imports.preview([corpusFile(file)], { password: () => password });
  } finally {
    vault.close();
  }
}

describe('the reference set', () => {
  it('is what aegis-tests/plain.txt holds', () => {
    const lines = readFileSync(corpusPath('aegis-tests/plain.txt'), 'utf8').trim().split('\n');
    expect(lines.map((line) => parseOtpauthUri(line))).toEqual(
      REFERENCE.map((row) => ({ ...row, extra: {} })),
    );
  });
});

describe.each(CORPUS_CASES)(
  '$file',
  ({ file, password, issuers, names = true, seed: keep = (s) => s, tags }) => {
    it('yields the expected entries, with the reference secrets, parameters and codes', async () => {
      const plan = await previewOf(file, password);
      expect(plan.failed).toEqual([]);
      expect(plan.skipped).toEqual([]);
      expect(plan.entries.map((entry) => entry.issuer)).toEqual(issuers);
      for (const entry of plan.entries) {
        expect(entry.seed).not.toBeNull();
        const seed = entry.seed as OtpSeed;
        const reference = referenceFor(seed) as ReferenceEntry;
        expect(reference, `${entry.label} has a secret from the reference set`).toBeDefined();
        const expected = keep(reference.seed);
        expect(secretHex(seed.secret)).toBe(secretHex(expected.secret));
        expect({ ...seed, secret: '' }).toEqual({ ...expected, secret: '' });
        expect(codesOf(seed), `${entry.label}: codes`).toEqual(codesOf(expected));
        if (names) {
          expect([entry.issuer, entry.accountName]).toEqual([
            reference.issuer,
            reference.accountName,
          ]);
        }
        if (tags && tags[entry.issuer] !== undefined)
          expect(entry.tags).toEqual(tags[entry.issuer]);
        expect(entry.login).toBeNull();
      }
    });
  },
);

describe('encrypted files yield what their plain counterparts do', () => {
  it.each([
    ['aegis-tests/aegis_encrypted.json', 'aegis-tests/aegis_plain.json'],
    ['aegis-tests/2fas_authenticator_encrypted.2fas', 'aegis-tests/2fas_authenticator_plain.2fas'],
    ['aegis-tests/andotp_encrypted.bin', 'aegis-tests/andotp_plain.json'],
    ['aegis-tests/stratum_encrypted.bin', 'aegis-tests/stratum_plain.json'],
  ])('%s', async (encrypted, plain) => {
    const strip = (plan: ImportPlan) =>
      plan.entries.map(({ issuer, accountName, seed, tags, notes }) => ({
        issuer,
        accountName,
        seed,
        tags,
        notes,
      }));
    expect(strip(await previewOf(encrypted, 'test'))).toEqual(strip(await previewOf(plain)));
  });
});

describe('Bitwarden exports with logins (KeePassXC test files)', () => {
  it('imports the login with its username, password, URLs, notes, folder and TOTP; skips the rest, saying so', async () => {
    const plan = await previewOf('keepassxc-tests/bitwarden_export.json');
    expect(plan.failed).toEqual([]);
    expect(plan.skipped.map(({ label, reason }) => [label, reason])).toEqual([
      ['entry 1 (My Secure Note)', 'skipped: not a login (a secure note)'],
      ['entry 2 (Card Name)', 'skipped: not a login (a card)'],
      ['entry 3 (My Identity)', 'skipped: not a login (an identity)'],
    ]);
    expect(plan.entries).toHaveLength(1);
    const [login] = plan.entries;
    expect(login).toMatchObject({
      issuer: 'Login Name',
      accountName: 'myusername@gmail.com',
      url: 'https://mail.google.com/',
      tags: ['My Folder'],
      login: {
        username: 'myusername@gmail.com',
        password: 'mypassword',
        urls: ['https://google.com/', 'https://gmail.com/'],
      },
      seed: { type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 },
    });
    expect(login?.notes).toContain('1st line of note text\n2nd Line of note text');
    expect(login?.notes).toContain('Text Field: text-field-value');
    expect(login?.notes).not.toContain('hidden-field-value');
    expect(login?.warnings).toContain(
      'its hidden field "Hidden Field" was not imported (hidden values are not put in notes)',
    );
    // "DFDFDEF=" is 35 bits: four whole bytes.
    expect(secretHex(login?.seed?.secret ?? '')).toBe('19465190');
  });

  it.each([
    'keepassxc-tests/bitwarden_encrypted_export.json',
    'keepassxc-tests/bitwarden_encrypted_argon2id_export.json',
  ])('decrypts %s (password "a") and imports its login', async (file) => {
    const plan = await previewOf(file, 'a');
    expect(plan.failed).toEqual([]);
    expect(plan.skipped).toEqual([]);
    expect(plan.files[0]).toMatchObject({ format: 'bitwarden-json', encrypted: true });
    expect(plan.entries).toHaveLength(1);
    expect(plan.entries[0]).toMatchObject({
      issuer: 'KeePassXC',
      accountName: 'keepassxc',
      url: 'https://keepassxc.org/',
      notes: 'KeePassXC password manager',
      login: {
        username: 'keepassxc',
        password: 'TYsbQUyeD3qrav',
        urls: ['https://github.com/keepassxreboot/keepassxc'],
      },
      seed: { type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 },
    });
    // A bare secret of 14 Base32 characters: Bitwarden uses its 8 whole bytes, and so does Sparekey.
    expect(secretHex(plan.entries[0]?.seed?.secret ?? '')).toHaveLength(16);
  });
});
