import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { timingSafeEqual } from 'node:crypto';
import { VaultError } from '../../shared/errors.js';
import { encodeFields, toHex } from '../crypto/bytes.js';
import { NONCE_LENGTH } from '../crypto/aead.js';
import type { VaultSubkeys } from '../crypto/subkeys.js';
import { unexpectedWrite } from './checked-writes.js';
import type { VaultDatabase } from './database.js';
import { VAULT_MAGIC, type VaultHeader } from './header.js';
import { checkSchema } from './schema-lock.js';
import { type RowIdentity, RowTagger, SetSum, TAG_LENGTH } from './set-commitment.js';

/** What a write does to the set of rows, as the record store tells it. */
export interface RowLedger {
  /** The version the open write gives every row it writes (the counter it commits). */
  writeVersion(): number;
  /** A row is about to be replaced or deleted (its columns as they are on disk). */
  rowRemoved(row: RowIdentity): void;
  /** A row was written. */
  rowAdded(row: RowIdentity): void;
}

interface Committed {
  counter: number;
  mac: Uint8Array;
  sum: SetSum;
}

interface Pending {
  counter: number;
  sum: SetSum;
  touched: boolean;
}

/** Where a failed check points, for naming the account. */
export interface StateProblemDetails {
  part: 'state';
  reason: 'schema' | 'missing' | 'index' | 'future-row' | 'malformed-row' | 'mismatch';
  kind?: string;
  id?: string;
  parent?: string | null;
}

const STATE_LABEL = 'sparekey v2 vault state';

/**
 * The plaintext columns of every row, read for S in rowid order a chunk at a time:
 * memory stays bounded, and `.all()` per chunk costs much less than stepping an
 * iterator row by row. The nonce comes as hex text, because better-sqlite3 makes a
 * Node Buffer for every BLOB, which costs more than a string; a nonce that is not a
 * BLOB of NONCE_LENGTH bytes comes as NULL (a malformed row). The same columns and
 * the same bytes as reading them plainly; only faster (docs/vault-format.md).
 */
const ROW_CHUNK = 2048;
const ROW_CHUNK_SQL = `SELECT rowid, kind, id, parent, version,
    CASE WHEN typeof(nonce) = 'blob' AND length(nonce) = ${NONCE_LENGTH} THEN hex(nonce) END
  FROM records WHERE rowid > ? ORDER BY rowid LIMIT ${ROW_CHUNK}`;
/** SQLite's smallest rowid; a row planted there is not read, and the row count says so. */
const BEFORE_EVERY_ROWID = -(2n ** 63n);

/**
 * The sealed state of a format-2 vault: a write counter that only grows and a MAC,
 * under the state subkey, over the header (format, vault id, KDF parameters,
 * wrapped key), the counter and the set commitment S (the sum of every row's
 * tag). S itself is never written: it is worked out from the rows at unlock and
 * kept in memory, then updated by each write at a cost that does not depend on
 * how many rows the vault holds (one tag for the old row, one for the new).
 *
 * Checked at unlock and by `verify`: a row rolled back, deleted, inserted,
 * duplicated under another id or moved to another parent changes S; an index
 * that no longer matches the rows is refused before S is worked out; an older
 * state row gives an older counter whose MAC does not match today's rows; an
 * edited header field changes the MAC.
 */
export class VaultState {
  private readonly tagger: RowTagger;
  private readonly tagScratch = new Uint8Array(TAG_LENGTH);
  private committed: Committed | null = null;
  private pending: Pending | null = null;

  constructor(
    private readonly db: VaultDatabase,
    private header: VaultHeader,
    private readonly keys: VaultSubkeys,
  ) {
    this.tagger = new RowTagger(keys.rowTags);
  }

  /** The counter last checked or committed by this connection. */
  get counter(): number {
    if (this.committed === null) throw new Error('The vault state has not been checked yet.');
    return this.committed.counter;
  }

  /**
   * Works S out from every row and checks the state MAC; throws VAULT_DAMAGED
   * (with StateProblemDetails) when the rows, the counter or the header are not
   * what Sparekey last wrote. Call inside a read or write transaction.
   */
  check(): void {
    this.checkSchemaUnchanged();
    const state = this.readStateRow();
    this.checkIndexes();
    const sum = this.sumRows(state.counter);
    const expected = this.stateMac(state.counter, sum);
    if (!timingSafeEqual(expected, state.mac)) {
      throw this.damaged(
        'its records are not the ones Sparekey last wrote (one was rolled back, removed, added or moved)',
        { reason: 'mismatch' },
      );
    }
    this.committed = { counter: state.counter, mac: state.mac, sum };
    this.checkedDataVersion = this.db.dataVersion();
  }

