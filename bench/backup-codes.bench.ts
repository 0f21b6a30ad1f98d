import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { FixedClock } from '../src/main/vault/clock.js';
import { Vault } from '../src/main/vault/vault.js';

/**
 * Marking a backup code used must stay fast in a large vault: it reads and
 * rewrites one small record of one account, never the others. 10,000
 * accounts, each with a set of 10 codes. Run with `npm run bench`.
 */
const ACCOUNTS = 10_000;
let folder: string;
let vault: Vault;
const ids: string[] = [];
const codeOf = (account: number, code: number) =>
  `${String(account).padStart(5, '0')}${code} ${String(code).padStart(4, '0')}`;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'sparekey-bench-'));
  vault = await Vault.create(join(folder, 'bench.sparekey'), 'benchmark password', {
    kdfCost: { memoryKiB: 64, passes: 1, lanes: 1 },
    clock: new FixedClock(Date.UTC(2026, 4, 3, 10)),
  });
  vault.transaction(() => {
    for (let account = 0; account < ACCOUNTS; account++) {
      const id = vault.accounts.add({ issuer: `Site ${account}` }).id;
      vault.backupCodes.add(id, {
        codes: Array.from({ length: 10 }, (_, code) => codeOf(account, code)),
      });
      ids.push(id);
    }
  });
}, 120_000);

afterAll(() => {
  vault.close();
  rmSync(folder, { recursive: true, force: true });
});

describe(`backup codes in a vault of ${ACCOUNTS} accounts`, () => {
  test('marking codes used', { timeout: 120_000 }, async ({ bench }) => {
    let next = 0;
    await bench.compare(
      bench('use a typed code, then undo it (two transactions)', () => {
        const account = next++ % ACCOUNTS;
        const id = ids[account] as string;
        vault.backupCodes.use(id, { code: codeOf(account, next % 10) }, 'bench');
        vault.backupCodes.undo(id);
      }),
      bench('status of one account', () => {
        vault.backupCodes.status(ids[next++ % ACCOUNTS] as string);
      }),
    );
  });

  test('the health snapshot', { timeout: 120_000 }, async ({ bench }) => {
    await bench('statusAll: every set of every account, one pass', () => {
      vault.backupCodes.statusAll();
    }).run({ iterations: 5, time: 0 });
  });
});
