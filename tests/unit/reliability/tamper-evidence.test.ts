import type Database from 'better-sqlite3';
import fc from 'fast-check';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../../src/core/clock.js';
import { makeSeed } from '../../../src/core/otp/seed.js';
import { FileCounterMemory } from '../../../src/core/storage/counter-memory.js';
import { Vault } from '../../../src/core/vault.js';
import { type ErrorCode, VaultError } from '../../../src/shared/errors.js';
import { count, report } from '../../support/stress.js';
import { FAST_KDF, PASSWORD, T0 } from '../../support/temp-vault.js';
import {
  contentOf,
  editHeader,
  type HeaderRow,
  headerChecksum,
  hideFromKeyIndex,
  plantTrigger,
  putRow,
  rebuildIndexAs,
  type RecordRow,
  recordRows,
  withFile,
} from '../../support/vault-file.js';

/**
 * The attacker of issue 14: someone who can write the vault file but knows no
 * password and no key (a synced folder, a USB stick, malware that can write files
 * but not read Sparekey's memory). Every attack is made on a real vault file with
 * plain SQLite, then the file is opened as Sparekey opens it and everything in it
 * read. What must never happen is that a changed file opens as data: it is refused
 * as VAULT_DAMAGED (WRONG_PASSWORD where a header edit breaks the key slot,
 * NEWER_FORMAT where it claims a newer format), or, for the file (or its WAL) put
 * back as a whole to an earlier moment, reported by this computer's memory as older.
 */

const CODES = ['1111 1111', '2222 2222', '3333 3333', '4444 4444', '5555 5555', '6666 6666'];
const options = (memory?: FileCounterMemory) => ({
  ...FAST_KDF,
  clock: new FixedClock(T0),
  ...(memory === undefined ? {} : { counterMemory: memory }),
});

/** Fills a new vault with every kind of record Sparekey writes; returns the account ids. */
function populate(vault: Vault, name: string): string[] {
  const phone = vault.contacts.add({
    kind: 'phone',
    value: '+12025550143',
    label: `${name} phone`,
  });
  const ids: string[] = [];
  for (let index = 0; index < 4; index++) {
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
    vault.logins.set(account.id, { username: `user${index}`, password: `password ${index}b` });
    vault.recovery.addMethod(account.id, { kind: 'sms', contactId: phone.id });
    vault.backupCodes.add(account.id, { codes: CODES });
    ids.push(account.id);
  }
  vault.settings.update({ autoLockMinutes: 9 });
  const check = vault.health.check(T0);
  const finding = check.report.findings[0];
  if (finding !== undefined) vault.health.dismiss(check, finding.key, { mode: 'not-applicable' });
  vault.sheets.markPrinted([ids[0]!], { paper: 'a4', includeUsed: false });
  return ids;
}

/** Reads the vault's data as a user would: every record of every kind. */
function readEverything(vault: Vault): void {
  for (const account of vault.accounts.list()) {
    if (account.otp !== null) vault.accounts.revealSeed(account.id);
    if (vault.logins.get(account.id) !== null) {
      vault.logins.revealPassword(account.id);
      vault.logins.revealHistory(account.id);
    }
    vault.recovery.get(account.id);
    vault.history.list(account.id);
    for (const set of vault.backupCodes.sets(account.id)) {
      vault.backupCodes.reveal(account.id, set.id);
    }
    vault.sheets.lastPrinted(account.id);
  }
  vault.backupCodes.statusAll();
  vault.accounts.removed.list();
  vault.contacts.list();
  vault.settings.get();
  vault.health.check(T0);
  vault.backups.state();
}

/**
 * Where a changed file was refused: when it was opened, unlocked, when a record
 * was read (a body that does not decrypt), or only by `verify` afterwards, when
 * the user has already been shown its data (which counts as opened as data).
 */
type RefusedAt = 'open' | 'unlock' | 'read' | 'verify';

type Outcome =
  | { result: 'refused'; code: ErrorCode; at: RefusedAt; message: string }
  | { result: 'older'; missingChanges: number }
  | { result: 'opened' };

/** Opens, unlocks and reads the vault at `path` with this computer's memory at `memory`. */
async function attempt(path: string, memory: FileCounterMemory): Promise<Outcome> {
  const refused = (error: unknown, at: RefusedAt): Outcome => {
    // Anything but a VaultError (a library's error, a crash) fails the test.
    if (!(error instanceof VaultError)) throw error;
    return { result: 'refused', code: error.code, at, message: error.message };
  };
  let vault: Vault;
  try {
    vault = Vault.open(path, options(memory));
  } catch (error) {
    return refused(error, 'open');
  }
  try {
    await vault.unlock(PASSWORD);
  } catch (error) {
    vault.close();
    return refused(error, 'unlock');
  }
  try {
    const older = vault.olderThanLastSeen;
    try {
      readEverything(vault);
    } catch (error) {
      return refused(error, 'read');
    }
    const problems = vault.verify();
    if (problems.length > 0) {
      return refused(new VaultError('VAULT_DAMAGED', problems.join(' ')), 'verify');
    }
    return older === null
      ? { result: 'opened' }
      : { result: 'older', missingChanges: older.missingChanges };
  } finally {
    vault.close();
  }
}

// ---------------------------------------------------------------------------
// The attacks, as data: the random generator draws them, the tests below list them.

