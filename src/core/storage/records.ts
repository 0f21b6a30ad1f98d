import type { z } from 'zod';
import { VaultError } from '../../shared/errors.js';
import { open, seal } from '../crypto/aead.js';
import { encodeFields, fromUtf8, toHex, utf8 } from '../crypto/bytes.js';
import type { Random } from '../random.js';
import { unexpectedWrite } from './checked-writes.js';
import type { VaultDatabase } from './database.js';
import type { RowLedger } from './vault-state.js';

const TABLE = 'records';
/** Rows decrypted at a time by `eachPlaintextChunk`. */
const PLAINTEXT_CHUNK = 1024;

interface RecordRow {
  kind: string;
  id: string;
  parent: string | null;
  version: number;
  nonce: Uint8Array;
  body: Uint8Array;
}

export interface StoredRecord<T> {
  id: string;
  parent: string | null;
  value: T;
}

/** A record's plaintext as stored (JSON bytes), for re-encrypting a whole vault. */
export interface PlainRecord {
  kind: string;
  id: string;
  parent: string | null;
  plaintext: Uint8Array;
}

export interface RecordStoreOptions {
  vaultId: Uint8Array;
  /** The vault format the rows are written in (1: no versions; 2: versions and row tags). */
  format: number;
  /** The record key: the vault key in format 1, its record subkey in format 2. */
  key: () => Uint8Array;
  random: Random;
  /** Told of every row written or removed (format 2); without one the store only reads. */
  ledger?: RowLedger;
  /**
   * The ledger is not told of the rows a write replaces, so they are not looked up
   * first: for re-encrypting a whole vault, whose state is sealed from the rows after.
   */
  replacedRowsUntold?: boolean;
}

/**
 * Encrypted records. Each is JSON sealed with the record key under a fresh nonce;
 * its associated data binds the vault, the table, the record's kind, id, parent
 * and (format 2) version, so a ciphertext moved to another row or another vault,
 * or put back from an earlier version, does not open. Every write is checked to
 * have changed exactly the rows it meant to, and is told to the ledger, which
 * keeps the vault's set commitment (vault-state.ts).
 */
export class RecordStore {
  readonly format: number;
  private readonly key: () => Uint8Array;
  private readonly random: Random;
  private readonly ledger: RowLedger | undefined;
  private readonly replacedRowsUntold: boolean;
  private readonly columns: string;
  /** The associated data's fields that are the same for every record, encoded once. */
  private readonly encodedPrefix: Uint8Array;

  constructor(
    private readonly db: VaultDatabase,
    options: RecordStoreOptions,
  ) {
    this.format = options.format;
    this.encodedPrefix = encodeFields([
      'sparekey-record',
      this.format,
      toHex(options.vaultId),
      TABLE,
    ]);
    this.key = options.key;
    this.random = options.random;
    this.ledger = options.ledger;
    this.replacedRowsUntold = options.replacedRowsUntold ?? false;
    this.columns =
      this.format === 1
        ? 'kind, id, parent, 0 AS version, nonce, body'
        : 'kind, id, parent, version, nonce, body';
  }

  private associatedData(
    kind: string,
    id: string,
    parent: string | null,
    version: number,
  ): Uint8Array {
    // The same bytes as every field encoded at once: the encoding is field after field.
    if (this.format === 1) return encodeFields([kind, id, parent ?? ''], this.encodedPrefix);
    return encodeFields(
      [kind, id, parent === null ? 0 : 1, parent ?? '', version],
      this.encodedPrefix,
    );
  }

  private writable(): RowLedger {
    if (this.ledger === undefined || this.format === 1) {
      throw new Error('This record store only reads (a copy, or a vault before its upgrade).');
    }
    return this.ledger;
  }

  /** The row now stored under (kind, id), as the ledger needs it, or undefined. */
  private storedIdentity(kind: string, id: string) {
    const row = this.db
      .statement('SELECT parent, version, nonce FROM records WHERE kind = ? AND id = ?')
      .get(kind, id) as { parent: string | null; version: number; nonce: Uint8Array } | undefined;
    return row === undefined ? undefined : { kind, id, ...row };
  }

  /** Inserts or replaces a record. Call inside a write transaction. */
  put(kind: string, id: string, parent: string | null, value: unknown): void {
    const plaintext = utf8(JSON.stringify(value));
    try {
      this.putPlaintext({ kind, id, parent, plaintext });
    } finally {
      plaintext.fill(0);
    }
  }

