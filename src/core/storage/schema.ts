import Database from 'better-sqlite3';

/**
 * The vault's schema, as numbered forward migrations. `migrations[n]` takes a
 * vault of format n + 1 to format n + 2 (`migrations[0]` creates format 1 in an
 * empty file). A file whose format is higher than CURRENT_FORMAT comes from a
 * newer Sparekey and is refused.
 *
 * The `vault_header` table and its checksum are frozen: every version, past and
 * future, reads them the same way, so an old Sparekey can always tell a newer
 * vault from a damaged one.
 *
 * A migration here only changes tables; what a format means for the records
 * (format 2 re-encrypts every record under new associated data and seals the
 * vault's state) is done by the vault when it upgrades a file (vault-upgrade.ts).
 */
export interface Migration {
  /** What the migration does, for error messages. */
  description: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    description: 'create the header and the encrypted records table',
    sql: `
        CREATE TABLE vault_header (
          singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
          magic     TEXT    NOT NULL,
          format    INTEGER NOT NULL,
          vault_id  BLOB    NOT NULL,
          kdf       TEXT    NOT NULL,
          key_slot  BLOB    NOT NULL,
          checksum  BLOB    NOT NULL
        );
        -- Only what SQLite needs to find a row is in plaintext: a record kind, an id,
        -- and the id of the record it belongs to. Everything else is in body.
        CREATE TABLE records (
          kind   TEXT NOT NULL,
          id     TEXT NOT NULL,
          parent TEXT,
          nonce  BLOB NOT NULL,
          body   BLOB NOT NULL,
          PRIMARY KEY (kind, id)
        );
        CREATE INDEX records_by_parent ON records (parent, kind) WHERE parent IS NOT NULL;
      `,
  },
  {
    description: 'give each record its version and seal the vault state',
    sql: `
        -- The vault's write counter when the record was last written; bound into
        -- the record's associated data and its row tag.
        ALTER TABLE records ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
        -- The write counter and the MAC over the header, the counter and the set
        -- commitment of every record (docs/vault-format.md).
        CREATE TABLE vault_state (
          singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
          counter   INTEGER NOT NULL,
          mac       BLOB    NOT NULL
        );
      `,
  },
  {
    // Format 3 changes no table: each row's tag is keyed BLAKE3 instead of
    // HMAC-SHA256, and its subkeys and associated data name format 3. A vault is
    // upgraded by re-encrypting every record and sealing the state again.
    description: 'tag each row with keyed BLAKE3',
    sql: '',
  },
];

export const CURRENT_FORMAT = migrations.length;

/** Runs the migrations that take a file of `from` (0 for an empty file) to CURRENT_FORMAT. */
export function migrateSchema(db: { exec(sql: string): void }, from: number): void {
  for (let format = from; format < CURRENT_FORMAT; format++) db.exec(migrations[format]!.sql);
}

/** One row of `sqlite_schema`. */
export interface SchemaEntry {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

export const SCHEMA_QUERY =
  'SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name, tbl_name';

const expected = new Map<number, SchemaEntry[]>();

/**
 * Exactly what `sqlite_schema` holds in a vault of `format`: worked out by
 * running the migrations on an empty in-memory database, so the SQL text is
 * byte for byte what SQLite stores (ALTER TABLE edits it in place).
 */
export function expectedSchema(format: number): SchemaEntry[] {
  let entries = expected.get(format);
  if (entries === undefined) {
    const db = new Database(':memory:');
    try {
      for (let index = 0; index < format; index++) db.exec(migrations[index]!.sql);
      entries = db.prepare(SCHEMA_QUERY).all() as SchemaEntry[];
    } finally {
      db.close();
    }
    expected.set(format, entries);
  }
  return entries;
}

const describeEntry = (entry: SchemaEntry) =>
  entry.type === 'table' ||
  entry.type === 'index' ||
  entry.type === 'view' ||
  entry.type === 'trigger'
    ? `${entry.type === 'index' ? 'an' : 'a'} ${entry.type} named "${entry.name}"`
    : `a schema entry "${entry.name}" of type ${entry.type}`;

/** The other formats whose tables are exactly those of `format` (formats 2 and 3 share theirs). */
export function formatsWithTablesOf(format: number): number[] {
  const formats: number[] = [];
  for (let other = 1; other <= CURRENT_FORMAT; other++) {
    if (other !== format && schemaDifferences(expectedSchema(other), format).length === 0) {
      formats.push(other);
    }
  }
  return formats;
}

/**
 * What in `actual` differs from the schema of `format` (empty when it is exactly
 * that schema), in words: "a trigger named "keep_codes" that Sparekey does not create".
 */
export function schemaDifferences(actual: SchemaEntry[], format: number): string[] {
  const wanted = expectedSchema(format);
  const key = (entry: SchemaEntry) => `${entry.type}\u0000${entry.name}`;
  const wantedByKey = new Map(wanted.map((entry) => [key(entry), entry]));
  const actualKeys = new Set(actual.map(key));
  const differences: string[] = [];
  for (const entry of actual) {
    const own = wantedByKey.get(key(entry));
    if (own === undefined) {
      differences.push(`${describeEntry(entry)} that Sparekey does not create`);
    } else if (own.sql !== entry.sql || own.tbl_name !== entry.tbl_name) {
      differences.push(`${describeEntry(entry)} whose definition was changed`);
    }
  }
  for (const entry of wanted) {
    if (!actualKeys.has(key(entry))) differences.push(`${describeEntry(entry)} is missing`);
  }
  return differences;
}