const HEADER_FIELDS = ['magic', 'format', 'vault_id', 'kdf', 'key_slot'] as const;
const HEADER_COLUMNS = [...HEADER_FIELDS, 'checksum'] as const;
const RECORD_COLUMNS = ['body', 'nonce', 'id', 'parent', 'kind', 'version'] as const;
const TABLES = ['records', 'vault_header', 'vault_state'] as const;
const TIMINGS = ['BEFORE', 'AFTER'] as const;
const EVENTS = ['UPDATE', 'DELETE', 'INSERT'] as const;
const SWAPS = ['body', 'nonce and body', 'version, nonce and body'] as const;
const SCHEMA_CHANGES = [
  'view',
  'extra table',
  'extra index',
  'changed index',
  'index rebuilt to hide a record',
  'key index rebuilt to hide a record',
] as const;
const STATE_CHANGES = [
  'rolled back',
  'deleted',
  'counter edited',
  'MAC edited',
  'second row',
] as const;
/** The vault is format 3; format 2 has the same tables, and its key slot then opens only under format 3's associated data. */
const FORMAT_EDITS = [0, 1, 2, 4, -1, 1000];

const base64 = (length: number, fill = 7) => Buffer.alloc(length, fill).toString('base64');
/** Edits of the key-derivation parameters; a string result is the header's new JSON text. */
const KDF_EDITS: [string, (kdf: Record<string, unknown>) => string | void][] = [
  ['memory 8 KiB with 64 lanes', (kdf) => void Object.assign(kdf, { memoryKiB: 8, lanes: 64 })],
  ['a 1-byte salt', (kdf) => void (kdf.salt = base64(1))],
  ['another 16-byte salt', (kdf) => void (kdf.salt = base64(16))],
  ['a 65-byte salt', (kdf) => void (kdf.salt = base64(65))],
  ['a salt that is not Base64', (kdf) => void (kdf.salt = 'not base64!')],
  ['1 MiB more memory', (kdf) => void (kdf.memoryKiB = (kdf.memoryKiB as number) + 1024)],
  ['64 GiB of memory', (kdf) => void (kdf.memoryKiB = 64 * 1024 * 1024)],
  ['1 pass', (kdf) => void (kdf.passes = 1)],
  ['4 passes', (kdf) => void (kdf.passes = 4)],
  ['1000 passes', (kdf) => void (kdf.passes = 1000)],
  ['1 lane', (kdf) => void (kdf.lanes = 1)],
  ['64 lanes', (kdf) => void (kdf.lanes = 64)],
  ['Argon2 version 16', (kdf) => void (kdf.version = 16)],
  ['Argon2i', (kdf) => void (kdf.algorithm = 'argon2i')],
  ['the same values spaced out', (kdf) => JSON.stringify(kdf, null, 2)],
  [
    'the same values in another order',
    (kdf) => JSON.stringify(Object.fromEntries(Object.entries(kdf).reverse())),
  ],
  ['an extra field', (kdf) => JSON.stringify({ ...kdf, note: 'hello' })],
];

type Mutation =
  | {
      kind: 'header-bit';
      column: (typeof HEADER_COLUMNS)[number];
      position: number;
      bit: number;
    }
  | { kind: 'header-field'; field: (typeof HEADER_FIELDS)[number]; edit: number }
  | { kind: 'header-row'; singleton: number }
  | {
      kind: 'record-bit';
      row: number;
      column: (typeof RECORD_COLUMNS)[number];
      position: number;
      bit: number;
    }
  | { kind: 'swap'; first: number; second: number; columns: (typeof SWAPS)[number] }
  | { kind: 'foreign-body'; row: number; foreign: number }
  | { kind: 'foreign-row'; foreign: number }
  | { kind: 'rolled-back-row'; candidate: number }
  | { kind: 'deleted-row'; row: number }
  | { kind: 'duplicated-row'; row: number; id: string }
  | { kind: 're-parented-row'; row: number; to: number }
  | {
      kind: 'trigger';
      table: (typeof TABLES)[number];
      timing: (typeof TIMINGS)[number];
      event: (typeof EVENTS)[number];
    }
  | { kind: 'schema'; change: (typeof SCHEMA_CHANGES)[number]; row: number }
  | { kind: 'state'; change: (typeof STATE_CHANGES)[number]; amount: number }
  | { kind: 'whole-file-rollback' }
  | { kind: 'wal-truncated'; at: number }
  /** No attack: the template as it is (a check of the checks). */
  | { kind: 'untouched' };

/** The kinds whose file is a whole earlier moment of the vault: only this computer's memory can tell. */
const WHOLE_VAULT_KINDS = new Set<Mutation['kind']>(['whole-file-rollback', 'wal-truncated']);

const position = fc.nat({ max: 1 << 20 });
const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('header-bit' as const),
    column: fc.constantFrom(...HEADER_COLUMNS),
    position,
    bit: fc.integer({ min: 0, max: 7 }),
  }),
  fc.record({
    kind: fc.constant('header-field' as const),
    field: fc.constantFrom(...HEADER_FIELDS),
    edit: position,
  }),
  fc.record({
    kind: fc.constant('header-row' as const),
    singleton: fc.constantFrom(-2, -1, 0, 2, 3),
  }),
  fc.record({
    kind: fc.constant('record-bit' as const),
    row: position,
    column: fc.constantFrom(...RECORD_COLUMNS),
    position,
    bit: fc.integer({ min: 0, max: 7 }),
  }),
  fc.record({
    kind: fc.constant('swap' as const),
    first: position,
    second: position,
    columns: fc.constantFrom(...SWAPS),
  }),
  fc.record({ kind: fc.constant('foreign-body' as const), row: position, foreign: position }),
  fc.record({ kind: fc.constant('foreign-row' as const), foreign: position }),
  fc.record({ kind: fc.constant('rolled-back-row' as const), candidate: position }),
  fc.record({ kind: fc.constant('deleted-row' as const), row: position }),
  fc.record({
    kind: fc.constant('duplicated-row' as const),
    row: position,
    id: fc.stringMatching(/^[0-9a-f]{16}$/),
  }),
  fc.record({ kind: fc.constant('re-parented-row' as const), row: position, to: position }),
  fc.record({
    kind: fc.constant('trigger' as const),
    table: fc.constantFrom(...TABLES),
    timing: fc.constantFrom(...TIMINGS),
    event: fc.constantFrom(...EVENTS),
  }),
  fc.record({
    kind: fc.constant('schema' as const),
    change: fc.constantFrom(...SCHEMA_CHANGES),
    row: position,
  }),
  fc.record({
    kind: fc.constant('state' as const),
    change: fc.constantFrom(...STATE_CHANGES),
    amount: position,
  }),
  fc.constant({ kind: 'whole-file-rollback' as const }),
  fc.record({ kind: fc.constant('wal-truncated' as const), at: position }),
);