  /**
   * Checks the whole vault again when another connection has committed since the
   * last check (another Sparekey, or a program writing the file while it is open):
   * a row put back behind this connection's back is refused before it is read, and
   * before a write seals it in. This connection's own commits leave it as it is.
   * Call inside a read or write transaction.
   */
  checkIfChangedElsewhere(): void {
    if (this.checkedDataVersion !== this.db.dataVersion()) this.check();
  }
  private checkedDataVersion: number | undefined;

  /**
   * The schema lock again, whenever the schema changed since this connection last
   * checked it: a trigger planted while the vault is open (an AFTER UPDATE one
   * that puts a row back lets the write report one changed row) must not run in
   * the next write. Inside the write transaction, so nothing can change it after.
   */
  private checkSchemaUnchanged(): void {
    const version = this.db.schemaVersion();
    if (version === this.schemaVersion) return;
    if (checkSchema(this.db) !== this.header.format) {
      throw this.damaged('its tables are not those of its format', { reason: 'schema' });
    }
    this.schemaVersion = version;
  }
  private schemaVersion: number | undefined;

  /**
   * S is worked out from a scan of the records table itself, but records are
   * looked up through its indexes (by kind and id, by parent), which S does not
   * cover: an index rebuilt to leave a row out would hide that record from every
   * lookup while the table, and S, still hold it. SQLite's integrity check of
   * the table compares each index with the rows.
   */
  private checkIndexes(): void {
    if (this.db.integrityCheck('records').length > 0) {
      throw this.damaged(
        'its records table, or an index Sparekey finds records by, is not as SQLite wrote it (a record was hidden from lookups, or the table is damaged)',
        { reason: 'index' },
      );
    }
  }

  /** S over every row, checking each row's plaintext columns and that none is newer than `counter`. */
  private sumRows(counter: number): SetSum {
    const sum = new SetSum();
    const chunkOfRows = this.db.statement(ROW_CHUNK_SQL).raw(true);
    const nonce = Buffer.alloc(NONCE_LENGTH);
    const row: RowIdentity = { kind: '', id: '', parent: null, version: 0, nonce };
    let after: number | bigint = BEFORE_EVERY_ROWID;
    let seen = 0;
    for (;;) {
      const chunk = chunkOfRows.all(after) as unknown[][];
      for (const [rowid, kind, id, parent, version, nonceHex] of chunk) {
        if (
          typeof rowid !== 'number' ||
          !Number.isSafeInteger(rowid) ||
          typeof kind !== 'string' ||
          typeof id !== 'string' ||
          (parent !== null && typeof parent !== 'string') ||
          typeof version !== 'number' ||
          !Number.isSafeInteger(version) ||
          version < 1 ||
          typeof nonceHex !== 'string' ||
          nonce.write(nonceHex, 'hex') !== NONCE_LENGTH
        ) {
          throw this.damaged('a record row is malformed', {
            reason: 'malformed-row',
            ...(typeof kind === 'string' && typeof id === 'string' ? { kind, id } : {}),
          });
        }
        if (version > counter) {
          throw this.damaged('a record is newer than the vault state that should include it', {
            reason: 'future-row',
            kind,
            id,
            parent,
          });
        }
        row.kind = kind;
        row.id = id;
        row.parent = parent;
        row.version = version;
        sum.add(this.tagger.tag(row, this.tagScratch));
        after = rowid;
      }
      seen += chunk.length;
      if (chunk.length < ROW_CHUNK) break;
    }
    // Every row was summed: none hides below the first rowid the chunks ask for.
    const total = (this.db.statement('SELECT count(*) AS n FROM records').get() as { n: number }).n;
    if (seen !== total) {
      throw this.damaged('a record row is malformed', { reason: 'malformed-row' });
    }
    return sum;
  }

