import type { z } from 'zod';
import { VaultError } from '../../shared/errors.js';
import { open, seal } from '../crypto/aead.js';
import { encodeFields, fromUtf8, toHex, utf8 } from '../crypto/bytes.js';
import type { Random } from '../random.js';
import type { VaultDatabase } from './database.js';

/** Version of the record encoding (JSON in XChaCha20-Poly1305), bound into every record. */
export const RECORD_FORMAT = 1;
const TABLE = 'records';

interface RecordRow {
  kind: string;
  id: string;
  parent: string | null;
  nonce: Uint8Array;
  body: Uint8Array;
}

export interface StoredRecord<T> {
  id: string;
  parent: string | null;
  value: T;
}

/**
 * Encrypted records. Each is JSON sealed with the vault key under a fresh nonce;
 * its associated data binds the vault, the table, the record's kind, id and parent,
 * and the record format, so a ciphertext moved to another row or another vault
 * does not open.
 */
export class RecordStore {
  private readonly vaultIdHex: string;

  constructor(
    private readonly db: VaultDatabase,
    vaultId: Uint8Array,
    private readonly key: () => Uint8Array,
    private readonly random: Random,
  ) {
    this.vaultIdHex = toHex(vaultId);
  }

  private associatedData(kind: string, id: string, parent: string | null): Uint8Array {
    return encodeFields([
      'sparekey-record',
      RECORD_FORMAT,
      this.vaultIdHex,
      TABLE,
      kind,
      id,
      parent ?? '',
    ]);
  }

  /** Inserts or replaces a record. Call inside a write transaction. */
  put(kind: string, id: string, parent: string | null, value: unknown): void {
    const plaintext = utf8(JSON.stringify(value));
    const sealed = seal(this.key(), plaintext, this.associatedData(kind, id, parent), this.random);
    plaintext.fill(0);
    this.db
      .statement(
        `INSERT INTO records (kind, id, parent, nonce, body) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (kind, id) DO UPDATE SET parent = excluded.parent,
           nonce = excluded.nonce, body = excluded.body`,
      )
      .run(kind, id, parent, sealed.nonce, sealed.ciphertext);
    this.noteWritten(kind, id);
  }

  get<S extends z.ZodType>(
    kind: string,
    id: string,
    schema: S,
  ): StoredRecord<z.infer<S>> | undefined {
    const row = this.db
      .statement('SELECT kind, id, parent, nonce, body FROM records WHERE kind = ? AND id = ?')
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
        ? this.db
            .statement('SELECT kind, id, parent, nonce, body FROM records WHERE kind = ?')
            .iterate(kind)
        : this.db
            .statement(
              'SELECT kind, id, parent, nonce, body FROM records WHERE parent = ? AND kind = ? ORDER BY rowid',
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

  /** Which records belong to `parent` (any kind), in the order they were first written. */
  childKeys(parent: string): { kind: string; id: string }[] {
    return this.db
      .statement('SELECT kind, id FROM records WHERE parent = ? ORDER BY rowid')
      .all(parent) as { kind: string; id: string }[];
  }

  delete(kind: string, id: string): boolean {
    this.noteWritten(kind, id);
    return (
      this.db.statement('DELETE FROM records WHERE kind = ? AND id = ?').run(kind, id).changes > 0
    );
  }

  /** Deletes every record that belongs to `parent`. */
  deleteChildren(parent: string): number {
    if (this.watched.size > 0) {
      const children = this.db
        .statement('SELECT kind, id FROM records WHERE parent = ?')
        .all(parent) as { kind: string; id: string }[];
      for (const { kind, id } of children) this.noteWritten(kind, id);
    }
    return this.db.statement('DELETE FROM records WHERE parent = ?').run(parent).changes;
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
      .statement('SELECT kind, id, parent, nonce, body FROM records')
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
      this.associatedData(row.kind, row.id, row.parent),
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
