import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli.js';
import { corpusPath } from '../../support/corpus.js';
import { findSecretsInFiles, secretForms } from '../../support/secret-scan.js';
import { tempFolder } from '../../support/temp-vault.js';

/** Every file below `folder`. */
function allFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((name) => join(folder, name))
    .filter((path) => statSync(path).isFile());
}

describe('nothing secret reaches the disk unencrypted', () => {
  it('after a scripted CLI session (seeds, codes, passwords, contacts, an import, a backup, a printed sheet): vault, WAL, SHM, backups, temp folder and home hold none of the secrets used', async () => {
    const home = tempFolder();
    const temp = join(home, 'tmp');
    mkdirSync(temp);
    const password = 'Vault-Pass-7q3Zx!';
    const newPassword = 'Vault-Pass-Next-9w2Kd!';
    const seed = 'KUVJJOM753IHTNDSZVCNKL7GII4SJHB4';
    const env = {
      SPAREKEY_VAULT: join(home, 'data', 'vault.sparekey'),
      SPAREKEY_PASSWORD: password,
      TMPDIR: temp,
    };
    const cli = async (args: string[], extra: Record<string, string> = {}, input?: string) => {
      const result = await runCli(args, { home, env: { ...env, ...extra }, input });
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
      return result;
    };

    await cli(['init']);
    await cli(
      [
        'add',
        'Quokkabank',
        '--account',
        'wombat.holder@example.org',
        '--notes',
        'vault door code 8841',
        '--secret',
        '-',
      ],
      {},
      seed,
    );
    await cli([
      'add',
      'Numbatmail',
      '--otpauth',
      `otpauth://totp/Numbatmail:echidna?secret=${seed.slice(0, 16)}`,
    ]);
    await cli(['contacts', 'add', 'phone', '+44 7700 900461', '--label', 'platypus phone']);
    await cli(['methods', 'add', 'quokkabank', 'sms', '--contact', 'platypus phone']);
    await cli(['recovery', 'quokkabank', '--notes', 'branch manager is Ms Bilby']);
    await cli(['code', 'quokkabank']);
    await cli(['show', 'quokkabank', '--reveal']);
    await cli(['passwd'], { SPAREKEY_NEW_PASSWORD: newPassword });
    await cli(['list'], { SPAREKEY_PASSWORD: newPassword });
    const next = { SPAREKEY_PASSWORD: newPassword };

    // Backup codes, a stored password, an import, a backup, and a printed sheet.
    await cli(
      ['codes', 'add', 'quokkabank', '--yes'],
      next,
      'Quokkabank backup codes\n1. 7421 9350\n2. 6638 1047\n3. 5912 7764\n4. 3385 2209\n',
    );
    await cli(['codes', 'use', 'quokkabank', '6638 1047', '--note', 'lost phone in Darwin'], next);
    await cli(['codes', 'list', 'quokkabank'], next);
    await cli(['add', 'Wallabyshop', '--username', 'roo', '--password-prompt'], {
      ...next,
      SPAREKEY_ACCOUNT_PASSWORD: 'Bandicoot-Secret-55',
    });
    await cli(['password', 'wallabyshop', '--show'], next);
    await cli(['import', corpusPath('aegis-tests/aegis_encrypted.json'), '--yes'], {
      ...next,
      SPAREKEY_IMPORT_PASSWORD: 'test',
    });
    await cli(['backup'], next);
    // The sheet holds the secrets by design: it goes where the user says, outside the folders scanned.
    const outside = tempFolder();
    await cli(['sheet', '--all', '--pdf', '--out', join(outside, 'kit.pdf')], next);
    expect(statSync(join(outside, 'kit.pdf')).size).toBeGreaterThan(1000);

    const secrets = [
      { label: 'seed', forms: secretForms(seed, { base32: true }) },
      { label: 'second seed', forms: secretForms(seed.slice(0, 16), { base32: true }) },
      { label: 'vault password', forms: secretForms(password) },
      { label: 'new vault password', forms: secretForms(newPassword) },
      { label: 'issuer', forms: secretForms('Quokkabank') },
      { label: 'account name', forms: secretForms('wombat.holder') },
      { label: 'notes', forms: secretForms('door code 8841') },
      { label: 'recovery notes', forms: secretForms('Ms Bilby') },
      {
        label: 'phone number',
        forms: [...secretForms('7700900461'), ...secretForms('7700 900461')],
      },
      { label: 'contact label', forms: secretForms('platypus') },
      ...['7421 9350', '74219350', '6638 1047', '66381047', '3385 2209'].map((code) => ({
        label: `backup code ${code}`,
        forms: secretForms(code),
      })),
      { label: 'backup-code note', forms: secretForms('Darwin') },
      { label: 'account password', forms: secretForms('Bandicoot-Secret-55') },
      {
        label: 'imported seed',
        forms: secretForms('4SJHB4GSD43FZBAI7C2HLRJGPQ', { base32: true }),
      },
      { label: 'imported issuer', forms: secretForms('Airbnb') },
    ];
    const files = allFiles(home);
    expect(files).toContain(env.SPAREKEY_VAULT);
    expect(files.some((file) => file.includes(`${join(home, 'data', 'backups')}`))).toBe(true);
    expect(findSecretsInFiles(files, secrets)).toEqual([]);
  });
});