  /** Writes a record's plaintext as it is (re-encrypting a vault). */
  putPlaintext(record: PlainRecord): void {
    const ledger = this.writable();
    const { kind, id, parent } = record;
    const version = ledger.writeVersion();
    if (!this.replacedRowsUntold) {
      const old = this.storedIdentity(kind, id);
      if (old !== undefined) ledger.rowRemoved(old);
    }
    const sealed = seal(
      this.key(),
      record.plaintext,
      this.associatedData(kind, id, parent, version),
      this.random,
    );
    const changed = this.db
      .statement(
        `INSERT INTO records (kind, id, parent, version, nonce, body) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (kind, id) DO UPDATE SET parent = excluded.parent,
           version = excluded.version, nonce = excluded.nonce, body = excluded.body`,
      )
      .run(kind, id, parent, version, sealed.nonce, sealed.ciphertext).changes;
    if (changed !== 1) throw unexpectedWrite(`the ${kind} record ${id}`, changed);
    ledger.rowAdded({ kind, id, parent, version, nonce: sealed.nonce });
    this.noteWritten(kind, id);
  }

  /** Every record's plaintext (for re-encrypting the vault); the caller wipes them. */
  allPlaintexts(): PlainRecord[] {
    const rows = this.db
      .statement(`SELECT ${this.columns} FROM records ORDER BY rowid`)
      .all() as RecordRow[];
    return rows.map((row) => {
      const plaintext = this.openRow(row);
      if (plaintext === null)
        throw damagedRecord(row, 'it does not decrypt (damaged or tampered with)');
      return { kind: row.kind, id: row.id, parent: row.parent, plaintext };
    });
  }

  /**
   * Every record's plaintext, a chunk of rows at a time in rowid order, for
   * re-encrypting the vault in place: each chunk goes to `visit`, and its
   * plaintexts are wiped when it returns. `visit` may rewrite the rows it is handed
   * (an upsert keeps a row's rowid), not add any. Fewer plaintexts are held at
   * once than with `allPlaintexts`, and far less is left for the garbage collector.
   */
  eachPlaintextChunk(visit: (records: PlainRecord[]) => void): void {
    const first = this.db.statement(
      `SELECT rowid AS row_number, ${this.columns} FROM records ORDER BY rowid LIMIT ${PLAINTEXT_CHUNK}`,
    );
    const next = this.db.statement(
      `SELECT rowid AS row_number, ${this.columns} FROM records WHERE rowid > ? ORDER BY rowid LIMIT ${PLAINTEXT_CHUNK}`,
    );
    let seen = 0;
    let rows = first.all() as (RecordRow & { row_number: number })[];
    while (rows.length > 0) {
      const records: PlainRecord[] = [];
      try {
        for (const row of rows) {
          const plaintext = this.openRow(row);
          if (plaintext === null)
            throw damagedRecord(row, 'it does not decrypt (damaged or tampered with)');
          records.push({ kind: row.kind, id: row.id, parent: row.parent, plaintext });
        }
        visit(records);
      } finally {
        for (const record of records) record.plaintext.fill(0);
      }
      seen += rows.length;
      if (rows.length < PLAINTEXT_CHUNK) break;
      rows = next.all(rows.at(-1)!.row_number) as (RecordRow & { row_number: number })[];
    }
    if (seen !== this.count()) {
      throw new Error('The records changed while they were being re-encrypted.');
    }
  }

  get<S extends z.ZodType>(
    kind: string,
    id: string,
    schema: S,
  ): StoredRecord<z.infer<S>> | undefined {
    const row = this.db
      .statement(`SELECT ${this.columns} FROM records WHERE kind = ? AND id = ?`)
      .get(kind, id) as RecordRow | undefined;
    return row === undefined ? undefined : this.decode(row, schema);
  }

  /** Every record of a kind, or only those belonging to `parent` (in the order they were first written). */
  list<S extends z.ZodType>(kind: string, schema: S, parent?: string): StoredRecord<z.infer<S>>[] {
    const records: StoredRecord<z.infer<S>>[] = [];
    this.each(kind, schema, (record) => records.push(record), parent);
    return records;
  }

  /**
   * Decrypts the records of a kind one at a time, handing each to `visit`, so a
   * caller that keeps only a summary of each never holds them all at once.
   */
  each<S extends z.ZodType>(
    kind: string,
    schema: S,
    visit: (record: StoredRecord<z.infer<S>>) => void,
    parent?: string,
  ): void {
    const rows = (
      parent === undefined
        ? this.db.statement(`SELECT ${this.columns} FROM records WHERE kind = ?`).iterate(kind)
        : this.db
            .statement(
              `SELECT ${this.columns} FROM records WHERE parent = ? AND kind = ? ORDER BY rowid`,
            )
            .iterate(parent, kind)
    ) as IterableIterator<RecordRow>;
    for (const row of rows) visit(this.decode(row, schema));
  }

  /** Whether a record exists, without decrypting it. */
  has(kind: string, id: string): boolean {
    return (
      this.db.statement('SELECT 1 FROM records WHERE kind = ? AND id = ?').get(kind, id) !==
      undefined
    );
  }

