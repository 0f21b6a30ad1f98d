import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli.js';
import { createTestVault, PASSWORD, REAL_KDF, tempFolder } from '../../support/temp-vault.js';

const FIXTURES = resolve('tests/fixtures/code-blocks');
let home: string;
let env: Record<string, string>;

beforeEach(() => {
  home = tempFolder();
  env = { SPAREKEY_VAULT: join(home, 'cli.sparekey'), SPAREKEY_PASSWORD: PASSWORD, TZ: 'UTC' };
});

const cli = (args: string[], input?: string) => runCli(args, { home, input, env });

/** The vault is made in-process with a cheap KDF (stored in the file), so each CLI run unlocks fast. */
async function vaultWithGoogle() {
  const { vault } = await createTestVault({ path: env.SPAREKEY_VAULT as string, ...REAL_KDF });
  vault.accounts.add({ issuer: 'Google', accountName: 'jane' });
  vault.close();
}

describe('sparekey codes', () => {
  it('adds codes from a file, shows what it found, and lists them with the count', async () => {
    await vaultWithGoogle();
    const add = await cli([
      'codes',
      'add',
      'google',
      '--file',
      join(FIXTURES, 'google-download.txt'),
      '--issued',
      '2026-04-20',
      '--label',
      'printed',
    ]);
    expect(add.code).toBe(0);
    expect(add.stderr).toContain('Found 10 codes:');
    expect(add.stderr).toContain('    1  6432 9632\n');
    expect(add.stderr).toContain(
      'Saved 10 backup codes "printed" for Google (jane), issued 20 Apr 2026.',
    );

    const list = await cli(['codes', 'list', 'google']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(
      /^Google \(jane\): 10 of 10 left\nSet "printed", issued 20 Apr 2026: 10 of 10 left\n {2}#1 {2}6432 9632\n/,
    );
    expect(list.stdout.split('\n')).toHaveLength(13);
  });

  it('reads a pasted block from stdin', async () => {
    await vaultWithGoogle();
    const add = await cli(['codes', 'add', 'google'], '1234 5678\n2345 6789\n3456 7890\n');
    expect(add.code).toBe(0);
    expect(add.stderr).toContain('Saved 3 backup codes for Google (jane)');
  });

  it('uses a typed code, refuses it the second time with the date and note, and exits 1', async () => {
    await vaultWithGoogle();
    await cli(['codes', 'add', 'google', '--file', join(FIXTURES, 'google-download.txt')]);
    const use = await cli([
      'codes',
      'use',
      'google',
      '0954-0266',
      '--note',
      'signed in on the new laptop',
    ]);
    expect(use.code).toBe(0);
    expect(use.stderr).toMatch(
      /^Marked 0954 0266 used \(\d+ \w+ \d{4} \d\d:\d\d\)\. Google \(jane\): 9 of 10 left\.\n$/,
    );

    const again = await cli(['codes', 'use', 'google', '09540266']);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(
      /^sparekey: 0954 0266 was already used on \d+ \w+ \d{4}: signed in on the new laptop\. Each backup code works only once\.\n$/,
    );

    const list = await cli(['codes', 'list', 'google']);
    expect(list.stdout).toMatch(
      /#2 {2}0954 0266 {2}used \d+ \w+ \d{4}: signed in on the new laptop\n/,
    );
  });

  it('offers the nearest code for a typo, and says so for a code from a replaced set', async () => {
    await vaultWithGoogle();
    await cli(['codes', 'add', 'google', '--file', join(FIXTURES, 'google-download.txt')]);
    const typo = await cli(['codes', 'use', 'google', '6432 9623']);
    expect(typo).toMatchObject({ code: 1 });
    expect(typo.stderr).toContain('Did you mean 6432 9632?');

    const refusedAdd = await cli([
      'codes',
      'add',
      'google',
      '--file',
      join(FIXTURES, 'meta-facebook.txt'),
    ]);
    expect(refusedAdd.code).toBe(1);
    expect(refusedAdd.stderr).toContain('already has 10 backup codes (10 unused). Add --replace');
    const replaced = await cli([
      'codes',
      'add',
      'google',
      '--file',
      join(FIXTURES, 'meta-facebook.txt'),
      '--replace',
    ]);
    expect(replaced.code).toBe(0);
    expect(replaced.stderr).toContain('marked replaced');
    const old = await cli(['codes', 'use', 'google', '6432 9632']);
    expect(old.code).toBe(1);
    expect(old.stderr).toMatch(/6432 9632 is from the set replaced on .+; it no longer works\./);
  });

  it('does not save a doubtful block without --yes, and saves it with --yes', async () => {
    await vaultWithGoogle();
    const file = join(FIXTURES, 'handwritten-note.txt');
    const refused = await cli(['codes', 'add', 'google', '--file', file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Left out line 3: "0800 123 4567" looks like a phone number.');
    expect(refused.stderr).toContain('run again with --yes');
    expect(
      JSON.parse((await cli(['codes', 'status', 'google', '--json'])).stdout)[0],
    ).toMatchObject({
      total: 0,
      level: 'none',
    });
    expect((await cli(['codes', 'add', 'google', '--file', file, '--yes'])).code).toBe(0);
  });

  it('undo takes back the last mark; history lists what happened; --json on the reads', async () => {
    await vaultWithGoogle();
    await cli(['codes', 'add', 'google', '--file', join(FIXTURES, 'meta-instagram.txt')]);
    await cli(['codes', 'use', 'google', '--number', '2', '--note', 'phone reset']);
    const undo = await cli(['codes', 'undo', 'google']);
    expect(undo.code).toBe(0);
    expect(undo.stderr).toMatch(
      /^Unmarked 6049 8299 \(it had been marked used .+\)\. Google \(jane\): 5 of 5 left\.\n$/,
    );
    expect((await cli(['codes', 'undo', 'google'])).stderr).toContain('Nothing to undo');
    await cli(['codes', 'use', 'google', '5932 4163']);

    const history = await cli(['codes', 'history', 'google']);
    expect(history.stdout).toMatch(/^Google \(jane\):\n {2}used 1 of 5: \d+ \w+ \d{4}\n/);
    expect(history.stdout).toContain('added 5 codes');
    expect(history.stdout).toContain('used code #2 of set');
    expect(history.stdout).toContain(': phone reset');
    expect(history.stdout).toContain('undid the use of code #2');

    const json = JSON.parse((await cli(['codes', 'list', 'google', '--json'])).stdout);
    expect(json.status).toMatchObject({ total: 5, remaining: 4, threshold: 3, level: 'ok' });
    expect(json.sets[0].codes[0]).toMatchObject({ number: 1, code: '5932 4163' });
    expect(json.sets[0].codes[0].usedAt).toEqual(expect.any(Number));
    const events = JSON.parse((await cli(['codes', 'history', 'google', '--json'])).stdout).events;
    expect(events.map((event: { type: string }) => event.type)).toContain('codes.reveal');
  });

  it('warns when codes run low and when all are used; status lists every account', async () => {
    await vaultWithGoogle();
    await cli(['codes', 'add', 'google', '--file', join(FIXTURES, 'meta-instagram.txt')]);
    await cli(['codes', 'use', 'google', '--number', '1']);
    const low = await cli(['codes', 'use', 'google', '--number', '2']);
    expect(low.stderr).toContain('Warning: only 3 backup codes left.');
    for (const number of ['3', '4']) await cli(['codes', 'use', 'google', '--number', number]);
    const last = await cli(['codes', 'use', 'google', '--number', '5']);
    expect(last.stderr).toContain('Warning (critical): every backup code is used.');
    const status = await cli(['codes', 'status']);
    expect(status.stdout).toMatch(/^Google \(jane\)\t0\/5\tall used\t\d+ \w+ \d{4}\n$/);
  });

  it('refuses to use a code for an account without codes, or without saying which code', async () => {
    await vaultWithGoogle();
    const none = await cli(['codes', 'use', 'google', '1234 5678']);
    expect(none).toMatchObject({
      code: 1,
      stderr: 'sparekey: This account has no backup codes stored.\n',
    });
    const neither = await cli(['codes', 'use', 'google']);
    expect(neither.code).toBe(1);
    expect(neither.stderr).toContain('Give the code you used, or --number N');
  });
});
