import { readdirSync, readFileSync } from 'node:fs';
import { PassThrough, Writable } from 'node:stream';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as runInProcess } from '../../../src/cli/run.js';
import type { OutputStream, Terminal } from '../../../src/cli/terminal.js';
import { cliSandbox } from '../../support/cli.js';

const OLD = 'the old vault password';
const NEW = 'the new vault password';
const { sandbox, cli } = cliSandbox(OLD);

async function ok(args: string[], extra: Parameters<typeof cli>[1] = {}) {
  const result = await cli(args, extra);
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result;
}

/** A vault made by `sparekey init`, one account, a backup; a second account, a second backup. Newest first. */
async function vaultWithTwoBackups(): Promise<string[]> {
  await ok(['init']);
  await ok(['add', 'Quokkabank', '--secret', 'JBSWY3DPEHPK3PXP']);
  const first = JSON.parse((await ok(['--json', 'backup'])).stdout).path as string;
  await ok(['add', 'Numbatmail', '--secret', 'GEZDGNBVGY3TQOJQ']);
  const second = JSON.parse((await ok(['--json', 'backup'])).stdout).path as string;
  return [second, first];
}

const withPassword = (password: string) => ({ env: { SPAREKEY_PASSWORD: password } });
const changing = { env: { SPAREKEY_NEW_PASSWORD: NEW } };
const backupFolder = () => join(sandbox.home, 'backups');

describe('sparekey passwd and the backups made before', () => {
  it('--backups reencrypt: an older backup opens with the new password, not the old, and restores with it', async () => {
    const [, older] = await vaultWithTwoBackups();
    const changed = await ok(['passwd', '--backups', 'reencrypt'], changing);
    expect(changed.stderr).toContain(
      'Password changed. The old password no longer opens this vault.',
    );
    expect(changed.stderr).toContain(
      `Re-encrypted 2 backups in ${backupFolder()} under the new password; the old password no longer opens them.`,
    );

    expect((await cli(['verify', older!], withPassword(OLD))).code).toBe(2);
    expect((await cli(['verify', older!], withPassword(NEW))).stdout).toMatch(/^OK: .* is intact/);
    const refused = await cli(['restore', older!, '--force'], withPassword(OLD));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      'sparekey: That password does not open this backup. A backup opens with the password the vault had when it was made, or when it was last re-encrypted after a password change.\n',
    );
    await ok(['restore', older!, '--force'], withPassword(NEW));
    expect((await ok(['list'], withPassword(NEW))).stdout).not.toContain('Numbatmail');
    expect((await ok(['list'], withPassword(NEW))).stdout).toContain('Quokkabank');
    // Nothing beside the backups: no copy half written, no journal.
    expect(readdirSync(backupFolder()).every((name) => name.endsWith('.sparekey'))).toBe(true);
  });

  it('--backups delete leaves none, and says to make one', async () => {
    const backups = await vaultWithTwoBackups();
    const changed = await ok(['passwd', '--backups', 'delete'], changing);
    expect(changed.stderr).toContain(
      'Deleted 2 backups that opened with the old password (their bytes overwritten first).',
    );
    expect(changed.stderr).toContain(
      'No backup of the vault is left: make one now with `sparekey backup`.',
    );
    expect(readdirSync(backupFolder())).toEqual([]);
    const list = await ok(['backup', '--list'], withPassword(NEW));
    expect(list.stdout).toContain('none yet');
    for (const backup of backups) expect(list.stdout).not.toContain(backup.split('/').pop());
  });

  it('without --backups and no terminal: keeps them, warns that they open with the old password and how to re-encrypt them', async () => {
    const backups = await vaultWithTwoBackups();
    const before = backups.map((backup) => readFileSync(backup));
    const changed = await ok(['passwd'], changing);
    expect(changed.stderr).toContain(
      `Warning: 2 backups in ${backupFolder()} still open with the old password. To re-encrypt them under the new password, run \`sparekey backup --reencrypt\` (it asks for the old password, or reads SPAREKEY_OLD_PASSWORD); or delete them.`,
    );
    for (const [index, backup] of backups.entries()) {
      expect(readFileSync(backup).equals(before[index]!)).toBe(true);
    }
    expect((await cli(['verify', backups[1]!], withPassword(OLD))).code).toBe(0);
    expect((await ok(['backup', '--list'], withPassword(NEW))).stdout).toContain(
      '(opens with an earlier password)',
    );

    // Later, as the warning says.
    const wrong = await ok(['backup', '--reencrypt'], {
      env: { SPAREKEY_PASSWORD: NEW, SPAREKEY_OLD_PASSWORD: 'not it' },
    });
    expect(wrong.stderr).toContain(': it does not open with the password given.');
    const later = await ok(['backup', '--reencrypt'], {
      env: { SPAREKEY_PASSWORD: NEW, SPAREKEY_OLD_PASSWORD: OLD },
    });
    expect(later.stderr).toContain('Re-encrypted 2 backups');
    expect((await cli(['verify', backups[1]!], withPassword(NEW))).code).toBe(0);
    expect((await cli(['verify', backups[1]!], withPassword(OLD))).code).toBe(2);
    expect((await ok(['backup', '--list'], withPassword(NEW))).stdout).not.toContain(
      'earlier password',
    );
  });

  it('--json says what became of each backup', async () => {
    const backups = await vaultWithTwoBackups();
    const changed = await ok(['--json', 'passwd', '--backups', 'keep'], changing);
    expect(JSON.parse(changed.stdout)).toEqual({
      changed: true,
      backups: { choice: 'keep', reencrypted: [], deleted: [], kept: backups, left: [] },
    });
  });

  it('an answer that is not a choice is refused before anything changes', async () => {
    await ok(['init']);
    const refused = await cli(['passwd', '--backups', 'shred'], changing);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Allowed choices are reencrypt, delete, keep.');
    expect((await cli(['list'], withPassword(OLD))).code).toBe(0);
  });
});

