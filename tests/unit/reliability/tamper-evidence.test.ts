import Database from 'better-sqlite3';
import fc from 'fast-check';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VaultError } from '../../../src/shared/errors.js';
import { makeSeed } from '../../../src/core/otp/seed.js';
import { Vault } from '../../../src/core/vault.js';
import { count, report } from '../../support/stress.js';
import { FAST_KDF, PASSWORD } from '../../support/temp-vault.js';

/** Builds a closed vault with every kind of record in it. */
async function buildTemplate(path: string, name: string): Promise<void> {
  const vault = await Vault.create(path, PASSWORD, { ...FAST_KDF });
  const phone = vault.contacts.add({
    kind: 'phone',
    value: '+12025550143',
    label: `${name} phone`,
  });
  for (let index = 0; index < 6; index++) {
    const account = vault.accounts.add({
      issuer: `${name} ${index}`,
      accountName: `user${index}@example.com`,
      notes: `notes ${index}`,
      seed: makeSeed({
        secret: 'JBSWY3DPEHPK3PXP4SJHB4GSD43FZBAI',
        counter: index,
        type: index % 2 ? 'hotp' : 'totp',
      }),
    });
    vault.logins.set(account.id, { username: `user${index}`, password: `password ${index}` });
    vault.recovery.addMethod(account.id, { kind: 'sms', contactId: phone.id });
  }
  vault.settings.update({ autoLockMinutes: 9 });
  vault.close();
}

/** Opens the vault and reads every piece of data in it, as a user (and `sparekey verify`) would. */
async function readEverything(path: string): Promise<void> {
  const vault = await Vault.unlock(path, PASSWORD, { ...FAST_KDF });
  try {
    const problems = vault.verify();
    if (problems.length > 0) throw new VaultError('VAULT_DAMAGED', problems.join('; '));
    for (const account of vault.accounts.list()) {
      vault.accounts.revealSeed(account.id);
      vault.logins.get(account.id);
      vault.recovery.get(account.id);
    }
    vault.contacts.list();
    vault.settings.get();
  } finally {
    vault.close();
  }
}

type Mutation =
  | {
      kind: 'header-bit';
      column: 'magic' | 'format' | 'vault_id' | 'kdf' | 'key_slot' | 'checksum';
      position: number;
      bit: number;
    }
  | {
      kind: 'record-bit';
      row: number;
      column: 'body' | 'nonce' | 'id' | 'parent' | 'kind';
      position: number;
      bit: number;
    }
  | { kind: 'swap-rows'; first: number; second: number }
  | { kind: 'foreign-row'; row: number; foreign: number };

const HEADER_COLUMNS = ['magic', 'format', 'vault_id', 'kdf', 'key_slot', 'checksum'] as const;
const RECORD_COLUMNS = ['body', 'nonce', 'id', 'parent', 'kind'] as const;

const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('header-bit' as const),
    column: fc.constantFrom(...HEADER_COLUMNS),
    position: fc.nat(),
    bit: fc.integer({ min: 0, max: 7 }),
  }),
  fc.record({
    kind: fc.constant('record-bit' as const),
    row: fc.nat(),
    column: fc.constantFrom(...RECORD_COLUMNS),
    position: fc.nat(),
    bit: fc.integer({ min: 0, max: 7 }),
  }),
  fc.record({ kind: fc.constant('swap-rows' as const), first: fc.nat(), second: fc.nat() }),
  fc.record({ kind: fc.constant('foreign-row' as const), row: fc.nat(), foreign: fc.nat() }),
);

/**
 * Flips one bit of a value and returns the SQL expression that writes it back with
 * its SQLite type kept: integers stay integers, text stays text (byte for byte).
 */
function flipped(value: unknown, position: number, bit: number): { sql: string; value: unknown } {
  if (typeof value === 'number') return { sql: '?', value: value ^ (1 << (position % 31)) };
  const isText = typeof value === 'string';
  const bytes = Buffer.from(isText ? Buffer.from(value, 'utf8') : (value as Uint8Array));
  if (bytes.length > 0) {
    const at = position % bytes.length;
    bytes[at] = (bytes[at] ?? 0) ^ (1 << bit);
  }
  return { sql: isText ? 'CAST(? AS TEXT)' : '?', value: bytes };
}

interface Row {
  rowid: number;
  kind: string;
  id: string;
  parent: string | null;
  nonce: Buffer;
  body: Buffer;
}

/**
 * What the vault file holds, row by row (the header and every record), to tell a
 * mutation that changed it from one that changed nothing (a null parent has no bit
 * to flip, a row swapped with itself): SQLite's own bookkeeping, which every write
 * changes, is left out.
 */
