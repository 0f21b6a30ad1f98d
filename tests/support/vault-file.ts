import { sha256 } from '@noble/hashes/sha2.js';
import Database from 'better-sqlite3';
import { encodeFields } from '../../src/core/crypto/bytes.js';

/**
 * The vault file as someone who can write it sees it: plain SQLite, opened with
 * better-sqlite3 outside Sparekey, with none of Sparekey's keys.
 */

/** Runs `fn` on the file through a connection of its own (closed after, which checkpoints its WAL). */
export function withFile<T>(path: string, fn: (db: Database.Database) => T): T {
  const db = new Database(path);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** One record row, every column. */
export interface RecordRow {
  rowid: number;
  kind: string;
  id: string;
  parent: string | null;
  version: number;
  nonce: Buffer;
  body: Buffer;
}

export function recordRows(db: Database.Database): RecordRow[] {
  return db
    .prepare('SELECT rowid, kind, id, parent, version, nonce, body FROM records ORDER BY rowid')
    .all() as RecordRow[];
}

/** Inserts or replaces a whole record row (kind, id, parent, version, nonce, body). */
export function putRow(db: Database.Database, row: Omit<RecordRow, 'rowid'>): void {
  db.prepare(
    `INSERT OR REPLACE INTO records (kind, id, parent, version, nonce, body)
     VALUES (@kind, @id, @parent, @version, @nonce, @body)`,
  ).run({
    kind: row.kind,
    id: row.id,
    parent: row.parent,
    version: row.version,
    nonce: row.nonce,
    body: row.body,
  });
}

export type HeaderRow = {
  magic: string;
  format: number;
  vault_id: Buffer;
  kdf: string;
  key_slot: Buffer;
  checksum: Buffer;
};

/** The header's checksum as Sparekey computes it: anyone can recompute it. */
export function headerChecksum(row: Omit<HeaderRow, 'checksum'>): Uint8Array {
  return sha256(encodeFields([row.magic, row.format, row.vault_id, row.kdf, row.key_slot]));
}

/** Changes header fields; with `recomputeChecksum`, the checksum is made to match again. */
export function editHeader(
  path: string,
  change: (row: HeaderRow) => void,
  options: { recomputeChecksum: boolean } = { recomputeChecksum: true },
): void {
  withFile(path, (db) => {
    const row = db.prepare('SELECT * FROM vault_header').get() as HeaderRow;
    change(row);
    const checksum = options.recomputeChecksum ? headerChecksum(row) : row.checksum;
    db.prepare(
      'UPDATE vault_header SET magic = ?, format = ?, vault_id = ?, kdf = ?, key_slot = ?, checksum = ?',
    ).run(row.magic, row.format, row.vault_id, row.kdf, row.key_slot, checksum);
  });
}

/** Changes the key-derivation parameters (parsed from the header's JSON), checksum recomputed. */
export function editKdf(
  path: string,
  change: (kdf: Record<string, unknown>) => void,
  options: { recomputeChecksum: boolean } = { recomputeChecksum: true },
): void {
  editHeader(
    path,
    (row) => {
      const kdf = JSON.parse(row.kdf) as Record<string, unknown>;
      change(kdf);
      row.kdf = JSON.stringify(kdf);
    },
    options,
  );
}

/** Plants a trigger that silently drops every write of `event` on `table`. */
export function plantTrigger(
  path: string,
  table: string,
  timing: 'BEFORE' | 'AFTER',
  event: 'UPDATE' | 'DELETE' | 'INSERT',
  name = `planted_${timing}_${event}_${table}`.toLowerCase(),
): string {
  withFile(path, (db) =>
    db.exec(
      `CREATE TRIGGER ${name} ${timing} ${event} ON ${table} BEGIN SELECT RAISE(IGNORE); END`,
    ),
  );
  return name;
}

/**
 * Rebuilds the index `name` from another definition, then puts its own definition
 * back, as someone with SQLite's writable_schema can: sqlite_schema is then
 * exactly Sparekey's, but the index holds what the other definition selects.
 */
export function rebuildIndexAs(path: string, name: string, otherSql: string): void {
  const own = withFile(
    path,
    (db) =>
      (db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').get(name) as { sql: string }).sql,
  );
  const setSql = (sql: string) =>
    withFile(path, (db) => {
      db.unsafeMode(true);
      db.pragma('writable_schema = ON');
      db.prepare('UPDATE sqlite_schema SET sql = ? WHERE name = ?').run(sql, name);
    });
  setSql(otherSql);
  withFile(path, (db) => db.exec(`REINDEX ${name}`));
  setSql(own);
}

/**
 * Replaces the records table's primary-key index (SQLite's automatic index on
 * kind and id, which has no SQL to rewrite) with one that leaves out the row
 * (kind, id): a new index is built, and the automatic index's root page pointed at it.
 */
export function hideFromKeyIndex(path: string, kind: string, id: string): void {
  withFile(path, (db) => {
    db.unsafeMode(true);
    db.prepare(
      `CREATE UNIQUE INDEX stand_in ON records (kind, id) WHERE NOT (kind = '${kind.replaceAll("'", "''")}' AND id = '${id.replaceAll("'", "''")}')`,
    ).run();
    db.pragma('writable_schema = ON');
    db.exec(`UPDATE sqlite_schema SET rootpage = (SELECT rootpage FROM sqlite_schema WHERE name = 'stand_in')
               WHERE name = 'sqlite_autoindex_records_1';
             DELETE FROM sqlite_schema WHERE name = 'stand_in';`);
  });
}

/**
 * Everything the file holds as SQLite shows it: the schema, the header, the state,
 * every record row, and what each index holds (read from the index alone). Two
 * files with the same content hold the same vault; SQLite's own bookkeeping, which
 * every write changes, is left out.
 */
export function contentOf(path: string): string {
  return withFile(path, (db) => {
    const rows = (sql: string) => {
      try {
        const all = db.prepare(sql).raw(true).all() as unknown[][];
        return JSON.stringify(
          all.map((row) =>
            row.map((value) => (Buffer.isBuffer(value) ? `blob:${value.toString('hex')}` : value)),
          ),
        );
      } catch (error) {
        return `unreadable: ${(error as Error).message}`;
      }
    };
    return [
      rows('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name'),
      rows('SELECT rowid, * FROM vault_header ORDER BY rowid'),
      rows('SELECT rowid, * FROM vault_state ORDER BY rowid'),
      rows('SELECT rowid, * FROM records ORDER BY rowid'),
      rows(
        'SELECT kind, id, rowid FROM records INDEXED BY sqlite_autoindex_records_1 ORDER BY kind, id',
      ),
      rows(
        'SELECT parent, kind, rowid FROM records INDEXED BY records_by_parent WHERE parent IS NOT NULL ORDER BY parent, kind, rowid',
      ),
    ].join('\n');
  });
}
