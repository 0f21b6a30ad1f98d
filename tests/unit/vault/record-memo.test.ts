import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CodesStatus } from '../../../src/shared/backup-codes.js';
import { RecordStore } from '../../../src/core/storage/records.js';
import { Vault } from '../../../src/core/vault.js';
import { createTestVault, FAST_KDF, PASSWORD } from '../../support/temp-vault.js';

const CODES = [
  '1111-2222',
  '3333-4444',
  '5555-6666',
  '7777-8888',
  '9999-0000',
  '1212-3434',
  '5656-7878',
  '9090-1010',
];

/** The statuses as the service's per-account `status` computes them, straight from the records. */
function fromScratch(vault: Vault, accountIds: string[]): CodesStatus[] {
  return accountIds
    .map((id) => vault.backupCodes.status(id))
    .filter((status) => status.currentSetIds.length > 0 || status.total > 0);
}

const byAccount = (statuses: CodesStatus[]) =>
  new Map(
    statuses.map((status) => [status.accountId, [status.remaining, status.total, status.level]]),
  );

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the statuses of every account, kept between health checks (RecordMemo)', () => {
  it('follows adds, uses, undos, replacements and account removals', async () => {
    const { vault } = await createTestVault();
    const a = vault.accounts.add({ issuer: 'Alpha' });
    const b = vault.accounts.add({ issuer: 'Beta' });
    vault.backupCodes.add(a.id, { codes: CODES });
    expect(byAccount(vault.backupCodes.statusAll())).toEqual(byAccount(fromScratch(vault, [a.id])));
    vault.backupCodes.add(b.id, { codes: CODES });
    for (const code of CODES.slice(0, 5)) vault.backupCodes.use(a.id, { code });
    expect(byAccount(vault.backupCodes.statusAll()).get(a.id)).toEqual([3, 8, 'low']);
    vault.backupCodes.undo(a.id);
    expect(byAccount(vault.backupCodes.statusAll()).get(a.id)).toEqual([4, 8, 'ok']);
    vault.backupCodes.add(b.id, { codes: ['aaaa-bbbb', 'cccc-dddd'], replace: true });
    expect(byAccount(vault.backupCodes.statusAll()).get(b.id)).toEqual([2, 2, 'ok']);
    vault.accounts.remove(a.id);
    expect([...byAccount(vault.backupCodes.statusAll()).keys()]).toEqual([b.id]);
    vault.close();
  });

  it('decrypts only the sets written since the last call', async () => {
    const { vault } = await createTestVault();
    const ids = ['A', 'B', 'C', 'D'].map((issuer) => vault.accounts.add({ issuer }).id);
    for (const id of ids) vault.backupCodes.add(id, { codes: CODES });
    vault.backupCodes.statusAll();
    const get = vi.spyOn(RecordStore.prototype, 'get');
    const each = vi.spyOn(RecordStore.prototype, 'each');
    vault.backupCodes.statusAll();
    expect(get.mock.calls.filter(([kind]) => kind === 'codeset')).toEqual([]);
    vault.backupCodes.use(ids[2]!, { code: CODES[0]! });
    get.mockClear();
    each.mockClear();
    expect(byAccount(vault.backupCodes.statusAll()).get(ids[2]!)).toEqual([7, 8, 'ok']);
    expect(get.mock.calls.filter(([kind]) => kind === 'codeset')).toHaveLength(1);
    expect(each.mock.calls.filter(([kind]) => kind === 'codeset')).toEqual([]);
    vault.close();
  });

  it('keeps nothing a rolled-back transaction wrote', async () => {
    const { vault } = await createTestVault();
    const a = vault.accounts.add({ issuer: 'Alpha' });
    vault.backupCodes.add(a.id, { codes: CODES });
    expect(() =>
      vault.transaction(() => {
        for (const code of CODES.slice(0, 5)) vault.backupCodes.use(a.id, { code });
        expect(byAccount(vault.backupCodes.statusAll()).get(a.id)).toEqual([3, 8, 'low']);
        throw new Error('abort');
      }),
    ).toThrow('abort');
    expect(byAccount(vault.backupCodes.statusAll()).get(a.id)).toEqual([8, 8, 'ok']);
    vault.close();
  });

  it('sees what another connection committed, and a record changed behind its back fails to open', async () => {
    const { vault, path } = await createTestVault();
    const a = vault.accounts.add({ issuer: 'Alpha' });
    vault.backupCodes.add(a.id, { codes: CODES });
    expect(byAccount(vault.backupCodes.statusAll()).get(a.id)).toEqual([8, 8, 'ok']);
    const other = await Vault.unlock(path, PASSWORD, FAST_KDF);
    other.backupCodes.use(a.id, { code: CODES[3]! });
    other.close();
    expect(byAccount(vault.backupCodes.statusAll()).get(a.id)).toEqual([7, 8, 'ok']);

    // The same nonce with another body: never served from memory.
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(path);
    db.prepare(
      "UPDATE records SET body = substr(body, 1, length(body) - 1) || x'00' WHERE kind = 'codeset'",
    ).run();
    db.close();
    expect(() => vault.backupCodes.statusAll()).toThrow(/codeset record .* cannot be read/);
    vault.close();
  });

  it('is dropped when the vault locks', async () => {
    const { vault } = await createTestVault();
    const a = vault.accounts.add({ issuer: 'Alpha' });
    vault.backupCodes.add(a.id, { codes: CODES });
    vault.recovery.addMethod(a.id, { kind: 'security-key', device: 'YubiKey' });
    vault.backupCodes.statusAll();
    vault.recovery.all();
    vault.lock();
    expect(() => vault.backupCodes.statusAll()).toThrow(/locked/);
    expect(() => vault.recovery.all()).toThrow(/locked/);
    await vault.unlock(PASSWORD);
    const each = vi.spyOn(RecordStore.prototype, 'each');
    vault.recovery.all();
    expect(each.mock.calls.filter(([kind]) => kind === 'recovery')).toHaveLength(1);
    vault.close();
  });

  it('hands out recovery records nobody can change', async () => {
    const { vault } = await createTestVault();
    const a = vault.accounts.add({ issuer: 'Alpha' });
    vault.recovery.addMethod(a.id, { kind: 'security-key', device: 'YubiKey' });
    const recovery = vault.recovery.all().get(a.id)!;
    expect(() => recovery.methods.push(recovery.methods[0]!)).toThrow(TypeError);
    expect(() => {
      (recovery.methods[0] as { device: string }).device = 'Tampered';
    }).toThrow(TypeError);
    expect(vault.recovery.get(a.id).methods[0]?.device).toBe('YubiKey');
    vault.close();
  });
});
