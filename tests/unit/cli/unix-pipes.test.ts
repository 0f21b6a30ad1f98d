import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { base32nopad } from '@scure/base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_PATH, runCli } from '../../support/cli.js';

/**
 * The CLI as a Unix tool: a reader that goes away (`| head -1`) ends a command
 * quietly, listings piped into another program are plain tab-separated rows,
 * data goes to stdout and messages to stderr.
 */
const PASSWORD = 'unix pipes password';
const GOOGLE_CODES = Array.from({ length: 10 }, (_, i) => `${1000 + i} ${5000 + i}`).join('\n');

let home: string;
let env: Record<string, string>;
const cli = (args: string[], extra: { input?: string; closedStdout?: boolean } = {}) =>
  runCli(args, { home, env, ...extra });

function expectQuietEnd(stderr: string): void {
  expect(stderr).not.toContain('EPIPE');
  expect(stderr).not.toContain('Unhandled');
  expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
}

// One vault with something in every listing, made through the CLI itself.
// (tempFolder() folders go after each test; this one serves the whole file.)
afterAll(() => rmSync(home, { recursive: true, force: true }));
beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'sparekey-pipes-'));
  env = { SPAREKEY_VAULT: join(home, 'pipes.sparekey'), SPAREKEY_PASSWORD: PASSWORD };
  const steps: [string[], string?][] = [
    [['init']],
    [['add', 'GitHub', '--account', 'octocat', '--secret', 'JBSWY3DPEHPK3PXP']],
    [['add', 'Bank', '--url', 'bank.example']],
    [['codes', 'add', 'github', '--yes'], GOOGLE_CODES],
    [['codes', 'use', 'github', '--number', '2']],
    [['contacts', 'add', 'phone', '+44 7700 900123', '--label', 'mobile']],
    [['methods', 'add', 'bank', 'sms', '--contact', 'mobile']],
    [['backup']],
  ];
  for (const [args, input] of steps) {
    const result = await cli(args, { input });
    expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  }
  const login = await runCli(['password', 'set', 'github'], {
    home,
    env: { ...env, SPAREKEY_ACCOUNT_PASSWORD: 'first password' },
  });
  expect(login.code, login.stderr).toBe(0);
  const again = await runCli(['password', 'set', 'github'], {
    home,
    env: { ...env, SPAREKEY_ACCOUNT_PASSWORD: 'second password' },
  });
  expect(again.code, again.stderr).toBe(0);
}, 120_000);

const LISTINGS: string[][] = [
  ['--help'],
  ['codes', '--help'],
  ['list'],
  ['--json', 'list'],
  ['show', 'github'],
  ['code', 'github'],
  ['codes', 'list', 'github'],
  ['codes', 'status'],
  ['codes', 'history', 'github'],
  ['contacts', 'list'],
  ['methods', 'list', 'bank'],
  ['health'],
  ['password', 'github'],
  ['password', 'history', 'github'],
  ['backup', '--list'],
  ['generate'],
];

describe('a reader that closes early', () => {
  it.each(LISTINGS.map((args) => [args.join(' '), args]))(
    '`sparekey %s` into a closed pipe ends quietly with exit 0',
    async (_name, args) => {
      // First, what it prints with a reader: the command has something to write.
      const read = await cli(args as string[]);
      expect(read.code, read.stderr).toBe(0);
      expect(read.stdout.length).toBeGreaterThan(0);
      // Pipes, not a terminal: no colour codes.
      expect(read.stdout + read.stderr).not.toContain('\u001b[');

      const closed = await cli(args as string[], { closedStdout: true });
      expectQuietEnd(closed.stderr);
      expect(closed.code).toBe(0);
    },
  );

  it('`sparekey list | head -1` on 3,000 accounts (more than a pipe holds) prints one row and ends quietly', async () => {
    const links = Array.from(
      { length: 3000 },
      (_, i) =>
        `otpauth://totp/Service%20${i}:user${i}%40example.com?secret=${base32nopad.encode(randomBytes(10))}&issuer=Service%20${i}`,
    );
    const file = join(home, 'many.txt');
    writeFileSync(file, `${links.join('\n')}\n`);
    const many = { ...env, SPAREKEY_VAULT: join(home, 'many.sparekey') };
    expect((await runCli(['init'], { home, env: many })).code).toBe(0);
    const imported = await runCli(['import', file, '--yes'], { home, env: many });
    expect(imported.code, imported.stderr).toBe(0);

    const { stdout, stderr, code } = await shell(
      `set -o pipefail; "${process.execPath}" "${CLI_PATH}" list | head -1`,
      many,
    );
    expectQuietEnd(stderr);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^[0-9a-f]{16}\tService \d+\tuser\d+@example\.com\tTOTP SHA1 6 digits/);
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('data on stdout, messages on stderr', () => {
  it('a listing piped into another program is tab-separated rows without a header', async () => {
    const list = await cli(['list']);
    const rows = list.stdout.trimEnd().split('\n');
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.split('\t')).toHaveLength(4);
    expect(list.stdout).not.toContain('ISSUER');
    expect(list.stdout).not.toContain('\u001b[');

    const contacts = await cli(['contacts', 'list']);
    expect(contacts.stdout.split('\t')).toContain('+44 7700 900123');
  });

  it('confirmations and warnings go to stderr, leaving stdout empty for the data', async () => {
    const added = await cli(['add', 'Forum']);
    expect(added.stdout).toBe('');
    expect(added.stderr).toMatch(/^Added Forum \(id [0-9a-f]{16}\)\.\n$/);

    const code = await cli(['code', 'github']);
    expect(code.stdout).toMatch(/^\d{6}\n$/);
    expect(code.stderr).toContain('GitHub (octocat)');

    const generated = await cli(['generate', '--length', '24']);
    expect(generated.stdout).toMatch(/^\S{24}\n$/);
    expect(generated.stderr).not.toBe('');

    const removed = await cli(['remove', 'forum', '--yes']);
    expect(removed.stdout).toBe('');
    expect(removed.stderr).toContain('Removed Forum');

    const missing = await cli(['show', 'nothing-like-it']);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/^sparekey: /);
  });
});

function shell(
  script: string,
  extraEnv: Record<string, string>,
): Promise<{ stdout: string; stderr: string; code: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script], {
      env: {
        PATH: process.env.PATH,
        HOME: home,
        XDG_CONFIG_HOME: join(home, '.config'),
        ...extraEnv,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, stderr, code: code ?? -1 }));
  });
}
