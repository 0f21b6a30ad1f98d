import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../src/shared/durations.js';
import type { RemovedAccount } from '../../../src/shared/removed-accounts.js';
import { cliSandbox } from '../../support/cli.js';

const { sandbox, cli } = cliSandbox('cli test password');
function expectNoStackTrace(stderr: string) {
  expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
}

describe('sparekey init, add, list, code', () => {
  it('creates a vault, adds an account from an otpauth URI, lists it and prints its code', async () => {
    const init = await cli(['init']);
    expect(init).toMatchObject({ code: 0 });
    expect(init.stderr).toContain(`Created an empty vault at ${sandbox.vaultPath}`);
    expect(statSync(sandbox.vaultPath).mode & 0o777).toBe(0o600);

    const add = await cli([
      'add',
      'ACME',
      '--account',
      'me@example.com',
      '--otpauth',
      'otpauth://totp/ACME:me@example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&digits=8',
    ]);
    expect(add.code).toBe(0);
    expect(add.stderr).toMatch(/Added ACME \(me@example.com\) \(id [0-9a-f]{16}\)/);

    const list = await cli(['list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(
      /^[0-9a-f]{16}\tACME\tme@example.com\tTOTP SHA1 8 digits \/ 30 s\n$/,
    );

    const code = await cli(['code', 'acme', '--at', '2033-05-18T03:33:20Z']);
    // RFC 6238: T = 2000000000 s gives 69279037 with SHA1 and 8 digits.
    expect(code).toMatchObject({ code: 0, stdout: '69279037\n' });
    expect(code.stderr).toContain('ACME (me@example.com): 6927 9037');
  });

  it('prints JSON with --json, without secrets', async () => {
    await cli(['init']);
    await cli([
      'add',
      'GitHub',
      '--account',
      'octocat',
      '--secret',
      'JBSW Y3DP EHPK 3PXP',
      '--digits',
      '7',
    ]);
    const list = await cli(['--json', 'list']);
    const accounts = JSON.parse(list.stdout) as Record<string, unknown>[];
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({
      issuer: 'GitHub',
      accountName: 'octocat',
      otp: { type: 'totp', digits: 7 },
    });
    expect(list.stdout).not.toContain('JBSWY3DPEHPK3PXP');

    const code = JSON.parse(
      (await cli(['code', 'github', '--json', '--at', '2026-01-01T00:00:10Z'])).stdout,
    );
    expect(code).toMatchObject({ type: 'totp', period: 30, secondsRemaining: 20 });
    expect(code.current).toMatch(/^\d{7}$/);
  });

  it('reads a secret from stdin with --secret -, and advances HOTP counters', async () => {
    await cli(['init']);
    const add = await cli(['add', 'Bank', '--type', 'hotp', '--secret', '-'], {
      input: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ\n',
    });
    expect(add.code).toBe(0);
    // RFC 4226: counters 0 and 1.
    expect((await cli(['code', 'bank'])).stdout).toBe('755224\n');
    expect((await cli(['code', 'bank'])).stdout).toBe('287082\n');
    const show = JSON.parse((await cli(['show', 'bank', '--json'])).stdout);
    expect(show.counter).toBe(2);
    expect(show.secret).toBeUndefined();
  });

  it('shows an account, revealing the secret only when asked', async () => {
    await cli(['init']);
    await cli([
      'add',
      'Proton',
      '--account',
      'me',
      '--notes',
      'two lines\nof notes',
      '--secret',
      'JBSWY3DPEHPK3PXP',
    ]);
    const plain = await cli(['show', 'proton']);
    expect(plain.stdout).toContain('Proton (me)');
    expect(plain.stdout).toContain('    of notes');
    expect(plain.stdout).not.toContain('JBSW');
    const revealed = await cli(['show', 'proton', '--reveal']);
    expect(revealed.stdout).toContain('secret:   JBSW Y3DP EHPK 3PXP');
    expect(revealed.stdout).toContain(
      'otpauth://totp/Proton:me?secret=JBSWY3DPEHPK3PXP&issuer=Proton',
    );
  });

  it('removes an account only with --yes when not on a terminal', async () => {
    await cli(['init']);
    await cli(['add', 'Slack']);
    const refused = await cli(['remove', 'slack']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('without confirmation: add --yes');
    expect((await cli(['remove', 'slack', '--yes'])).code).toBe(0);
    expect((await cli(['--json', 'list'])).stdout.trim()).toBe('[]');
  });

  it('lists removed accounts and brings one back with everything it had', async () => {
    await cli(['init']);
    await cli(['add', 'Slack', '--account', 'me', '--secret', 'JBSWY3DPEHPK3PXP']);
    await cli(['add', 'Slack', '--account', 'work', '--secret', 'JBSWY3DPEHPK3PXQ']);
    await cli(['codes', 'add', 'slack:me'], { input: 'aaaa-1111\nbbbb-2222\ncccc-3333\n' });
    const before = await cli(['code', 'slack:me', '--at', '2026-05-03T10:00:00Z']);
    expect(before.stdout).toMatch(/^\d{6}\n$/);
    expect((await cli(['removed'])).stderr).toBe(
      'No removed account to bring back: removed accounts are kept for 30 days.\n',
    );

    const removal = await cli(['remove', 'slack:me', '--yes']);
    const id = /sparekey removed restore ([0-9a-f]{16})/.exec(removal.stderr)?.[1];
    expect(removal.stderr).toBe(
      `Removed Slack (me). It is kept, encrypted, for 30 days: \`sparekey removed restore ${id}\` brings it back (in the app: Settings, Recently removed).\n`,
    );
    await cli(['remove', 'slack', '--yes']);
    expect((await cli(['--json', 'list'])).stdout.trim()).toBe('[]');

    // Piped: tab-separated rows, the most recently removed first, as --json lists them.
    const kept = JSON.parse((await cli(['--json', 'removed'])).stdout) as RemovedAccount[];
    expect(kept.map((account) => [account.id === id, account.accountName])).toEqual([
      [false, 'work'],
      [true, 'me'],
    ]);
    for (const account of kept) expect(account.purgeAt - account.removedAt).toBe(30 * DAY_MS);
    const day = (epochMs: number) => new Date(epochMs).toISOString().slice(0, 10);
    const listed = await cli(['removed']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toBe(
      kept
        .map((account) =>
          [account.id, 'Slack', account.accountName, day(account.removedAt), day(account.purgeAt)]
            .join('\t')
            .concat('\n'),
        )
        .join(''),
    );

    // Two removed accounts are named Slack: the name alone is ambiguous.
    const ambiguous = await cli(['removed', 'restore', 'slack']);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toContain(
      '"slack" matches 2 removed accounts; say which one with issuer:account or its id.',
    );

    const restored = await cli(['removed', 'restore', 'slack:me']);
    expect(restored.code).toBe(0);
    expect(restored.stderr).toBe(`Brought back Slack (me) (id ${id}), with everything it had.\n`);
    expect((await cli(['code', 'slack:me', '--at', '2026-05-03T10:00:00Z'])).stdout).toBe(
      before.stdout,
    );
    const codes = (await cli(['codes', 'list', 'slack:me'])).stdout;
    expect(codes).toContain('Slack (me): 3 of 3 left');
    expect(codes).toContain('#3  cccc-3333');
    const left = JSON.parse((await cli(['--json', 'removed'])).stdout) as RemovedAccount[];
    expect(left.map((account) => account.accountName)).toEqual(['work']);

    const again = await cli(['removed', 'restore', 'slack:me']);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('sparekey: No removed account matches "slack:me".\n');
  });

  it('changes the password', async () => {
    await cli(['init']);
    const passwd = await cli(['passwd'], { env: { SPAREKEY_NEW_PASSWORD: 'the new password' } });
    expect(passwd.code).toBe(0);
    expect((await cli(['list'])).code).toBe(2);
    expect((await cli(['list'], { env: { SPAREKEY_PASSWORD: 'the new password' } })).code).toBe(0);
  });
});

describe('exit codes and messages', () => {
  it('1 for bad input, naming the problem, and nothing is saved', async () => {
    await cli(['init']);
    const bad = await cli(['add', 'X', '--otpauth', 'otpauth://totp/X:y?secret=JBSWY3DPEHPK3PX1']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(
      'sparekey: In the otpauth URI: The secret has "1" at position 16, which is not a Base32 character (A-Z and 2-7 only).\n',
    );
    expect((await cli(['--json', 'list'])).stdout.trim()).toBe('[]');
    expect((await cli(['add', 'X', '--digits', '8'])).stderr).toContain('give --secret too');
    expect((await cli(['code', 'X', '--at', 'yesterday'])).code).toBe(1);
  });

  it('1 for an ambiguous account, listing the candidates; 1 for none', async () => {
    await cli(['init']);
    await cli(['add', 'GitHub', '--account', 'work']);
    await cli(['add', 'GitHub', '--account', 'home']);
    const ambiguous = await cli(['show', 'github']);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toMatch(/matches 2 accounts/);
    expect(ambiguous.stderr).toMatch(/[0-9a-f]{16} {2}GitHub:work/);
    expect((await cli(['show', 'github:home'])).code).toBe(0);
    expect((await cli(['show', 'gitlab'])).code).toBe(1);
  });

  it('1 for a vault that already exists, or none at all', async () => {
    await cli(['init']);
    const again = await cli(['init']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    const missing = await cli(['list'], {
      env: { SPAREKEY_VAULT: join(sandbox.home, 'none.sparekey') },
    });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('sparekey init');
  });

  it('1 without a password when there is no terminal to ask on', async () => {
    await cli(['init']);
    const result = await cli(['list'], { env: { SPAREKEY_PASSWORD: undefined } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('set SPAREKEY_PASSWORD');
  });

  it('2 for a wrong password', async () => {
    await cli(['init']);
    const result = await cli(['list'], { env: { SPAREKEY_PASSWORD: 'wrong wrong wrong' } });
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe('sparekey: Wrong password: it does not unlock this vault.\n');
  });

  it('3 for a file that is not a vault, or a damaged one, without a stack trace', async () => {
    writeFileSync(sandbox.vaultPath, 'just some text, not a vault at all'.repeat(20));
    const notVault = await cli(['list']);
    expect(notVault.code).toBe(3);
    expect(notVault.stderr).toContain('is not a Sparekey vault');
    expectNoStackTrace(notVault.stderr);
  });

  it('--vault wins over SPAREKEY_VAULT, and the default is the per-user app-data folder', async () => {
    const other = join(sandbox.home, 'other.sparekey');
    expect((await cli(['--vault', other, 'init'])).code).toBe(0);
    expect(statSync(other).isFile()).toBe(true);
    const created = await cli(['init'], { env: { SPAREKEY_VAULT: undefined } });
    expect(created.stderr).toContain(join(sandbox.home, '.config', 'Sparekey', 'vault.sparekey'));
  });

  it('unknown commands and options exit 1 with usage help', async () => {
    const result = await cli(['frobnicate']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("unknown command 'frobnicate'");
  });
});