type TerminalStream = OutputStream & {
  text: () => string;
  /** Resolves once what was written holds `text`. */
  shows: (text: string) => Promise<void>;
};

/** A stream that keeps what is written and says it is a terminal. */
function terminalStream(): TerminalStream {
  const chunks: string[] = [];
  const waiting: { text: string; resolve: () => void }[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      for (const wait of waiting.filter((entry) => stream.text().includes(entry.text))) {
        waiting.splice(waiting.indexOf(wait), 1);
        wait.resolve();
      }
      done();
    },
  }) as Writable & TerminalStream & { columns: number };
  stream.isTTY = true;
  stream.columns = 200;
  stream.text = () => chunks.join('');
  stream.shows = (text) =>
    stream.text().includes(text)
      ? Promise.resolve()
      : new Promise((resolve) => waiting.push({ text, resolve }));
  return stream;
}

describe('sparekey passwd at a terminal', () => {
  it('says how many backups open with the current password and asks; Enter re-encrypts them', async () => {
    const [newer] = await vaultWithTwoBackups();
    const stdin = Object.assign(new PassThrough(), { isTTY: true });
    const stderr = terminalStream();
    const terminal: Terminal = {
      stdin,
      stdout: terminalStream(),
      stderr,
      env: { SPAREKEY_VAULT: sandbox.vaultPath, SPAREKEY_PASSWORD: OLD, ...changing.env },
    };
    const running = runInProcess(['passwd'], terminal, 'test');
    await stderr.shows('[R/d/k]');
    stdin.write('\n');
    expect(await running).toBe(0);
    expect(stderr.text()).toContain(
      '2 backups in the backups folder open with the current password, and would still open with it after the change. Re-encrypt them under the new password, delete them, or keep them as they are? [R/d/k]',
    );
    expect(stderr.text()).toContain('Re-encrypted 2 backups');
    expect((await cli(['verify', newer!], withPassword(NEW))).code).toBe(0);
  });
});