/**
 * Flips one bit of a value and returns the SQL expression that writes it back with
 * its SQLite type kept: integers stay integers, text stays text (byte for byte).
 */
function flipped(value: unknown, at: number, bit: number): { sql: string; value: unknown } {
  if (typeof value === 'number') return { sql: '?', value: value ^ (1 << (at % 31)) };
  const isText = typeof value === 'string';
  const bytes = Buffer.from(isText ? Buffer.from(value, 'utf8') : (value as Uint8Array));
  if (bytes.length > 0) {
    const index = at % bytes.length;
    bytes[index] = (bytes[index] ?? 0) ^ (1 << bit);
  }
  return { sql: isText ? 'CAST(? AS TEXT)' : '?', value: bytes };
}

/** The vaults the attacks are made from, built once. */
interface Fixtures {
  folder: string;
  /** The vault as it is now (closed). */
  template: string;
  /** The same vault before a code was used, a password changed, an account removed… */
  earlier: string;
  /** Another vault, with the same kinds of records. */
  foreign: string;
  vaultId: string;
  /** The template's write counter, which this computer has seen. */
  counter: number;
  /** Rows that differ between the earlier copy and now: each as it was then (undefined: added since). */
  rolledBack: { kind: string; id: string; earlier: RecordRow | undefined }[];
  /** The template's file, and its WAL holding WAL_COMMITS more commits, as a crash can leave them. */
  walMain: Buffer;
  wal: Buffer;
  /** The counter after those commits, which this computer has seen. */
  walCounter: number;
  /** What the vault holds once the whole WAL is in. */
  walContent: string;
  templateContent: string;
}

const WAL_COMMITS = 3;

async function buildFixtures(): Promise<Fixtures> {
  const folder = mkdtempSync(join(tmpdir(), 'sparekey-tamper-'));
  const template = join(folder, 'template.sparekey');
  const earlier = join(folder, 'earlier.sparekey');
  const foreign = join(folder, 'foreign.sparekey');

  const made = await Vault.create(template, PASSWORD, options());
  const ids = populate(made, 'Alpha');
  const vaultId = made.vaultId;
  made.close();
  copyFileSync(template, earlier);
  // Then the changes the attacker would like to undo.
  const later = await Vault.unlock(template, PASSWORD, options());
  later.backupCodes.use(ids[0]!, { code: CODES[0]! });
  later.logins.set(ids[1]!, { username: 'user1', password: 'a new password' });
  later.accounts.update(ids[2]!, { notes: 'changed since' });
  later.accounts.remove(ids[3]!);
  later.settings.update({ autoLockMinutes: 7 });
  later.close();

  const other = await Vault.create(foreign, PASSWORD, options());
  populate(other, 'Beta');
  other.close();

  const rowsOf = (path: string) => withFile(path, recordRows);
  const key = (row: { kind: string; id: string }) => `${row.kind}\u0000${row.id}`;
  const same = (a: RecordRow, b: RecordRow) =>
    a.parent === b.parent && a.version === b.version && a.nonce.equals(b.nonce);
  const before = new Map(rowsOf(earlier).map((row) => [key(row), row]));
  const now = new Map(rowsOf(template).map((row) => [key(row), row]));
  const rolledBack: Fixtures['rolledBack'] = [];
  for (const [rowKey, row] of before) {
    const current = now.get(rowKey);
    if (current === undefined || !same(row, current)) rolledBack.push({ ...row, earlier: row });
  }
  for (const [rowKey, row] of now) {
    if (!before.has(rowKey)) rolledBack.push({ kind: row.kind, id: row.id, earlier: undefined });
  }
  const counter = withFile(
    template,
    (db) => (db.prepare('SELECT counter FROM vault_state').get() as { counter: number }).counter,
  );

  // A WAL holding the last commits, as the file is while Sparekey has it open.
  const walPath = join(folder, 'wal.sparekey');
  copyFileSync(template, walPath);
  const memory = new FileCounterMemory(join(folder, 'wal-memory.json'));
  const open = await Vault.unlock(walPath, PASSWORD, options(memory));
  open.database.checkpointAndTruncateWal();
  for (let index = 1; index <= WAL_COMMITS; index++) {
    open.backupCodes.use(ids[0]!, { code: CODES[index]! });
  }
  const walMain = readFileSync(walPath);
  const wal = readFileSync(`${walPath}-wal`);
  open.close();
  return {
    folder,
    template,
    earlier,
    foreign,
    vaultId,
    counter,
    rolledBack,
    walMain,
    wal,
    walCounter: memory.highest(vaultId)!,
    walContent: contentOf(walPath),
    templateContent: contentOf(template),
  };
}

