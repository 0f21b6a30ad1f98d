import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { VaultError } from '../../../src/shared/errors.js';
import { makeSeed } from '../../../src/core/otp/seed.js';
import { corpusFile } from '../../support/corpus.js';
import { createTestVault } from '../../support/temp-vault.js';

const text = (name: string, content: string) => ({
  name,
  bytes: new Uint8Array(Buffer.from(content)),
});

function bitwardenJson(items: unknown[]): { name: string; bytes: Uint8Array } {
  return text('bitwarden.json', JSON.stringify({ encrypted: false, folders: [], items }));
}

const login = (name: string, username: string, totp: string | null) => ({
  type: 1,
  name,
  notes: null,
  login: {
    username,
    password: `${name} password`,
    totp,
    uris: [{ uri: `https://${name.toLowerCase()}.example` }],
  },
});

describe('import commit', () => {
  it('adds every entry with its tags, notes and login in one go, and the vault shows them', async () => {
    const { vault } = await createTestVault();
    const plan = await vault.imports.preview([
      corpusFile('aegis-tests/aegis_plain_grouped_v2.json'),
      corpusFile('keepassxc-tests/bitwarden_export.json'),
    ]);
    const outcome = vault.imports.commit(plan);
    expect(outcome).toMatchObject({ duplicates: 0, skipped: 3, failed: 0 });
    expect(outcome.imported).toHaveLength(8);
    const accounts = vault.accounts.list();
    expect(accounts.find((account) => account.issuer === 'Deno')?.tags).toEqual(['group1']);
    const google = accounts.find((account) => account.issuer === 'Login Name');
    expect(google).toMatchObject({
      accountName: 'myusername@gmail.com',
      url: 'https://mail.google.com/',
      tags: ['My Folder'],
    });
    expect(vault.logins.get(google?.id ?? '')).toMatchObject({
      username: 'myusername@gmail.com',
      hasPassword: true,
      urls: ['https://google.com/', 'https://gmail.com/'],
    });
    expect(vault.logins.revealPassword(google?.id ?? '')).toBe('mypassword');
    vault.close();
  });

  it('leaves out the entries the person unticked, and counts them apart from duplicates', async () => {
    const { vault } = await createTestVault();
    const plan = await vault.imports.preview([corpusFile('aegis-tests/plain.txt')]);
    const issuers = plan.entries.map((entry) => entry.issuer);
    const leaveOut = new Set([issuers.indexOf('SPDX'), issuers.indexOf('WWE')]);
    const outcome = vault.imports.commit(plan, { leaveOut });
    expect(outcome).toMatchObject({ leftOut: 2, duplicates: 0 });
    expect(outcome.imported).toHaveLength(plan.entries.length - 2);
    const added = vault.accounts.list().map((account) => account.issuer);
    expect(added).not.toContain('SPDX');
    expect(added).not.toContain('WWE');
    expect(added).toContain('Deno');
    vault.close();
  });

  it('does not import a seed that is already in the vault, comparing secret bytes', async () => {
    const { vault } = await createTestVault();
    // The same secret as the reference "Deno", written with padding and in lower case.
    const existing = vault.accounts.add({
      issuer: 'Deno (added by hand)',
      seed: makeSeed({ secret: '4sjhb4gsd43fzbai7c2hlrjgpq======' }),
    });
    const plan = await vault.imports.preview([corpusFile('aegis-tests/andotp_plain.json')]);
    expect(plan.entries.find((entry) => entry.issuer === 'Deno')?.duplicateOf).toEqual({
      accountId: existing.id,
      issuer: 'Deno (added by hand)',
      accountName: '',
    });
    expect(vault.imports.commit(plan)).toMatchObject({ duplicates: 1 });
    expect(vault.accounts.list()).toHaveLength(7);

    // Importing the same seeds again from another app adds nothing.
    const again = await vault.imports.preview([corpusFile('aegis-tests/stratum_plain.json')]);
    expect(again.entries.every((entry) => entry.duplicateOf?.accountId)).toBe(true);
    expect(vault.imports.commit(again).imported).toEqual([]);
    expect(vault.accounts.list()).toHaveLength(7);
    vault.close();
  });

  it('checks duplicates again at commit, against the vault as it is then', async () => {
    const { vault } = await createTestVault();
    const plan = await vault.imports.preview([corpusFile('aegis-tests/plain.txt')]);
    vault.accounts.add({
      issuer: 'Boeing',
      seed: makeSeed({ type: 'steam', secret: 'JRZCL47CMXVOQMNPZR2F7J4RGI' }),
    });
    expect(vault.imports.commit(plan)).toMatchObject({ duplicates: 1 });
    expect(vault.accounts.list()).toHaveLength(7);
    vault.close();
  });

  it('commits all of a plan or nothing', async () => {
    const { vault } = await createTestVault();
    const plan = await vault.imports.preview([
      bitwardenJson([
        login('First', 'one', 'JBSWY3DPEHPK3PXP'),
        login('Second', 'two', null),
        login('Third', 'three', null),
      ]),
    ]);
    expect(plan.entries).toHaveLength(3);
    const original = vault.logins.set.bind(vault.logins);
    const set = vi.spyOn(vault.logins, 'set');
    set.mockImplementationOnce(original).mockImplementationOnce(() => {
      throw new VaultError('IO_ERROR', 'The disk is full.');
    });
    expect(() => vault.imports.commit(plan)).toThrow('The disk is full.');
    expect(set).toHaveBeenCalledTimes(2);
    set.mockRestore();
    expect(vault.accounts.list()).toEqual([]);
    vault.close();
  });

  it('commits a plan once, and only in the vault that previewed it', async () => {
    const { vault } = await createTestVault();
    const { vault: other } = await createTestVault();
    const plan = await vault.imports.preview([corpusFile('aegis-tests/proton_authenticator.json')]);
    expect(() => other.imports.commit(plan)).toThrow(VaultError);
    vault.imports.commit(plan);
    expect(() => vault.imports.commit(plan)).toThrow(/already committed/);
    expect(vault.accounts.list()).toHaveLength(3);
    expect(other.accounts.list()).toEqual([]);
    vault.close();
    other.close();
  });

  it('lists entries that cannot be read with their reason, and imports the rest only when committed', async () => {
    const { vault } = await createTestVault();
    const plan = await vault.imports.preview([
      text(
        'links.txt',
        [
          'otpauth://totp/Good:one?secret=JBSWY3DPEHPK3PXP',
          'otpauth://totp/Bad:two?secret=JBSW1',
          'https://example.com/not-a-link',
          'otpauth://totp/Seven:digits?secret=GEZDGNBVGY3TQOJQ&digits=9',
        ].join('\n'),
      ),
    ]);
    expect(plan.entries.map((entry) => entry.issuer)).toEqual(['Good']);
    expect(plan.failed).toEqual([
      {
        file: 'links.txt',
        label: 'line 2',
        reason:
          'In the otpauth URI: The secret has "1" at position 5, which is not a Base32 character (A-Z and 2-7 only)',
      },
      {
        file: 'links.txt',
        label: 'line 3',
        reason: 'it is not an otpauth:// or otpauth-migration:// link',
      },
      {
        file: 'links.txt',
        label: 'line 4',
        reason: 'In the otpauth URI: Codes must have 6 to 8 digits, not 9',
      },
    ]);
    expect(vault.accounts.list()).toEqual([]);
    vault.close();
  });

  it('asks for the password of an encrypted file, and refuses to guess the format of an unknown file', async () => {
    const { vault, path } = await createTestVault();
    const encrypted = corpusFile('aegis-tests/aegis_encrypted.json');
    expect(vault.imports.inspect([encrypted])).toEqual([
      {
        name: 'aegis_encrypted.json',
        format: 'aegis',
        description: 'Aegis vault (encrypted)',
        encrypted: true,
      },
    ]);
    await expect(vault.imports.preview([encrypted])).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { file: 'aegis_encrypted.json', needsPassword: true },
    });
    await expect(
      vault.imports.preview([text('notes.txt', 'my recovery codes: 1234 5678')]),
    ).rejects.toThrow(/^notes\.txt cannot be imported: its content is not a format Sparekey reads/);
    await expect(
      vault.imports.preview([
        { name: 'vault.sparekey', bytes: new Uint8Array(readFileSync(path)) },
      ]),
    ).rejects.toThrow(/^vault\.sparekey cannot be imported: it is an SQLite database/);
    await expect(vault.imports.preview([text('empty.json', '')])).rejects.toThrow(
      'empty.json cannot be imported: it is empty.',
    );
    vault.close();
  });

  it('reads a file as the format it is told to, and says what is wrong when it is not', async () => {
    const { vault } = await createTestVault();
    const forced = await vault.imports.preview([corpusFile('aegis-tests/ente_auth.txt')], {
      format: 'otpauth',
    });
    expect(forced.entries).toHaveLength(7);
    await expect(
      vault.imports.preview([corpusFile('aegis-tests/plain.txt')], { format: 'aegis' }),
    ).rejects.toThrow(/^plain\.txt cannot be imported: it is not valid JSON/);
    await expect(
      vault.imports.preview([corpusFile('aegis-tests/aegis_plain.json')], { format: '2fas' }),
    ).rejects.toThrow(
      'aegis_plain.json cannot be imported: its services or schema version are missing or malformed.',
    );
    vault.close();
  });

  it('keeps notes and tags from Ente links, and skips what is in Ente’s trash, saying so', async () => {
    const { vault } = await createTestVault();
    const display = (value: object) => encodeURIComponent(JSON.stringify(value));
    const plan = await vault.imports.preview([
      text(
        'ente.txt',
        [
          `otpauth://totp/Kept:me?secret=JBSWY3DPEHPK3PXP&codeDisplay=${display({ tags: ['Work'], note: 'recovery: desk drawer', trashed: false })}`,
          `otpauth://totp/Gone:me?secret=GEZDGNBVGY3TQOJQ&codeDisplay=${display({ trashed: true })}`,
        ].join('\n'),
      ),
    ]);
    expect(plan.entries).toMatchObject([
      { issuer: 'Kept', tags: ['Work'], notes: 'recovery: desk drawer' },
    ]);
    expect(plan.skipped).toEqual([
      { file: 'ente.txt', label: 'line 2', reason: 'skipped: it is in Ente Auth’s trash' },
    ]);
    vault.close();
  });
});
