import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli.js';
import { findSecretsInFiles, secretForms } from '../../support/secret-scan.js';
import { tempFolder } from '../../support/temp-vault.js';

/** Every file below `folder`. */
function allFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((name) => join(folder, name))
    .filter((path) => statSync(path).isFile());
}

describe('nothing secret reaches the disk unencrypted', () => {
  it('after a scripted CLI session: vault, WAL, SHM, temp folder and home hold none of the secrets used', async () => {
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
    ];
    const files = allFiles(home);
    expect(files).toContain(env.SPAREKEY_VAULT);
    expect(findSecretsInFiles(files, secrets)).toEqual([]);
  });
});