/** Makes the attack on `path` (a copy of the template); returns what it was, for the figures. */
function mutate(path: string, fixtures: Fixtures, mutation: Mutation): string {
  switch (mutation.kind) {
    case 'untouched':
      return mutation.kind;
    case 'whole-file-rollback':
      copyFileSync(fixtures.earlier, path);
      return mutation.kind;
    case 'wal-truncated':
      writeFileSync(path, fixtures.walMain);
      writeFileSync(`${path}-wal`, fixtures.wal.subarray(0, mutation.at % fixtures.wal.length));
      return mutation.kind;
    case 'header-field':
      return editHeaderField(path, mutation.field, mutation.edit);
    case 'trigger': {
      const { table, timing, event } = mutation;
      withFile(path, (db) =>
        db.exec(
          `CREATE TRIGGER planted ${timing} ${event} ON ${table} BEGIN SELECT RAISE(IGNORE); END`,
        ),
      );
      return `trigger ${timing} ${event} on ${table}`;
    }
    case 'schema':
      return changeSchema(path, mutation.change, mutation.row);
    default:
      return withFile(path, (db) => mutateRows(db, fixtures, mutation));
  }
}

function editHeaderField(path: string, field: (typeof HEADER_FIELDS)[number], edit: number) {
  let what: string = field;
  editHeader(path, (row: HeaderRow) => {
    switch (field) {
      case 'format':
        row.format = FORMAT_EDITS[edit % FORMAT_EDITS.length]!;
        what = `format ${row.format}`;
        return;
      case 'kdf': {
        const [name, change] = KDF_EDITS[edit % KDF_EDITS.length]!;
        const kdf = JSON.parse(row.kdf) as Record<string, unknown>;
        const text = change(kdf);
        row.kdf = typeof text === 'string' ? text : JSON.stringify(kdf);
        what = `kdf: ${name}`;
        return;
      }
      case 'magic':
        row.magic = flipped(row.magic, edit, edit % 8).value as string;
        row.magic = Buffer.from(row.magic).toString('utf8');
        return;
      case 'vault_id':
      case 'key_slot':
        row[field] = flipped(row[field], edit, edit % 8).value as Buffer;
        return;
    }
  });
  return `header field, checksum recomputed: ${what}`;
}

function changeSchema(path: string, change: (typeof SCHEMA_CHANGES)[number], at: number): string {
  switch (change) {
    case 'view':
      withFile(path, (db) => db.exec('CREATE VIEW accounts AS SELECT * FROM records'));
      break;
    case 'extra table':
      withFile(path, (db) => db.exec('CREATE TABLE notes (text)'));
      break;
    case 'extra index':
      withFile(path, (db) => db.exec('CREATE INDEX records_by_version ON records (version)'));
      break;
    case 'changed index':
      withFile(path, (db) =>
        db.exec('DROP INDEX records_by_parent; CREATE INDEX records_by_parent ON records (parent)'),
      );
      break;
    case 'index rebuilt to hide a record':
    case 'key index rebuilt to hide a record': {
      const rows = withFile(path, recordRows);
      const children = rows.filter((row) => row.parent !== null);
      const row =
        change === 'key index rebuilt to hide a record'
          ? rows[at % rows.length]!
          : children[at % children.length]!;
      if (change === 'key index rebuilt to hide a record') hideFromKeyIndex(path, row.kind, row.id);
      else
        rebuildIndexAs(
          path,
          'records_by_parent',
          `CREATE INDEX records_by_parent ON records (parent, kind) WHERE parent IS NOT NULL AND id <> '${row.id}'`,
        );
      return `${change}: ${row.kind}`;
    }
  }
  return change;
}

