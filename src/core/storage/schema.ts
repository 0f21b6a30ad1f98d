import type { VaultDatabase } from './database.js';

/**
 * The vault's schema, as numbered forward migrations. `migrations[n]` takes a
 * vault of format n to format n + 1; format 0 is an empty file. A file whose
 * format is higher than CURRENT_FORMAT comes from a newer Sparekey and is refused.
 *
 * The `vault_header` table and its checksum are frozen: every version, past and
 * future, reads them the same way, so an old Sparekey can always tell a newer
 * vault from a damaged one.
 */
export interface Migration {
  /** What the migration does, for error messages. */
  description: string;
  up(db: VaultDatabase): void;
}

export const migrations: readonly Migration[] = [
  {
    description: 'create the header and the encrypted records table',
    up(db) {
      db.exec(`
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
      `);
    },
  },
];

export const CURRENT_FORMAT = migrations.length;
