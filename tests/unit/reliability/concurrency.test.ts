import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppSession } from '../../../src/main/api/app-session.js';
import { dispatch } from '../../../src/main/api/dispatch.js';
import { createHandlers } from '../../../src/main/api/handlers/index.js';
import { runCli } from '../../support/cli.js';
import { tempFolder } from '../../support/temp-vault.js';

const PASSWORD = 'concurrency password';

async function appOn(vaultPath: string) {
  const session = new AppSession({ vaultPath });
  const handlers = createHandlers(session);
  const log = { warn: () => undefined };
  const call = async (name: string, input: unknown) => {
    const envelope = await dispatch(handlers, name, input, log);
    if (!envelope.ok) throw new Error(`${name}: ${envelope.error.code} ${envelope.error.message}`);
    return envelope.value;
  };
  return { session, call };
}

describe('the CLI and the app on one vault at the same time', () => {
  it('writes from both serialize, and each sees the other’s committed changes', async () => {
    const home = tempFolder();
    const vaultPath = join(home, 'shared.sparekey');
    const env = { SPAREKEY_VAULT: vaultPath, SPAREKEY_PASSWORD: PASSWORD };
    expect((await runCli(['init'], { home, env })).code).toBe(0);
    const app = await appOn(vaultPath);
    await app.call('unlockVault', { password: PASSWORD });

    const cliWriters = [0, 1, 2].map(async (writer) => {
      for (let index = 0; index < 4; index++) {
        const result = await runCli(['add', `cli-${writer}-${index}`], { home, env });
        expect(result.code, result.stderr).toBe(0);
      }
    });
    const appWriter = (async () => {
      for (let index = 0; index < 25; index++) {
        await app.call('addAccount', { issuer: `app-${index}` });
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    await Promise.all([...cliWriters, appWriter]);

    const seenByApp = (await app.call('listAccounts', {})) as { issuer: string }[];
    expect(seenByApp).toHaveLength(37);
    const seenByCli = JSON.parse((await runCli(['--json', 'list'], { home, env })).stdout) as {
      issuer: string;
    }[];
    expect(seenByCli.map((account) => account.issuer).sort()).toEqual(
      seenByApp.map((account) => account.issuer).sort(),
    );
    app.session.close();

    const check = new Database(vaultPath, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();
  });

  it('a write that waits too long for another process gives BUSY, exit 1, and changes nothing', async () => {
    const home = tempFolder();
    const vaultPath = join(home, 'busy.sparekey');
    const env = { SPAREKEY_VAULT: vaultPath, SPAREKEY_PASSWORD: PASSWORD };
    expect((await runCli(['init'], { home, env })).code).toBe(0);

    const holder = new Database(vaultPath);
    holder.exec('BEGIN IMMEDIATE');
    const blocked = await runCli(['add', 'Blocked'], { home, env });
    holder.exec('ROLLBACK');
    holder.close();
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toContain(
      'being changed by another Sparekey window or command. Try again in a moment.',
    );

    expect((await runCli(['add', 'Later'], { home, env })).code).toBe(0);
    const list = JSON.parse((await runCli(['--json', 'list'], { home, env })).stdout) as {
      issuer: string;
    }[];
    expect(list.map((account) => account.issuer)).toEqual(['Later']);
  });
});