function mutateRows(db: Database.Database, fixtures: Fixtures, mutation: Mutation): string {
  const rows = recordRows(db);
  const pick = (index: number) => rows[index % rows.length]!;
  switch (mutation.kind) {
    case 'header-bit': {
      const row = db.prepare(`SELECT ${mutation.column} AS value FROM vault_header`).get() as {
        value: unknown;
      };
      const change = flipped(row.value, mutation.position, mutation.bit);
      db.prepare(`UPDATE vault_header SET ${mutation.column} = ${change.sql}`).run(
        change.value as never,
      );
      return `header field, checksum kept: ${mutation.column}`;
    }
    case 'header-row': {
      // CHECK (singleton = 1) holds only for whoever leaves it on.
      db.pragma('ignore_check_constraints = ON');
      const header = db.prepare('SELECT * FROM vault_header').get() as HeaderRow;
      db.prepare(
        `INSERT OR REPLACE INTO vault_header (singleton, magic, format, vault_id, kdf, key_slot, checksum)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        mutation.singleton,
        header.magic,
        header.format,
        header.vault_id,
        header.kdf,
        header.key_slot,
        headerChecksum(header),
      );
      return 'a second header row';
    }
    case 'record-bit': {
      const row = pick(mutation.row);
      const value = row[mutation.column];
      if (value !== null) {
        const change = flipped(value, mutation.position, mutation.bit);
        db.prepare(`UPDATE records SET ${mutation.column} = ${change.sql} WHERE rowid = ?`).run(
          change.value as never,
          row.rowid,
        );
      }
      return `record bit flipped: ${mutation.column}`;
    }
    case 'swap': {
      const first = pick(mutation.first);
      const second = pick(mutation.second);
      const columns = {
        body: ['body'],
        'nonce and body': ['nonce', 'body'],
        'version, nonce and body': ['version', 'nonce', 'body'],
      }[mutation.columns] as ('version' | 'nonce' | 'body')[];
      const update = db.prepare(
        `UPDATE records SET ${columns.map((column) => `${column} = ?`).join(', ')} WHERE rowid = ?`,
      );
      update.run(...columns.map((column) => second[column]), first.rowid);
      update.run(...columns.map((column) => first[column]), second.rowid);
      return `two rows swapped: ${mutation.columns}`;
    }
    case 'foreign-body': {
      const source = withFile(fixtures.foreign, recordRows);
      const from = source[mutation.foreign % source.length]!;
      const target = pick(mutation.row);
      db.prepare('UPDATE records SET version = ?, nonce = ?, body = ? WHERE rowid = ?').run(
        from.version,
        from.nonce,
        from.body,
        target.rowid,
      );
      return 'a row given the nonce and body of another vault';
    }
    case 'foreign-row': {
      const source = withFile(fixtures.foreign, recordRows);
      const from = source[mutation.foreign % source.length]!;
      putRow(db, from);
      return `a row inserted from another vault: ${from.kind}`;
    }
    case 'rolled-back-row': {
      const candidate = fixtures.rolledBack[mutation.candidate % fixtures.rolledBack.length]!;
      if (candidate.earlier === undefined) {
        db.prepare('DELETE FROM records WHERE kind = ? AND id = ?').run(
          candidate.kind,
          candidate.id,
        );
      } else {
        putRow(db, candidate.earlier);
      }
      return `a row rolled back to its earlier copy: ${candidate.kind}`;
    }
    case 'deleted-row': {
      const row = pick(mutation.row);
      db.prepare('DELETE FROM records WHERE rowid = ?').run(row.rowid);
      return `a row deleted: ${row.kind}`;
    }
    case 'duplicated-row': {
      const row = pick(mutation.row);
      putRow(db, { ...row, id: mutation.id });
      return `a row duplicated under another id: ${row.kind}`;
    }
    case 're-parented-row': {
      const row = pick(mutation.row);
      // Any other parent: none, or another account.
      const parents = [null, ...rows.filter((each) => each.kind === 'account').map((a) => a.id)];
      const others = parents.filter((parent) => parent !== row.parent);
      const to = others[mutation.to % others.length]!;
      db.prepare('UPDATE records SET parent = ? WHERE rowid = ?').run(to, row.rowid);
      return `a row re-parented: ${row.kind}`;
    }
    case 'state': {
      const state = db.prepare('SELECT counter, mac FROM vault_state').get() as {
        counter: number;
        mac: Buffer;
      };
      switch (mutation.change) {
        case 'rolled back': {
          const earlier = withFile(
            fixtures.earlier,
            (old) => old.prepare('SELECT counter, mac FROM vault_state').get() as typeof state,
          );
          db.prepare('UPDATE vault_state SET counter = ?, mac = ?').run(
            earlier.counter,
            earlier.mac,
          );
          break;
        }
        case 'deleted':
          db.prepare('DELETE FROM vault_state').run();
          break;
        case 'counter edited': {
          const deltas = [1, -1, 2, -2, 1000, -state.counter];
          db.prepare('UPDATE vault_state SET counter = ?').run(
            state.counter + deltas[mutation.amount % deltas.length]!,
          );
          break;
        }
        case 'MAC edited':
          db.prepare('UPDATE vault_state SET mac = ?').run(
            flipped(state.mac, mutation.amount, mutation.amount % 8).value,
          );
          break;
        case 'second row':
          db.pragma('ignore_check_constraints = ON');
          db.prepare('INSERT INTO vault_state (singleton, counter, mac) VALUES (?, ?, ?)').run(
            2 + (mutation.amount % 3),
            state.counter,
            state.mac,
          );
          break;
      }
      return `vault state ${mutation.change}`;
    }
    default:
      throw new Error(`not a row mutation: ${mutation.kind}`);
  }
}

/** What one attack did, and what Sparekey made of it. */
interface CaseResult {
  label: string;
  /** False when the attack left the file as it was (a null parent has no bit to flip). */
  changed: boolean;
  outcome: Outcome;
}

let caseNumber = 0;

async function runCase(fixtures: Fixtures, mutation: Mutation): Promise<CaseResult> {
  const folder = join(fixtures.folder, `case-${caseNumber++}`);
  mkdirSync(folder);
  try {
    const path = join(folder, 'vault.sparekey');
    copyFileSync(fixtures.template, path);
    const label = mutate(path, fixtures, mutation);
    const baseline =
      mutation.kind === 'wal-truncated' ? fixtures.walContent : fixtures.templateContent;
    const changed = contentOf(path) !== baseline;
    // This computer has seen the vault at its latest: the template, or the WAL's last commit.
    const memory = new FileCounterMemory(join(folder, 'seen-vaults.json'));
    memory.remember(
      fixtures.vaultId,
      mutation.kind === 'wal-truncated' ? fixtures.walCounter : fixtures.counter,
    );
    const outcome = await attempt(path, memory);
    return { label, changed, outcome };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Why a case is a failure (a changed file that opened as data, a refusal of the wrong kind), or null. */
function failureOf(mutation: Mutation, result: CaseResult): string | null {
  const { outcome, changed } = result;
  if (!changed) return outcome.result === 'opened' ? null : 'an unchanged file did not open';
  if (WHOLE_VAULT_KINDS.has(mutation.kind)) {
    return outcome.result === 'older' && outcome.missingChanges >= 1
      ? null
      : 'an earlier moment of the vault was not reported as older';
  }
  if (outcome.result !== 'refused') return 'opened as data';
  if (outcome.at === 'verify') return 'opened as data (only verify noticed)';
  const allowed: ErrorCode[] = ['VAULT_DAMAGED'];
  if (mutation.kind === 'header-bit' || mutation.kind === 'header-field') {
    allowed.push('WRONG_PASSWORD');
  }
  if (mutation.kind === 'header-field' && mutation.field === 'format') allowed.push('NEWER_FORMAT');
  return allowed.includes(outcome.code) ? null : `refused as ${outcome.code}`;
}

const describeOutcome = (result: CaseResult) =>
  !result.changed
    ? 'changed nothing, opened'
    : result.outcome.result === 'refused'
      ? result.outcome.at === 'verify'
        ? 'OPENED AS DATA (only verify noticed)'
        : `${result.outcome.code} at ${result.outcome.at}`
      : result.outcome.result === 'older'
        ? 'opened, reported as older'
        : 'OPENED AS DATA';

async function expectRefused(
  fixtures: Fixtures,
  mutation: Mutation,
  codes: ErrorCode[] = ['VAULT_DAMAGED'],
): Promise<Extract<Outcome, { result: 'refused' }>> {
  const result = await runCase(fixtures, mutation);
  const context = `${result.label} (${JSON.stringify(mutation)})`;
  expect(result.changed, context).toBe(true);
  expect(result.outcome.result, context).toBe('refused');
  const outcome = result.outcome as Extract<Outcome, { result: 'refused' }>;
  expect(codes, `${context}: ${outcome.message}`).toContain(outcome.code);
  expect(outcome.at, `${context}: its data was shown before verify noticed`).not.toBe('verify');
  // Said in words, never a library's text.
  expect(outcome.message).not.toMatch(/SQLITE_|unexpected error|Salt is too short|TypeError/);
  return outcome;
}

describe('tamper evidence: an attacker who can write the vault file', () => {
  let fixtures: Fixtures;
  beforeAll(async () => {
    fixtures = await buildFixtures();
  });
  afterAll(() => rmSync(fixtures.folder, { recursive: true, force: true }));

  it('the untouched vault reads back in full, and holds every kind of record', async () => {
    const untouched = await runCase(fixtures, { kind: 'untouched' });
    expect(untouched).toEqual({
      label: 'untouched',
      changed: false,
      outcome: { result: 'opened' },
    });
    const kinds = withFile(fixtures.template, (db) =>
      (db.prepare('SELECT DISTINCT kind FROM records').all() as { kind: string }[]).map(
        (row) => row.kind,
      ),
    );
    expect(kinds.sort()).toEqual(
      [
        'account',
        'backup-state',
        'codeset',
        'contact',
        'event',
        'health-dismissal',
        'login',
        'otp',
        'password-history',
        'recovery',
        'removed-account',
        'settings',
        'sheet-print',
      ].sort(),
    );
  });

  describe('the schema', () => {
    it('a trigger on each table, before or after each kind of write, is refused at open, named', async () => {
      for (const table of TABLES) {
        for (const timing of TIMINGS) {
          for (const event of EVENTS) {
            const outcome = await expectRefused(fixtures, {
              kind: 'trigger',
              table,
              timing,
              event,
            });
            expect(outcome.at).toBe('open');
            expect(outcome.message).toContain(
              'a trigger named "planted" that Sparekey does not create',
            );
          }
        }
      }
    });

    it('a view, an extra table or index, and a changed index are refused at open, named', async () => {
      const named: Record<string, string> = {
        view: 'a view named "accounts"',
        'extra table': 'a table named "notes"',
        'extra index': 'an index named "records_by_version"',
        'changed index': 'an index named "records_by_parent" whose definition was changed',
      };
      for (const [change, words] of Object.entries(named)) {
        const outcome = await expectRefused(fixtures, {
          kind: 'schema',
          change: change as (typeof SCHEMA_CHANGES)[number],
          row: 0,
        });
        expect(outcome.at).toBe('open');
        expect(outcome.message).toContain(words);
      }
    });

    it('an index rebuilt to hide one record (its definition put back) is refused at unlock', async () => {
      const rows = withFile(fixtures.template, recordRows);
      const children = rows.filter((row) => row.parent !== null).length;
      for (let row = 0; row < children; row += 7) {
        const outcome = await expectRefused(fixtures, {
          kind: 'schema',
          change: 'index rebuilt to hide a record',
          row,
        });
        expect(outcome.at).toBe('unlock');
      }
      for (let row = 0; row < rows.length; row += 7) {
        const outcome = await expectRefused(fixtures, {
          kind: 'schema',
          change: 'key index rebuilt to hide a record',
          row,
        });
        expect(outcome.at).toBe('unlock');
      }
    });
  });

  describe('while the vault is open', () => {
    it('a record put back, or deleted, by another program is refused at the next read and the next write', async () => {
      const path = join(fixtures.folder, 'open.sparekey');
      const rows = withFile(fixtures.template, recordRows);
      const oneOfEachKind = [...new Map(rows.map((row, index) => [row.kind, index])).values()];
      const attacks: Mutation[] = [
        ...fixtures.rolledBack.map((_, candidate): Mutation => ({
          kind: 'rolled-back-row',
          candidate,
        })),
        ...oneOfEachKind.map((row): Mutation => ({ kind: 'deleted-row', row })),
      ];
      for (const attack of attacks) {
        for (const next of ['read', 'write'] as const) {
          copyFileSync(fixtures.template, path);
          const vault = await Vault.unlock(path, PASSWORD, options());
          try {
            const label = withFile(path, (db) => mutateRows(db, fixtures, attack));
            let error: unknown;
            try {
              if (next === 'read') readEverything(vault);
              else vault.settings.update({ autoLockMinutes: 3 });
            } catch (caught) {
              error = caught;
            }
            expect(error, `${label}, then a ${next}`).toBeInstanceOf(VaultError);
            expect((error as VaultError).code).toBe('VAULT_DAMAGED');
            expect((error as VaultError).message).toContain('was changed outside Sparekey');
          } finally {
            vault.close();
            rmSync(path, { force: true });
          }
        }
      }
    });

    it('a trigger planted on each table while the vault is open is refused at the next write, named', async () => {
      const path = join(fixtures.folder, 'open.sparekey');
      for (const table of TABLES) {
        for (const timing of TIMINGS) {
          for (const event of EVENTS) {
            copyFileSync(fixtures.template, path);
            const vault = await Vault.unlock(path, PASSWORD, options());
            try {
              const before = contentOf(path);
              const name = plantTrigger(path, table, timing, event);
              let error: unknown;
              try {
                vault.settings.update({ autoLockMinutes: 3 });
              } catch (caught) {
                error = caught;
              }
              expect(error, name).toBeInstanceOf(VaultError);
              expect((error as VaultError).code).toBe('VAULT_DAMAGED');
              expect((error as VaultError).message).toContain(`a trigger named "${name}"`);
              withFile(path, (db) => db.exec(`DROP TRIGGER ${name}`));
              expect(contentOf(path), `${name} let a write through`).toBe(before);
            } finally {
              vault.close();
              rmSync(path, { force: true });
            }
          }
        }
      }
    });
  });

  describe('single records', () => {
    it('each record changed since an earlier copy, put back to that copy, is refused at unlock', async () => {
      // A code set from before a code was used, a login before its password changed, an
      // account removed since, a settings record from before, a history event taken out…
      expect(fixtures.rolledBack.map((row) => row.kind)).toEqual(
        expect.arrayContaining(['codeset', 'login', 'account', 'settings', 'event']),
      );
      for (let candidate = 0; candidate < fixtures.rolledBack.length; candidate++) {
        const outcome = await expectRefused(fixtures, { kind: 'rolled-back-row', candidate });
        expect(outcome.at).toBe('unlock');
      }
    });

    it('a record of each kind deleted, duplicated under another id, or re-parented is refused at unlock', async () => {
      const rows = withFile(fixtures.template, recordRows);
      const oneOfEachKind = [...new Map(rows.map((row, index) => [row.kind, index])).values()];
      for (const row of oneOfEachKind) {
        for (const mutation of [
          { kind: 'deleted-row', row },
          { kind: 'duplicated-row', row, id: '00000000deadbeef' },
          // Out from under its account, or under another one (an account's row: under one).
          { kind: 're-parented-row', row, to: 0 },
          { kind: 're-parented-row', row, to: 1 },
        ] as Mutation[]) {
          const outcome = await expectRefused(fixtures, mutation);
          expect(outcome.at).toBe('unlock');
        }
      }
    });

    it("a record of each kind inserted from another vault, or given another vault's body, is refused", async () => {
      const foreign = withFile(fixtures.foreign, recordRows);
      const oneOfEachKind = [...new Map(foreign.map((row, index) => [row.kind, index])).values()];
      for (const index of oneOfEachKind) {
        await expectRefused(fixtures, { kind: 'foreign-row', foreign: index });
        await expectRefused(fixtures, { kind: 'foreign-body', row: index, foreign: index });
      }
    });

    it("two rows' bodies, nonces and versions swapped are refused", async () => {
      const rows = withFile(fixtures.template, recordRows);
      for (const columns of SWAPS) {
        for (let first = 0; first < rows.length; first += 5) {
          const second = (first + 3) % rows.length;
          // A body alone decrypts under no other row's associated data: refused when it is read.
          const outcome = await expectRefused(fixtures, { kind: 'swap', first, second, columns });
          if (columns !== 'body') expect(outcome.at).toBe('unlock');
        }
      }
    });
  });

  describe('the header', () => {
    it('each field edited, the checksum left as it was, is refused at open', async () => {
      for (const column of HEADER_FIELDS) {
        const outcome = await expectRefused(fixtures, {
          kind: 'header-bit',
          column,
          position: 3,
          bit: 1,
        });
        expect(outcome.at).toBe('open');
        expect(outcome.message).toContain('its checksum does not match');
      }
    });

    it('each field edited with the checksum recomputed is refused, in words, before any key is derived when it can be', async () => {
      const expected: [Mutation, ErrorCode, string][] = [
        [{ kind: 'header-field', field: 'magic', edit: 0 }, 'VAULT_DAMAGED', 'signature'],
        [{ kind: 'header-field', field: 'vault_id', edit: 0 }, 'WRONG_PASSWORD', ''],
        [{ kind: 'header-field', field: 'key_slot', edit: 5 }, 'WRONG_PASSWORD', ''],
        ...FORMAT_EDITS.map((format, edit): [Mutation, ErrorCode, string] => [
          { kind: 'header-field', field: 'format', edit },
          format > 3 ? 'NEWER_FORMAT' : 'VAULT_DAMAGED',
          format > 3 ? 'newer version of Sparekey' : 'format',
        ]),
        ...KDF_EDITS.map(([name], edit): [Mutation, ErrorCode, string] => [
          { kind: 'header-field', field: 'kdf', edit },
          // Values within Sparekey's limits change the key (and the key slot's associated data).
          ['another 16-byte salt', '1 MiB more memory', '4 passes', '1 lane'].includes(name)
            ? 'WRONG_PASSWORD'
            : 'VAULT_DAMAGED',
          '',
        ]),
      ];
      for (const [mutation, code, words] of expected) {
        const outcome = await expectRefused(fixtures, mutation, [code]);
        expect(outcome.message, JSON.stringify(mutation)).toContain(words);
        // Format 3 edited to 2 (the same tables) is told only by the key slot, at unlock.
        const toSameTables =
          mutation.kind === 'header-field' &&
          mutation.field === 'format' &&
          FORMAT_EDITS[mutation.edit] === 2;
        if (toSameTables) expect(outcome.at).toBe('unlock');
        else if (code === 'VAULT_DAMAGED' || code === 'NEWER_FORMAT')
          expect(outcome.at).toBe('open');
      }
    });

    it('a second header row is refused at open, wherever it sorts', async () => {
      for (const singleton of [0, 2, -1]) {
        const outcome = await expectRefused(fixtures, { kind: 'header-row', singleton });
        expect(outcome.at).toBe('open');
      }
    });
  });

  describe('the vault state', () => {
    it('rolled back, deleted, its counter or MAC edited, or doubled: refused at unlock', async () => {
      for (const change of STATE_CHANGES) {
        for (let amount = 0; amount < 6; amount++) {
          const outcome = await expectRefused(fixtures, { kind: 'state', change, amount });
          expect(outcome.at).toBe('unlock');
        }
      }
    });
  });

  describe('the whole vault put back to an earlier moment', () => {
    it("a WAL cut after a commit loses that commit silently at the file level; this computer's memory reports it", async () => {
      // Every cut point: at each frame boundary and inside frames, down to no WAL at all.
      const pageFrame = 24 + fixtures.wal.readUInt32BE(8); // a frame header and a page
      const cuts = [0, 32, 100];
      for (let at = 32 + pageFrame; at < fixtures.wal.length; at += pageFrame)
        cuts.push(at, at - 7);
      cuts.push(fixtures.wal.length - 1);
      for (const at of cuts) {
        const result = await runCase(fixtures, { kind: 'wal-truncated', at });
        expect(result.changed).toBe(true);
        expect(result.outcome, `cut at ${at}`).toMatchObject({ result: 'older' });
        const { missingChanges } = result.outcome as { missingChanges: number };
        expect(missingChanges).toBeGreaterThanOrEqual(1);
        expect(missingChanges).toBeLessThanOrEqual(WAL_COMMITS);
      }
    });

    it('a whole-file rollback opens: reported as older where this computer saw the newer vault, not where it did not', async () => {
      const result = await runCase(fixtures, { kind: 'whole-file-rollback' });
      expect(result.outcome).toMatchObject({ result: 'older' });
      expect((result.outcome as { missingChanges: number }).missingChanges).toBeGreaterThanOrEqual(
        1,
      );
      // What Sparekey cannot tell (docs/security.md): a computer that never saw the newer vault.
      const copy = join(fixtures.folder, 'earlier-copy.sparekey');
      copyFileSync(fixtures.earlier, copy);
      const fresh = new FileCounterMemory(join(fixtures.folder, 'never-saw-it.json'));
      expect(await attempt(copy, fresh)).toEqual({ result: 'opened' });
    });
  });

  const cases = count(400, 10_000);
  it(
    `${cases} random attacks of every kind: none opens as data`,
    { timeout: 1_800_000 },
    async () => {
      const started = performance.now();
      const mutations = fc.sample(mutationArbitrary, { numRuns: cases, seed: 20261206 });
      const byLabel = new Map<string, Map<string, number>>();
      const byKind = new Map<string, number>();
      const failures: string[] = [];
      let changed = 0;
      let unchanged = 0;
      let refused = 0;
      let older = 0;
      let openedAsData = 0;
      for (const mutation of mutations) {
        const result = await runCase(fixtures, mutation);
        const failure = failureOf(mutation, result);
        if (failure !== null)
          failures.push(`${failure}: ${result.label} ${JSON.stringify(mutation)}`);
        if (!result.changed) unchanged++;
        else {
          changed++;
          if (result.outcome.result === 'refused' && result.outcome.at !== 'verify') refused++;
          else if (WHOLE_VAULT_KINDS.has(mutation.kind) && result.outcome.result === 'older')
            older++;
          else openedAsData++;
        }
        byKind.set(mutation.kind, (byKind.get(mutation.kind) ?? 0) + 1);
        const outcomes = byLabel.get(result.label) ?? new Map<string, number>();
        const outcome = describeOutcome(result);
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        byLabel.set(result.label, outcomes);
      }
      const seconds = (performance.now() - started) / 1000;
      report('tamper attacks', cases);
      report('  changed the file', changed);
      report('  refused (VAULT_DAMAGED, WRONG_PASSWORD or NEWER_FORMAT)', refused);
      report('  whole vault put back, reported as older by this computer', older);
      report('  opened as data', openedAsData);
      report('  changed nothing (each one opened)', unchanged);
      report('  time', `${seconds.toFixed(1)} s`);
      for (const [kind, times] of [...byKind].sort()) report(`  kind ${kind}`, times);
      for (const [label, outcomes] of [...byLabel].sort()) {
        const total = [...outcomes.values()].reduce((sum, times) => sum + times, 0);
        const parts = [...outcomes].sort().map(([outcome, times]) => `${outcome} ${times}`);
        report(`    ${label}`, `${total} (${parts.join(', ')})`);
      }
      expect(failures.slice(0, 10)).toEqual([]);
      expect(openedAsData).toBe(0);
      // Every kind of attack is drawn, and most attacks change the file.
      expect(byKind.size).toBe(16);
      expect(changed).toBeGreaterThanOrEqual(Math.ceil(cases * 0.9));
    },
  );
});
