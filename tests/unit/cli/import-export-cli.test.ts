import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../src/shared/import-export.js';
import { Vault } from '../../../src/core/vault.js';
import { runCli } from '../../support/cli.js';
import { codesOf, corpusPath, REFERENCE, secretHex } from '../../support/corpus.js';
import { CORPUS_CASES } from '../../support/corpus-cases.js';
import { tempFolder } from '../../support/temp-vault.js';

/** `sparekey import` and `sparekey export` as a user runs them (no terminal: stdin is a pipe). */
const PASSWORD = 'cli import password';
let home: string;
let vaultPath: string;
let env: Record<string, string>;

beforeEach(() => {
  home = tempFolder();
  vaultPath = join(home, 'cli.sparekey');
  env = { SPAREKEY_VAULT: vaultPath, SPAREKEY_PASSWORD: PASSWORD };
});

const cli = (args: string[], extra: Record<string, string | undefined> = {}) =>
  runCli(args, { home, env: { ...env, ...extra } });

type ImportJson = ImportPreview & { committed: boolean; outcome: { imported: string[] } | null };

async function accountsIn(path = vaultPath): Promise<string[]> {
  const list = await cli(['--json', 'list'], { SPAREKEY_VAULT: path });
  expect(list.code).toBe(0);
  return (JSON.parse(list.stdout) as { issuer: string }[]).map((account) => account.issuer);
}