  ids(kind: string): string[] {
    return (
      this.db.statement('SELECT id FROM records WHERE kind = ?').all(kind) as { id: string }[]
    ).map((row) => row.id);
  }

  /** The parent column of a row, without decrypting it (null: none; undefined: no such row). */
  parentOf(kind: string, id: string): string | null | undefined {
    const row = this.db
      .statement('SELECT parent FROM records WHERE kind = ? AND id = ?')
      .get(kind, id) as { parent: unknown } | undefined;
    if (row === undefined) return undefined;
    return typeof row.parent === 'string' ? row.parent : null;
  }

  /** Which records belong to `parent` (any kind), in the order they were first written. */
  childKeys(parent: string): { kind: string; id: string }[] {
    return this.db
      .statement('SELECT kind, id FROM records WHERE parent = ? ORDER BY rowid')
      .all(parent) as { kind: string; id: string }[];
  }

  delete(kind: string, id: string): boolean {
    const ledger = this.writable();
    this.noteWritten(kind, id);
    const old = this.storedIdentity(kind, id);
    if (old === undefined) return false;
    ledger.rowRemoved(old);
    const changed = this.db
      .statement('DELETE FROM records WHERE kind = ? AND id = ?')
      .run(kind, id).changes;
    if (changed !== 1) throw unexpectedWrite(`the ${kind} record ${id}`, changed);
    return true;
  }

  /** Deletes every record that belongs to `parent`. */
  deleteChildren(parent: string): number {
    const ledger = this.writable();
    const children = this.db
      .statement('SELECT kind, id, parent, version, nonce FROM records WHERE parent = ?')
      .all(parent) as {
      kind: string;
      id: string;
      parent: string;
      version: number;
      nonce: Uint8Array;
    }[];
    for (const child of children) {
      this.noteWritten(child.kind, child.id);
      ledger.rowRemoved(child);
    }
    const changed = this.db.statement('DELETE FROM records WHERE parent = ?').run(parent).changes;
    if (changed !== children.length) {
      throw unexpectedWrite(`the records of ${parent}`, changed, children.length);
    }
    return changed;
  }

  /**
   * The ids of `kind` this store writes or deletes from now on, collected in the
   * set returned (one per caller; its owner empties it as it catches up):
   * `RecordMemo` decrypts only those again. A write that is rolled back is
   * collected too, so its record is read again as it was committed.
   */
  watch(kind: string): Set<string> {
    const ids = new Set<string>();
    const sets = this.watched.get(kind);
    if (sets === undefined) this.watched.set(kind, [ids]);
    else sets.push(ids);
    return ids;
  }
  private readonly watched = new Map<string, Set<string>[]>();

  private noteWritten(kind: string, id: string): void {
    const sets = this.watched.get(kind);
    if (sets !== undefined) for (const ids of sets) ids.add(id);
  }

  /** How many records the vault holds. */
  count(): number {
    return (this.db.statement('SELECT count(*) AS n FROM records').get() as { n: number }).n;
  }

  /** Decrypts every record in the vault; returns the damaged ones (kind and id). */
  verifyAll(): { kind: string; id: string }[] {
    const damaged: { kind: string; id: string }[] = [];
    const rows = this.db
      .statement(`SELECT ${this.columns} FROM records`)
      .iterate() as IterableIterator<RecordRow>;
    for (const row of rows) {
      const plaintext = this.openRow(row);
      if (plaintext === null) damaged.push({ kind: row.kind, id: row.id });
      else plaintext.fill(0);
    }
    return damaged;
  }

  private openRow(row: RecordRow): Uint8Array | null {
    if (!(row.nonce instanceof Uint8Array) || !(row.body instanceof Uint8Array)) return null;
    return open(
      this.key(),
      { nonce: row.nonce, ciphertext: row.body },
      this.associatedData(row.kind, row.id, row.parent, row.version),
    );
  }

  private decode<S extends z.ZodType>(row: RecordRow, schema: S): StoredRecord<z.infer<S>> {
    const plaintext = this.openRow(row);
    if (plaintext === null)
      throw damagedRecord(row, 'it does not decrypt (damaged or tampered with)');
    let json: unknown;
    try {
      json = JSON.parse(fromUtf8(plaintext));
    } catch {
      throw damagedRecord(row, 'its content is unreadable');
    } finally {
      plaintext.fill(0);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw damagedRecord(row, 'its content has an unexpected shape');
    return { id: row.id, parent: row.parent, value: parsed.data };
  }
}

function damagedRecord(row: RecordRow, why: string): VaultError {
  return new VaultError(
    'VAULT_DAMAGED',
    `The vault is damaged: the ${row.kind} record ${row.id} cannot be read because ${why}. Restore it from a backup.`,
    { part: 'record', kind: row.kind, id: row.id },
  );
}