function contentOf(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    const rows = (sql: string) =>
      JSON.stringify(db.prepare(sql).all(), (_key, value: unknown) =>
        Buffer.isBuffer(value) ? value.toString('hex') : value,
      );
    return rows('SELECT * FROM vault_header') + rows('SELECT * FROM records ORDER BY rowid');
  } finally {
    db.close();
  }
}

/** Applies a mutation to the vault file (some change nothing: `contentOf` tells). */
function mutate(path: string, foreignPath: string, mutation: Mutation): void {
  const db = new Database(path);
  try {
    const rows = db
      .prepare('SELECT rowid, kind, id, parent, nonce, body FROM records ORDER BY rowid')
      .all() as Row[];
    switch (mutation.kind) {
      case 'header-bit': {
        const row = db.prepare(`SELECT ${mutation.column} AS value FROM vault_header`).get() as {
          value: unknown;
        };
        const change = flipped(row.value, mutation.position, mutation.bit);
        db.prepare(`UPDATE vault_header SET ${mutation.column} = ${change.sql}`).run(
          change.value as never,
        );
        return;
      }
      case 'record-bit': {
        const row = rows[mutation.row % rows.length]!;
        const value = row[mutation.column];
        if (value === null) return;
        const change = flipped(value, mutation.position, mutation.bit);
        db.prepare(`UPDATE records SET ${mutation.column} = ${change.sql} WHERE rowid = ?`).run(
          change.value as never,
          row.rowid,
        );
        return;
      }
      case 'swap-rows': {
        const first = rows[mutation.first % rows.length]!;
        const second = rows[mutation.second % rows.length]!;
        if (first.rowid === second.rowid) return;
        const update = db.prepare('UPDATE records SET nonce = ?, body = ? WHERE rowid = ?');
        update.run(second.nonce, second.body, first.rowid);
        update.run(first.nonce, first.body, second.rowid);
        return;
      }
      case 'foreign-row': {
        const foreign = new Database(foreignPath, { readonly: true });
        const foreignRows = foreign
          .prepare('SELECT nonce, body FROM records ORDER BY rowid')
          .all() as Row[];
        foreign.close();
        const source = foreignRows[mutation.foreign % foreignRows.length]!;
        const target = rows[mutation.row % rows.length]!;
        db.prepare('UPDATE records SET nonce = ?, body = ? WHERE rowid = ?').run(
          source.nonce,
          source.body,
          target.rowid,
        );
        return;
      }
    }
  } finally {
    db.close();
  }
}

describe('tamper evidence', () => {
  const folder = mkdtempSync(join(tmpdir(), 'sparekey-tamper-'));
  const template = join(folder, 'template.sparekey');
  const foreign = join(folder, 'foreign.sparekey');
  const cases = count(300, 10_000);

  beforeAll(async () => {
    await buildTemplate(template, 'Alpha');
    await buildTemplate(foreign, 'Beta');
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('the untampered template reads back in full', async () => {
    await expect(readEverything(template)).resolves.toBeUndefined();
  });

  it(
    `${cases} random bit flips and row swaps are each reported as damage (or a wrong password), never opened`,
    { timeout: 600_000 },
    async () => {
      const outcomes = new Map<string, number>();
      const original = contentOf(template);
      let index = 0;
      let changed = 0;
      let unchanged = 0;
      await fc.assert(
        fc.asyncProperty(mutationArbitrary, async (mutation) => {
          const path = join(folder, `case-${index++}.sparekey`);
          copyFileSync(template, path);
          mutate(path, foreign, mutation);
          if (contentOf(path) === original) {
            // Nothing was changed: the file must still read back in full.
            unchanged++;
            await readEverything(path);
            return;
          }
          changed++;
          let error: unknown = null;
          try {
            await readEverything(path);
          } catch (caught) {
            error = caught;
          }
          expect(error, JSON.stringify(mutation)).toBeInstanceOf(VaultError);
          const code = (error as VaultError).code;
          expect(['VAULT_DAMAGED', 'WRONG_PASSWORD'], JSON.stringify(mutation)).toContain(code);
          if (code === 'WRONG_PASSWORD')
            expect(mutation.kind, JSON.stringify(mutation)).toBe('header-bit');
          const key = `${mutation.kind}${'column' in mutation ? `:${mutation.column}` : ''} -> ${code}`;
          outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
        }),
        { numRuns: cases, seed: 20261122 },
      );
      report('tamper cases', cases);
      report('  changed the file (each one refused)', changed);
      report('  changed nothing (each one opened)', unchanged);
      for (const [outcome, times] of [...outcomes].sort()) report(`  ${outcome}`, times);
      expect(changed + unchanged).toBe(cases);
      // A null parent, or a row swapped with itself, changes nothing: a few cases, not most.
      expect(changed).toBeGreaterThanOrEqual(Math.ceil(cases * 0.9));
    },
  );
});