describe('sparekey import', () => {
  it('imports every corpus file as EXPECTED.md says, in one go, reporting duplicates across files', async () => {
    expect((await cli(['init'])).code).toBe(0);
    const result = await cli(
      ['--json', 'import', ...CORPUS_CASES.map(({ file }) => corpusPath(file)), '--yes'],
      { SPAREKEY_IMPORT_PASSWORD: 'test' },
    );
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as ImportJson;
    expect(json.failed).toEqual([]);
    expect(json.skipped).toEqual([]);
    expect(json.files).toHaveLength(CORPUS_CASES.length);
    CORPUS_CASES.forEach(({ file, issuers }, index) => {
      const name = json.files[index]?.name ?? '';
      expect(file.endsWith(name), file).toBe(true);
      const entries = json.entries.filter((entry) => entry.file === name);
      expect(
        entries.map((entry) => entry.issuer),
        file,
      ).toEqual(issuers);
      // The first file brings the seven reference seeds; every later one only repeats them.
      expect(
        entries.filter((entry) => entry.duplicateOf === null),
        file,
      ).toHaveLength(index === 0 ? 7 : 0);
    });
    expect(json.outcome?.imported).toHaveLength(7);
    expect(result.stderr).toContain('Imported 7 accounts.');

    const bitwarden = await cli(
      [
        '--json',
        'import',
        ...[
          'bitwarden_export.json',
          'bitwarden_encrypted_export.json',
          'bitwarden_encrypted_argon2id_export.json',
        ].map((name) => corpusPath(`keepassxc-tests/${name}`)),
        '--yes',
      ],
      { SPAREKEY_IMPORT_PASSWORD: 'a' },
    );
    expect(bitwarden.code, bitwarden.stderr).toBe(0);
    const logins = JSON.parse(bitwarden.stdout) as ImportJson;
    expect(logins.skipped.map((note) => note.file)).toEqual(Array(3).fill('bitwarden_export.json'));
    expect(
      logins.entries.map((entry) => [entry.issuer, entry.hasLogin, entry.duplicateOf?.issuer]),
    ).toEqual([
      ['Login Name', true, undefined],
      ['KeePassXC', true, undefined],
      ['KeePassXC', true, 'KeePassXC'],
    ]);

    const vault = await Vault.unlock(vaultPath, PASSWORD);
    const accounts = vault.accounts.list();
    expect(accounts.map((account) => account.issuer).sort()).toEqual(
      [...REFERENCE.map((row) => row.issuer), 'KeePassXC', 'Login Name'].sort(),
    );
    for (const row of REFERENCE) {
      const account = accounts.find((item) => item.issuer === row.issuer);
      const { seed } = vault.accounts.revealSeed(account?.id ?? '');
      expect(secretHex(seed.secret)).toBe(secretHex(row.seed.secret));
      expect(codesOf(seed)).toEqual(codesOf(row.seed));
    }
    const keepass = accounts.find((account) => account.issuer === 'KeePassXC');
    expect(vault.logins.revealPassword(keepass?.id ?? '')).toBe('TYsbQUyeD3qrav');
    vault.close();
  }, 120_000);

  it('shows the preview and imports nothing without --yes when there is no terminal to ask on', async () => {
    await cli(['init']);
    const result = await cli(['import', corpusPath('aegis-tests/aegis_plain_grouped_v2.json')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('aegis_plain_grouped_v2.json: Aegis vault, content version 2');
    expect(result.stdout).toMatch(
      /add\s+Deno \(Mason\)\s+TOTP SHA1 6 digits \/ 30 s, tags: group1/,
    );
    expect(result.stderr).toContain('Nothing was imported: add --yes');
    expect(await accountsIn()).toEqual([]);
  });

  it('--dry-run writes nothing; it exits 1 when an entry could not be read', async () => {
    await cli(['init']);
    const clean = await cli(['import', corpusPath('aegis-tests/plain.txt'), '--dry-run']);
    expect(clean.code).toBe(0);
    expect(clean.stderr).toContain('Dry run: 7 accounts to import; nothing was written.');
    const links = join(home, 'links.txt');
    writeFileSync(
      links,
      'otpauth://totp/Good?secret=JBSWY3DPEHPK3PXP\notpauth://totp/Bad?secret=1\n',
    );
    const failing = await cli(['import', links, '--dry-run']);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toMatch(/FAILED\s+line 2\s+In the otpauth URI: The secret has "1"/);
    expect(failing.stderr).toContain('1 entry could not be read');
    expect(await accountsIn()).toEqual([]);
  });

  it('adds the command line’s advice to a file in no known format (the core’s message has none)', async () => {
    await cli(['init']);
    const notes = join(home, 'notes.txt');
    writeFileSync(notes, 'Shopping list: milk, eggs, bread.\n');
    const result = await cli(['import', notes, '--yes']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^sparekey: notes\.txt cannot be imported: its content is not a format Sparekey reads \(.*\)\. If you know what it is, name the format with --format\.\n$/,
    );
    const vault = await Vault.unlock(vaultPath, PASSWORD);
    const refusal = await vault.imports
      .preview([{ name: 'notes.txt', bytes: new Uint8Array(readFileSync(notes)) }])
      .catch((error: unknown) => error as { message: string; details: unknown });
    vault.close();
    expect(refusal).toMatchObject({ details: { file: 'notes.txt', reason: 'unknown-format' } });
    expect((refusal as { message: string }).message).not.toContain('--format');
  });

  it('exits 2 for a wrong file password and 1 for a truncated file, naming the file; nothing is written', async () => {
    await cli(['init']);
    const wrong = await cli(['import', corpusPath('aegis-tests/aegis_encrypted.json'), '--yes'], {
      SPAREKEY_IMPORT_PASSWORD: 'not it',
    });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe(
      'sparekey: Wrong password for aegis_encrypted.json: it does not decrypt the file.\n',
    );

    const missing = await cli(['import', corpusPath('aegis-tests/stratum_encrypted.bin'), '--yes']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(
      'stratum_encrypted.bin is encrypted: set SPAREKEY_IMPORT_PASSWORD',
    );

    const truncated = join(home, 'aegis_plain.json');
    const original = readFileSync(corpusPath('aegis-tests/aegis_plain.json'));
    writeFileSync(truncated, original.subarray(0, original.length / 2));
    const cut = await cli(['import', corpusPath('aegis-tests/plain.txt'), truncated, '--yes']);
    expect(cut.code).toBe(1);
    expect(cut.stderr).toMatch(
      /^sparekey: aegis_plain\.json cannot be imported: it is not valid JSON; the file is truncated or was edited\.\n$/,
    );
    expect(await accountsIn()).toEqual([]);

    // One unreadable entry: --yes alone imports nothing; --skip-unreadable imports the rest.
    const partly = join(home, 'partly.txt');
    writeFileSync(
      partly,
      `${readFileSync(corpusPath('aegis-tests/plain.txt'), 'utf8')}otpauth://totp/Bad:entry?secret=NOT-BASE32-1\n`,
    );
    const refused = await cli(['import', partly, '--yes']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('add --skip-unreadable to import the readable entries');
    expect(refused.stderr).toContain('1 entry could not be read');
    expect(await accountsIn()).toEqual([]);
    const skipped = await cli(['import', partly, '--yes', '--skip-unreadable']);
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toContain(
      'Imported 7 accounts; 1 entry could not be read and was not imported.',
    );
    expect(await accountsIn()).toHaveLength(7);
  });
});

describe('files the system will not read or write', () => {
  it("import and export say what is wrong with the path in words, not the system's text", async () => {
    await cli(['init']);
    const notes = join(home, 'notes.txt');
    writeFileSync(notes, 'a file, not a folder');
    const read = await cli(['import', join(notes, 'export.json'), '--yes']);
    expect(read.code).toBe(1);
    expect(read.stderr).toBe(
      `sparekey: Cannot read ${join(notes, 'export.json')}: a part of the path is a file, not a folder.\n`,
    );

    await cli(['import', corpusPath('aegis-tests/plain.txt'), '--yes']);
    const out = join(home, 'no such folder', 'seeds.txt');
    const written = await cli(['export', '--format', 'otpauth', '--out', out, '--yes']);
    expect(written.code).toBe(1);
    expect(written.stderr).toBe(`sparekey: Cannot write ${out}: its folder does not exist.\n`);
  });
});

describe('sparekey export', () => {
  async function vaultWithAccounts(): Promise<void> {
    await cli(['init']);
    await cli(['import', corpusPath('aegis-tests/aegis_plain_grouped_v2.json'), '--yes']);
  }

  it('refuses a plaintext export without --yes when there is no terminal, and writes 0600 files with it', async () => {
    await vaultWithAccounts();
    const out = join(home, 'seeds.txt');
    const refused = await cli(['export', '--format', 'otpauth', '--out', out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('it holds your seeds unencrypted');
    expect(() => statSync(out)).toThrow();

    const done = await cli(['export', '--format', 'otpauth', '--out', out, '--yes', 'deno', 'wwe']);
    expect(done.code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toEqual([
      'otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno&algorithm=SHA1&digits=6&period=30',
      'otpauth://hotp/WWE:Mason?secret=5VAML3X35THCEBVRLV24CGBKOY&issuer=WWE&algorithm=SHA512&digits=8&counter=10300',
    ]);
    const again = await cli(['export', '--format', 'otpauth', '--out', out, '--yes']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
  });

  it('round-trips an encrypted Aegis export and Google QR codes through sparekey import', async () => {
    await vaultWithAccounts();
    const aegis = join(home, 'to-phone.json');
    const exported = await cli(['export', '--format', 'aegis-encrypted', '--out', aegis], {
      SPAREKEY_EXPORT_PASSWORD: 'phone password',
    });
    expect(exported.code).toBe(0);
    const folder = join(home, 'google');
    const google = await cli([
      '--json',
      'export',
      '--format',
      'google-qr',
      '--out',
      folder,
      '--yes',
    ]);
    expect(google.code).toBe(0);
    expect(JSON.parse(google.stdout)).toMatchObject({ exported: 3 });
    expect(google.stderr).toContain(
      'Not exported: Boeing (Sophia): Google Authenticator has no Steam codes.',
    );
    const pngs = readdirSync(folder).map((name) => join(folder, name));

    const fresh = join(home, 'fresh.sparekey');
    await cli(['init'], { SPAREKEY_VAULT: fresh });
    const back = await cli(['--json', 'import', aegis, ...pngs, '--yes'], {
      SPAREKEY_VAULT: fresh,
      SPAREKEY_IMPORT_PASSWORD: 'phone password',
    });
    expect(back.code, back.stderr).toBe(0);
    const json = JSON.parse(back.stdout) as ImportJson;
    expect(json.outcome?.imported).toHaveLength(7);
    expect(json.entries.filter((entry) => entry.duplicateOf !== null)).toHaveLength(3);
    expect((await accountsIn(fresh)).sort()).toEqual((await accountsIn()).sort());
    const code = await cli(['code', 'deno', '--at', '2026-05-03T10:00:00Z'], {
      SPAREKEY_VAULT: fresh,
    });
    const original = await cli(['code', 'deno', '--at', '2026-05-03T10:00:00Z']);
    expect(code.stdout).toBe(original.stdout);
  });

  it('copies the vault with --format sparekey; the copy opens with the same password', async () => {
    await vaultWithAccounts();
    const copy = join(home, 'backup.sparekey');
    const result = await cli(['export', '--format', 'sparekey', '--out', copy]);
    expect(result.code).toBe(0);
    expect(statSync(copy).mode & 0o777).toBe(0o600);
    expect((await accountsIn(copy)).sort()).toEqual((await accountsIn()).sort());
    const withNames = await cli([
      'export',
      '--format',
      'sparekey',
      '--out',
      join(home, 'x'),
      'deno',
    ]);
    expect(withNames.code).toBe(1);
    expect(withNames.stderr).toContain('copies the whole vault');
  });
});
