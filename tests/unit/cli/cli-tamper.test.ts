import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeSeed } from '../../../src/core/otp/seed.js';
import { runCli } from '../../support/cli.js';
import { createTestVault, PASSWORD, REAL_KDF, tempFolder } from '../../support/temp-vault.js';
import {
  editKdf,
  editHeader,
  plantTrigger,
  putRow,
  type RecordRow,
  recordRows,
  withFile,
} from '../../support/vault-file.js';

/**
 * The attacks of issue 14 met by the real CLI, run as a child process: someone
 * who can write the vault file (a synced folder, a USB stick) changes it between
 * two commands. Damage exits 3 with a sentence saying what was found; never
 * "unexpected error", never a library's text.
 */

const CODES = ['1111 1111', '2222 2222', '3333 3333', '4444 4444'];
let home: string;
let vaultPath: string;
let env: Record<string, string>;

beforeEach(() => {
  home = tempFolder();
  vaultPath = join(home, 'cli.sparekey');
  env = { SPAREKEY_VAULT: vaultPath, SPAREKEY_PASSWORD: PASSWORD, TZ: 'UTC' };
});

const cli = (args: string[], extra: Record<string, string> = {}) =>
  runCli(args, { home, env: { ...env, ...extra } });

/** A vault the CLI can open (real Argon2id parameters), with one account and its backup codes. */
async function vaultWithCodes(): Promise<void> {
  const { vault } = await createTestVault({ path: vaultPath, ...REAL_KDF });
  const account = vault.accounts.add({
    issuer: 'Bank',
    accountName: 'me@example.com',
    seed: makeSeed({ secret: 'JBSWY3DPEHPK3PXP' }),
  });
  vault.backupCodes.add(account.id, { codes: CODES });
  vault.close();
}

/** What every refusal of a damaged vault looks like: exit 3, one sentence, nothing done. */
function expectDamage(result: { code: number; stdout: string; stderr: string }): void {
  expect(result.code, result.stderr).toBe(3);
  expect(result.stderr).toMatch(/^sparekey: (DAMAGED: )?The vault/);
  expect(result.stderr).not.toMatch(/unexpected error|SQLITE_|Salt is too short|at .*\.js:\d+/);
  expect(result.stdout).toBe('');
}

const codeSetRow = () =>
  withFile(vaultPath, (db) => recordRows(db).find((row) => row.kind === 'codeset')!);

describe('a planted trigger', () => {
  it('`codes use` exits 3 naming the trigger, and the code is not marked', async () => {
    await vaultWithCodes();
    withFile(vaultPath, (db) =>
      db.exec(`CREATE TRIGGER keep_codes BEFORE UPDATE ON records WHEN old.kind = 'codeset'
               BEGIN SELECT RAISE(IGNORE); END`),
    );
    const use = await cli(['codes', 'use', 'bank', CODES[0]!]);
    expectDamage(use);
    expect(use.stderr).toContain('a trigger named "keep_codes" that Sparekey does not create');
    expect(use.stderr).not.toContain('Marked');

    withFile(vaultPath, (db) => db.exec('DROP TRIGGER keep_codes'));
    const list = await cli(['codes', 'list', 'bank']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('4 of 4 left');
  });

  it('`passwd` and `remove` exit 3 naming the trigger that would have undone them', async () => {
    await vaultWithCodes();
    const onHeader = plantTrigger(vaultPath, 'vault_header', 'BEFORE', 'UPDATE');
    const passwd = await cli(['passwd'], { SPAREKEY_NEW_PASSWORD: 'a brand new password' });
    expectDamage(passwd);
    expect(passwd.stderr).toContain(`a trigger named "${onHeader}"`);
    expect(passwd.stderr).not.toContain('Password changed');

    withFile(vaultPath, (db) => db.exec(`DROP TRIGGER ${onHeader}`));
    const onDelete = plantTrigger(vaultPath, 'records', 'BEFORE', 'DELETE');
    const remove = await cli(['remove', 'bank', '--yes']);
    expectDamage(remove);
    expect(remove.stderr).toContain(`a trigger named "${onDelete}"`);
    expect(remove.stderr).not.toContain('Removed');
  });
});

describe('a single record rolled back', () => {
  it('`verify` exits 3 on a code set put back to its copy from before a code was used', async () => {
    await vaultWithCodes();
    const before: RecordRow = codeSetRow();
    const use = await cli(['codes', 'use', 'bank', CODES[0]!]);
    expect(use.code, use.stderr).toBe(0);
    expect((await cli(['verify'])).code).toBe(0);

    withFile(vaultPath, (db) => putRow(db, before));
    const verify = await cli(['verify']);
    expectDamage(verify);
    expect(verify.stderr).toContain('was changed outside Sparekey');
    expect(verify.stderr).toContain('DAMAGED:');
    // Nor does any other command show the code as unused again.
    expectDamage(await cli(['codes', 'list', 'bank']));
  });
});

describe('header fields edited, their checksum recomputed', () => {
  it('format 0 exits 3 in words, not "table vault_header already exists"', async () => {
    await vaultWithCodes();
    editHeader(vaultPath, (row) => (row.format = 0));
    const list = await cli(['list']);
    expectDamage(list);
    expect(list.stderr).toContain('its format number (0) is not one Sparekey ever wrote');
    expect(list.stderr).not.toContain('already exists');
  });

  it('a 1-byte salt exits 3 in words, before any key is derived', async () => {
    await vaultWithCodes();
    editKdf(vaultPath, (kdf) => (kdf.salt = Buffer.alloc(1).toString('base64')));
    const list = await cli(['list']);
    expectDamage(list);
    expect(list.stderr).toContain(
      'the key-derivation salt is 1 byte long, shorter than the 16 bytes Sparekey requires',
    );
  });

  it('8 KiB of memory over 64 lanes exits 3 in words', async () => {
    await vaultWithCodes();
    editKdf(vaultPath, (kdf) => Object.assign(kdf, { memoryKiB: 8, lanes: 64 }));
    const list = await cli(['list']);
    expectDamage(list);
    expect(list.stderr).toContain('less than the 64 MiB Sparekey requires');
  });
});

describe('the whole file rolled back', () => {
  it('opens with a warning on stderr saying how many changes are missing, once, and exits 0', async () => {
    await vaultWithCodes();
    // The CLI opens it once, so this computer knows it.
    expect((await cli(['codes', 'list', 'bank'])).code).toBe(0);
    const copy = join(tempFolder(), 'older.sparekey');
    copyFileSync(vaultPath, copy);
    const counter = (path: string) =>
      withFile(
        path,
        (db) =>
          (db.prepare('SELECT counter FROM vault_state').get() as { counter: number }).counter,
      );
    for (const code of CODES.slice(0, 2)) {
      expect((await cli(['codes', 'use', 'bank', code])).code).toBe(0);
    }
    const missing = counter(vaultPath) - counter(copy);
    expect(missing).toBeGreaterThanOrEqual(2);
    copyFileSync(copy, vaultPath);

    const list = await cli(['codes', 'list', 'bank']);
    expect(list.code).toBe(0);
    expect(list.stderr).toContain(
      `Warning: this vault is older than the one this computer last opened: ${missing} changes are missing.`,
    );
    expect(list.stderr).toContain('Was a backup restored or the file replaced?');
    expect(list.stdout).toContain('4 of 4 left');
    // The user was told; this computer now remembers the vault as it is.
    const again = await cli(['codes', 'list', 'bank']);
    expect(again.code).toBe(0);
    expect(again.stderr).not.toContain('older than');
  });
});
