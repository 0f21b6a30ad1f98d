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
import {
  EncodedRows,
  RowEncoder,
  type RowIdentity,
  type RowTagger,
  rowTagger,
  SetSum,
  TAG_LENGTH,
} from './set-commitment.js';

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
 * The sealed state of a format-2 or format-3 vault: a write counter that only grows and a MAC,
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
  /** Whether the tagger was lent by the caller (then the caller destroys it). */
  private readonly borrowedTagger: boolean;
  private readonly tagScratch = new Uint8Array(TAG_LENGTH);
  private committed: Committed | null = null;
  private pending: Pending | null = null;

  constructor(
    private readonly db: VaultDatabase,
    private header: VaultHeader,
    private readonly keys: VaultSubkeys,
    tagger?: RowTagger,
  ) {
    if (tagger !== undefined && tagger.format !== header.format) {
      throw new Error(
        `A format-${tagger.format} row tagger cannot seal a format-${header.format} vault.`,
      );
    }
    this.tagger = tagger ?? rowTagger(header.format, keys.rowTags);
    this.borrowedTagger = tagger !== undefined;
  }

  /**
   * The row tagger, to lend to another state under the same subkeys (a backup
   * sealed with the vault's key) so it does not load its own.
   */
  get rowTagger(): RowTagger {
    return this.tagger;
  }

  /**
   * Loads the faster implementation of the row tags (format 3's WebAssembly BLAKE3)
   * before a check of every row; without it the same tags are computed, only slower.
   */
  ready(): Promise<void> {
    return this.tagger.accelerate();
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
   *
   * With `prepared` (what `prepareStateCheck` read in an earlier transaction of
   * this connection, before the key was known), the rows are not read again when
   * nothing was committed to the vault since: only their tags are computed.
   */
  check(prepared?: PreparedStateCheck): void {
    if (prepared !== undefined && this.stillCurrent(prepared)) {
      this.checkPrepared(prepared);
      return;
    }
    const { state, sum } = this.db.withWholeFileCached(() => {
      checkRowsAndIndexes(this.db, this.header);
      const row = readStateRow(this.db, this.header);
      const total = new SetSum();
      const tag = this.tagScratch;
      forEachRowEncoding(this.db, this.header, row.counter, (encoded) =>
        total.add(this.tagger.tagEncoded(encoded, tag)),
      );
      return { state: row, sum: total };
    });
    this.schemaVersion = this.db.schemaVersion();
    this.accept(state, sum);
  }

  /**
   * Whether the vault is still exactly as `prepared` read it: nothing was committed
   * since, by another connection (SQLite's data_version) or this one, the schema
   * is unchanged, and the state row is the same one.
   */
  private stillCurrent(prepared: PreparedStateCheck): boolean {
    if (
      prepared.format !== this.header.format ||
      prepared.changeStamp !== this.db.changeStamp() ||
      prepared.schemaVersion !== this.db.schemaVersion()
    ) {
      return false;
    }
    const state = readStateRow(this.db, this.header);
    return state.counter === prepared.counter && sameBytes(state.mac, prepared.mac);
  }

  private checkPrepared(prepared: PreparedStateCheck): void {
    this.schemaVersion = prepared.schemaVersion;
    const sum = this.tagger.sumInto(new SetSum(), prepared.rows);
    this.accept({ counter: prepared.counter, mac: prepared.mac }, sum);
  }

  /** Compares the state MAC with the one worked out from `sum`; on a match, this is the committed state. */
  private accept(state: { counter: number; mac: Uint8Array }, sum: SetSum): void {
    const expected = this.stateMac(state.counter, sum);
    if (!timingSafeEqual(expected, state.mac)) {
      throw stateDamaged(
        this.db,
        this.header,
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
    checkSchemaOfFormat(this.db, this.header);
    this.schemaVersion = version;
  }
  private schemaVersion: number | undefined;

  /**
   * Writes the first state of a vault whose rows are all written at `counter`
   * (a new vault, an upgraded one, or one re-encrypted under a new key).
   *
   * `checkedBefore`: the caller checked the whole vault (`check`, on a state of its
   * own) earlier in this same write transaction, and has only written through
   * SQLite since. The sealed state is then taken as checked once it commits, as
   * `check` would find it (S was just worked out from these very rows, and no other
   * connection can write inside this transaction); a commit by another connection
   * after it is still seen by `checkIfChangedElsewhere`.
   */
  seal(counter: number, header: VaultHeader = this.header, checkedBefore = false): void {
    this.header = header;
    const sum = new SetSum();
    const tag = this.tagScratch;
    forEachRowEncoding(this.db, header, counter, (encoded) =>
      sum.add(this.tagger.tagEncoded(encoded, tag)),
    );
    const mac = this.stateMac(counter, sum);
    const changed = this.db
      .statement(
        `INSERT INTO vault_state (singleton, counter, mac) VALUES (1, ?, ?)
         ON CONFLICT (singleton) DO UPDATE SET counter = excluded.counter, mac = excluded.mac`,
      )
      .run(counter, mac).changes;
    if (changed !== 1) throw unexpectedWrite('the vault state', changed);
    const next = { counter, mac, sum };
    const checked = checkedBefore
      ? { dataVersion: this.db.dataVersion(), schemaVersion: this.db.schemaVersion() }
      : undefined;
    this.db.afterCommit(() => {
      this.committed = next;
      if (checked !== undefined) {
        this.checkedDataVersion = checked.dataVersion;
        this.schemaVersion = checked.schemaVersion;
      }
    });
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
    const state = readStateRow(this.db, this.header);
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
    if (!this.borrowedTagger) this.tagger.destroy();
    this.committed = null;
  }

  private stateMac(counter: number, sum: SetSum): Uint8Array {
    const { header } = this;
    return hmac(
      sha256,
      this.keys.state,
      encodeFields([
        `sparekey v${header.format} vault state`,
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
}

/**
 * What the check at unlock can do before the vault key is known, read in one
 * transaction: the schema lock, the state row, SQLite's check of the records table
 * and its indexes, and every row read, checked for form and encoded for its tag.
 * `VaultState.check(prepared)` then only computes the tags, provided nothing was
 * committed to the vault in between. Unlock does this while Argon2id runs on
 * other threads. Throws VAULT_DAMAGED as the check does. Call inside a read transaction.
 */
export interface PreparedStateCheck {
  readonly format: number;
  readonly counter: number;
  readonly mac: Uint8Array;
  /** VaultDatabase.changeStamp: changes with every commit, of this connection or another. */
  readonly changeStamp: string;
  readonly schemaVersion: number;
  readonly rows: EncodedRows;
}

export function prepareStateCheck(db: VaultDatabase, header: VaultHeader): PreparedStateCheck {
  return db.withWholeFileCached(() => prepareUncached(db, header));
}

function prepareUncached(db: VaultDatabase, header: VaultHeader): PreparedStateCheck {
  checkRowsAndIndexes(db, header);
  const state = readStateRow(db, header);
  const rows = new EncodedRows();
  forEachRowEncoding(db, header, state.counter, (encoded) => rows.append(encoded));
  return {
    format: header.format,
    counter: state.counter,
    mac: state.mac,
    changeStamp: db.changeStamp(),
    schemaVersion: db.schemaVersion(),
    rows,
  };
}

/** The schema lock for the header's format (the tables of any other format are damage too). */
function checkSchemaOfFormat(db: VaultDatabase, header: VaultHeader): void {
  if (!checkSchema(db).includes(header.format)) {
    throw stateDamaged(db, header, 'its tables are not those of its format', { reason: 'schema' });
  }
}

/**
 * The schema lock, then SQLite's integrity check of the records table and its
 * indexes. S is worked out from a scan of the records table itself, but records
 * are looked up through its indexes (by kind and id, by parent), which S does not
 * cover: an index rebuilt to leave a row out would hide that record from every
 * lookup while the table, and S, still hold it. The integrity check compares
 * each index with the rows.
 */
function checkRowsAndIndexes(db: VaultDatabase, header: VaultHeader): void {
  checkSchemaOfFormat(db, header);
  if (db.integrityCheck('records').length > 0) {
    throw stateDamaged(
      db,
      header,
      'its records table, or an index Sparekey finds records by, is not as SQLite wrote it (a record was hidden from lookups, or the table is damaged)',
      { reason: 'index' },
    );
  }
}

/**
 * Every row's encoding (RowEncoder), in rowid order, checking each row's
 * plaintext columns and that none is newer than `counter`.
 */
function forEachRowEncoding(
  db: VaultDatabase,
  header: VaultHeader,
  counter: number,
  visit: (encoded: Uint8Array) => void,
): void {
  const encoder = new RowEncoder(header.format);
  const chunkOfRows = db.statement(ROW_CHUNK_SQL).raw(true);
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
        throw stateDamaged(db, header, 'a record row is malformed', {
          reason: 'malformed-row',
          ...(typeof kind === 'string' && typeof id === 'string' ? { kind, id } : {}),
        });
      }
      if (version > counter) {
        throw stateDamaged(
          db,
          header,
          'a record is newer than the vault state that should include it',
          {
            reason: 'future-row',
            kind,
            id,
            parent,
          },
        );
      }
      row.kind = kind;
      row.id = id;
      row.parent = parent;
      row.version = version;
      visit(encoder.encode(row));
      after = rowid;
    }
    seen += chunk.length;
    if (chunk.length < ROW_CHUNK) break;
  }
  // Every row was read: none hides below the first rowid the chunks ask for.
  const total = (db.statement('SELECT count(*) AS n FROM records').get() as { n: number }).n;
  if (seen !== total) {
    throw stateDamaged(db, header, 'a record row is malformed', { reason: 'malformed-row' });
  }
}

function readStateRow(
  db: VaultDatabase,
  header: VaultHeader,
): { counter: number; mac: Uint8Array } {
  const rows = db.statement('SELECT counter, mac FROM vault_state').all() as {
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
    throw stateDamaged(db, header, 'its state record is missing or malformed', {
      reason: 'missing',
    });
  }
  return { counter: row.counter, mac: row.mac };
}

function stateDamaged(
  db: VaultDatabase,
  header: VaultHeader,
  what: string,
  details: Omit<StateProblemDetails, 'part'>,
): VaultError {
  return new VaultError(
    'VAULT_DAMAGED',
    `The vault at ${db.path} was changed outside Sparekey: ${what}. Sparekey does not use it, so that nothing in it is trusted by mistake. Restore the latest backup.`,
    { part: 'state', vaultId: toHex(header.vaultId), ...details },
  );
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
