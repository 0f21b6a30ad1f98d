import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Vault } from '../../../src/core/vault.js';
import { CLI_PATH, cliSandbox, runCli } from '../../support/cli.js';
import { startXvfb, type VirtualDisplay } from '../../support/xvfb.js';

const PASSWORD = 'cli test password';
const ACCOUNT_PASSWORD = 'Kq9#account-Secret-77';
const { sandbox, cli } = cliSandbox(PASSWORD);

async function vaultWithGithub(): Promise<void> {
  expect((await cli(['init'])).code).toBe(0);
  const add = await cli(
    ['add', 'GitHub', '--account', 'octocat', '--username', 'octo', '--password-prompt'],
    { env: { SPAREKEY_ACCOUNT_PASSWORD: ACCOUNT_PASSWORD } },
  );
  expect(add.code).toBe(0);
}

describe('sparekey add --username --password-prompt, and sparekey password', () => {
  it('stores the password from SPAREKEY_ACCOUNT_PASSWORD and tells whether one is stored, without showing it', async () => {
    await vaultWithGithub();
    const status = await cli(['password', 'github']);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(
      /^GitHub \(octocat\)\n {2}username: {2}octo\n {2}password: {2}stored, last changed \d{4}-\d{2}-\d{2} \(strength 4 of 4: very unguessable\)\n$/,
    );
    expect(status.stdout + status.stderr).not.toContain(ACCOUNT_PASSWORD);

    const json = JSON.parse((await cli(['--json', 'password', 'github'])).stdout);
    expect(json).toMatchObject({
      account: { issuer: 'GitHub', accountName: 'octocat' },
      username: 'octo',
      hasPassword: true,
      passwordScore: 4,
      historyCount: 0,
    });
    expect(typeof json.passwordChangedAt).toBe('number');
    expect(JSON.stringify(json)).not.toContain(ACCOUNT_PASSWORD);
  });

  it('prints the password with --show (bare on stdout), also as JSON', async () => {
    await vaultWithGithub();
    const show = await cli(['password', 'github', '--show']);
    expect(show).toMatchObject({ code: 0, stdout: `${ACCOUNT_PASSWORD}\n` });
    expect(show.stderr).toContain('The password of GitHub (octocat).');
    const json = JSON.parse((await cli(['password', 'github', '--show', '--json'])).stdout);
    expect(json.password).toBe(ACCOUNT_PASSWORD);
  });

  it('refuses --password-prompt with neither a terminal nor SPAREKEY_ACCOUNT_PASSWORD, and adds nothing', async () => {
    await cli(['init']);
    const add = await cli(['add', 'Bank', '--password-prompt']);
    expect(add.code).toBe(1);
    expect(add.stderr).toContain(
      'No password for Bank: set SPAREKEY_ACCOUNT_PASSWORD, or run the command in a terminal to be asked for it.',
    );
    expect((await cli(['--json', 'list'])).stdout.trim()).toBe('[]');
  });

  it('says so when an account has no password, and --show then fails', async () => {
    await cli(['init']);
    await cli(['add', 'Forum']);
    const status = await cli(['password', 'forum']);
    expect(status.stdout).toContain('password:  none stored');
    const show = await cli(['password', 'forum', '--show']);
    expect(show).toMatchObject({ code: 1, stdout: '' });
    expect(show.stderr).toContain('This account has no password stored.');
  });

  it('password set replaces it and keeps the old one in the history, shown only with --show', async () => {
    await vaultWithGithub();
    const set = await cli(['password', 'set', 'github'], {
      env: { SPAREKEY_ACCOUNT_PASSWORD: 'hunter2' },
    });
    expect(set.code).toBe(0);
    expect(set.stderr).toBe(
      'Saved the password of GitHub (octocat) (strength 1 of 4: very guessable); the previous one is kept in its history.\n',
    );
    expect((await cli(['password', 'github', '--show'])).stdout).toBe('hunter2\n');
    const status = await cli(['password', 'github']);
    expect(status.stdout).toContain('history:   1 previous password');

    const history = await cli(['password', 'history', 'github']);
    expect(history.stdout).toMatch(/^\d{4}-\d{2}-\d{2}\t\d{4}-\d{2}-\d{2}\n$/);
    expect(history.stdout).not.toContain(ACCOUNT_PASSWORD);
    const shown = await cli(['password', 'history', 'github', '--show']);
    expect(shown.stdout).toContain(ACCOUNT_PASSWORD);
    const json = JSON.parse((await cli(['--json', 'password', 'history', 'github'])).stdout);
    expect(json.entries).toHaveLength(1);
    expect(json.entries[0].password).toBeUndefined();
  });

  it('password set without SPAREKEY_ACCOUNT_PASSWORD off a terminal changes nothing', async () => {
    await vaultWithGithub();
    const set = await cli(['password', 'set', 'github']);
    expect(set.code).toBe(1);
    expect(set.stderr).toContain('set SPAREKEY_ACCOUNT_PASSWORD');
    expect((await cli(['password', 'github', '--show'])).stdout).toBe(`${ACCOUNT_PASSWORD}\n`);
  });
});