  /**
   * Writes the first state of a vault whose rows are all written at `counter`
   * (a new vault, an upgraded one, or one re-encrypted under a new key).
   */
  seal(counter: number, header: VaultHeader = this.header): void {
    this.header = header;
    const sum = this.sumRows(counter);
    const mac = this.stateMac(counter, sum);
    const changed = this.db
      .statement(
        `INSERT INTO vault_state (singleton, counter, mac) VALUES (1, ?, ?)
         ON CONFLICT (singleton) DO UPDATE SET counter = excluded.counter, mac = excluded.mac`,
      )
      .run(counter, mac).changes;
    if (changed !== 1) throw unexpectedWrite('the vault state', changed);
    const next = { counter, mac, sum };
    this.db.afterCommit(() => (this.committed = next));
  }

  /**
   * Runs `fn` (inside the caller's write transaction) as one write: the rows it
   * writes get version counter + 1, and if it wrote any, the new counter and MAC
   * are written before it returns. When another connection wrote since this one
   * last looked (the state row, or any row), S is worked out again (and checked) first.
   */
  write<T>(fn: () => T): T {
    if (this.pending !== null) return this.nested(this.pending, fn);
    this.checkSchemaUnchanged();
    const state = this.readStateRow();
    const known = this.committed;
    if (known === null || known.counter !== state.counter || !sameBytes(known.mac, state.mac)) {
      this.check();
    } else {
      this.checkIfChangedElsewhere();
    }
    const base = this.committed!;
    const pending: Pending = { counter: base.counter + 1, sum: base.sum.copy(), touched: false };
    this.pending = pending;
    try {
      const result = fn();
      if (pending.touched) {
        const mac = this.stateMac(pending.counter, pending.sum);
        const changed = this.db
          .statement('UPDATE vault_state SET counter = ?, mac = ? WHERE singleton = 1')
          .run(pending.counter, mac).changes;
        if (changed !== 1) throw unexpectedWrite('the vault state', changed);
        const next = { counter: pending.counter, mac, sum: pending.sum };
        this.db.afterCommit(() => (this.committed = next));
      }
      return result;
    } finally {
      this.pending = null;
    }
  }

  /** A write inside a write: undone from S if it throws (its savepoint rolls back). */
  private nested<T>(pending: Pending, fn: () => T): T {
    const sum = pending.sum.copy();
    const touched = pending.touched;
    try {
      return fn();
    } catch (error) {
      pending.sum = sum;
      pending.touched = touched;
      throw error;
    }
  }

  readonly ledger: RowLedger = {
    writeVersion: () => this.openWrite().counter,
    rowRemoved: (row) => {
      const pending = this.openWrite();
      pending.sum.subtract(this.tagger.tag(row, this.tagScratch));
      pending.touched = true;
    },
    rowAdded: (row) => {
      const pending = this.openWrite();
      pending.sum.add(this.tagger.tag(row, this.tagScratch));
      pending.touched = true;
    },
  };

  private openWrite(): Pending {
    if (this.pending === null) {
      throw new Error('A record was written outside a vault write (VaultState.write).');
    }
    return this.pending;
  }

  destroy(): void {
    this.tagger.destroy();
    this.committed = null;
  }

  private stateMac(counter: number, sum: SetSum): Uint8Array {
    const { header } = this;
    return hmac(
      sha256,
      this.keys.state,
      encodeFields([
        STATE_LABEL,
        header.format,
        VAULT_MAGIC,
        header.vaultId,
        JSON.stringify(header.kdf),
        header.keySlot,
        counter,
        sum.bytes(),
      ]),
    );
  }

  private readStateRow(): { counter: number; mac: Uint8Array } {
    const rows = this.db.statement('SELECT counter, mac FROM vault_state').all() as {
      counter: unknown;
      mac: unknown;
    }[];
    const [row] = rows;
    if (
      rows.length !== 1 ||
      row === undefined ||
      typeof row.counter !== 'number' ||
      !Number.isSafeInteger(row.counter) ||
      row.counter < 1 ||
      !(row.mac instanceof Uint8Array) ||
      row.mac.length !== 32
    ) {
      throw this.damaged('its state record is missing or malformed', { reason: 'missing' });
    }
    return { counter: row.counter, mac: row.mac };
  }

  private damaged(what: string, details: Omit<StateProblemDetails, 'part'>): VaultError {
    return new VaultError(
      'VAULT_DAMAGED',
      `The vault at ${this.db.path} was changed outside Sparekey: ${what}. Sparekey does not use it, so that nothing in it is trusted by mistake. Restore the latest backup.`,
      { part: 'state', vaultId: toHex(this.header.vaultId), ...details },
    );
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