describe('sparekey generate', () => {
  it('prints a 20-character password with every kind of character, needing no vault', async () => {
    const result = await runCli(['generate'], { home: sandbox.home, env: {} });
    expect(result.code).toBe(0);
    const password = result.stdout.replace(/\n$/, '');
    expect(password).toHaveLength(20);
    expect(password).toMatch(/[a-z]/);
    expect(password).toMatch(/[A-Z]/);
    expect(password).toMatch(/[0-9]/);
    expect(password).toMatch(/[^a-zA-Z0-9]/);
    expect(result.stderr).toMatch(
      /^20 characters, 130\.\d+ bits of entropy; strength 4 of 4 \(very unguessable\)\. Guessing it would take /,
    );
  });

  it('takes --length, --no-symbols and --no-ambiguous', async () => {
    const result = await cli(['generate', '--length', '40', '--no-symbols', '--no-ambiguous']);
    expect(result.stdout).toMatch(/^[a-zA-Z2-9]{40}\n$/);
    expect(result.stdout).not.toMatch(/[0O1lIo]/);
  });

  it('makes passphrases with --words, and reports their entropy as JSON', async () => {
    const result = await cli(['generate', '--words', '5', '--separator', ' ']);
    expect(result.stdout).toMatch(/^[a-z]+( [a-z]+){4}\n$/);
    expect(result.stderr).toContain('5 words, 64.62 bits of entropy');
    const json = JSON.parse((await cli(['--json', 'generate', '--words', '7'])).stdout);
    expect(json).toMatchObject({ kind: 'passphrase', entropyBits: 90.47 });
    expect(json.password.split('-')).toHaveLength(7);
    expect(json.strength.guessTimes).toHaveLength(4);
  });

  it('refuses contradictory or malformed options', async () => {
    const both = await cli(['generate', '--words', '5', '--length', '20']);
    expect(both.code).toBe(1);
    expect(both.stderr).toContain("cannot be used with option '--words <n>'");
    const bad = await cli(['generate', '--length', 'twelve']);
    expect(bad).toMatchObject({ code: 1, stdout: '' });
    expect(bad.stderr).toContain('--length takes a whole number, not "twelve"');
    const short = await cli(['generate', '--length', '3']);
    expect(short.stderr).toContain('from 4 to 128');
    const separator = await cli(['generate', '--separator', '.']);
    expect(separator.stderr).toContain('--separator is for passphrases');
  });
});

describe.runIf(process.platform === 'linux')('sparekey password --copy', () => {
  it('without a display, says the clipboard is unavailable and prints nothing', async () => {
    await vaultWithGithub();
    const copy = await cli(['password', 'github', '--copy'], {
      env: { DISPLAY: undefined, WAYLAND_DISPLAY: undefined },
    });
    expect(copy).toMatchObject({ code: 1, stdout: '' });
    expect(copy.stderr).toBe(
      'sparekey: The system clipboard is unavailable here: there is no display (X11 or Wayland) to hold it. Use --show to print the password instead.\n',
    );
  });

  describe('with a display (Xvfb)', () => {
    let display: VirtualDisplay;
    const previousDisplay = process.env.DISPLAY;
    let clipboard: { read(): Promise<string>; write(text: string): Promise<void> };

    beforeAll(async () => {
      display = await startXvfb();
      process.env.DISPLAY = display.display;
      clipboard = (await import('clipboardy')).default;
    });
    afterAll(() => {
      display?.stop();
      if (previousDisplay === undefined) delete process.env.DISPLAY;
      else process.env.DISPLAY = previousDisplay;
    });

    async function setClearSeconds(seconds: number): Promise<void> {
      const vault = await Vault.unlock(sandbox.vaultPath, PASSWORD);
      vault.settings.update({ clipboardClearSeconds: seconds });
      vault.close();
    }

    /** Runs `password github --copy`; `whileCopied` runs once the CLI says it copied. */
    function copyPassword(whileCopied: (child: ReturnType<typeof spawn>) => Promise<void>) {
      return new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
        const child = spawn(process.execPath, [CLI_PATH, 'password', 'github', '--copy'], {
          env: {
            PATH: process.env.PATH,
            HOME: sandbox.home,
            DISPLAY: display.display,
            ...sandbox.env,
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        let started = false;
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          if (!started && stderr.includes('Copied the password')) {
            started = true;
            whileCopied(child).catch(reject);
          }
        });
        child.on('error', reject);
        child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
      });
    }

    it('puts the password on the clipboard and clears it after the timeout', async () => {
      await vaultWithGithub();
      await setClearSeconds(2);
      let during = '';
      const result = await copyPassword(async () => {
        during = await clipboard.read();
      });
      expect(during).toBe(ACCOUNT_PASSWORD);
      expect(result).toMatchObject({ code: 0, stdout: '' });
      expect(result.stderr).toBe(
        'Copied the password of GitHub (octocat). It will be cleared from the clipboard in 2 s (Ctrl-C clears it now).\nCleared the clipboard.\n',
      );
      expect(await clipboard.read()).toBe('');
    });

    it('leaves the clipboard alone if something else was copied since', async () => {
      await vaultWithGithub();
      await setClearSeconds(2);
      const result = await copyPassword(() => clipboard.write('copied by the user since'));
      expect(result.code).toBe(0);
      expect(result.stderr).toContain('The clipboard holds something else now; left it as it is.');
      expect(await clipboard.read()).toBe('copied by the user since');
    });

    it('clears it at once on Ctrl-C', async () => {
      await vaultWithGithub();
      await setClearSeconds(600);
      const started = Date.now();
      const result = await copyPassword(async (child) => {
        child.kill('SIGINT');
      });
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(result.code).toBe(0);
      expect(result.stderr).toContain('Cleared the clipboard.');
      expect(await clipboard.read()).toBe('');
    });
  });
});
