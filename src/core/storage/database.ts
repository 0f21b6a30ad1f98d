import Database from 'better-sqlite3';
import { closeSync, mkdirSync, openSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import { VaultError } from '../../shared/errors.js';
import { probeVaultFile, SPAREKEY_APPLICATION_ID } from './file-probe.js';
import { translateSqliteError } from './sqlite-errors.js';

/** How long a write waits for another process's write to finish before reporting BUSY. */
export const BUSY_TIMEOUT_MS = 3000;

/**
 * Checkpoints (copying the WAL's pages into the vault file, with its own fsync)
 * run once the vault has had no write for this long, so a user's action waits
 * for one WAL fsync only, never for a checkpoint.
 */
export const IDLE_CHECKPOINT_MS = 1000;
/** The WAL size (pages) at which a commit checkpoints anyway: writes that never pause. */
export const BACKSTOP_CHECKPOINT_PAGES = 4000;

/**
 * One SQLite connection to a vault file, with the durability settings of
 * docs/vault-format.md and every SQLite failure translated into a typed error.
 */
export class VaultDatabase {
  private constructor(
    readonly path: string,
    private readonly db: Database.Database,
  ) {}

  /**
   * Opens an existing vault file; refuses anything that is not one without writing to it.
   * `readOnly` (for checking a backup) never writes to the file nor creates files beside it.
   */
  static openExisting(
    path: string,
    busyTimeoutMs = BUSY_TIMEOUT_MS,
    readOnly = false,
  ): VaultDatabase {
    probeVaultFile(path);
    let db: Database.Database | undefined;
    try {
      db = new Database(path, { fileMustExist: true, timeout: busyTimeoutMs, readonly: readOnly });
      // Reading the schema first fails cleanly on a damaged file before any pragma writes.
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
      const vault = new VaultDatabase(path, db);
      if (readOnly) vault.applyReadPragmas();
      else vault.applyPragmas();
      return vault;
    } catch (error) {
      db?.close();
      throw translateSqliteError(error, path);
    }
  }

  /**
   * Creates a new vault file, readable by its owner only. Refuses to touch an
   * existing file. The caller removes it with `discard()` if setting it up fails.
   */
  static createNew(path: string, busyTimeoutMs = BUSY_TIMEOUT_MS): VaultDatabase {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    try {
      closeSync(openSync(path, 'wx', 0o600));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new VaultError(
          'VAULT_EXISTS',
          `A file already exists at ${path}; it was left untouched.`,
        );
      }
      throw new VaultError('IO_ERROR', `Cannot create ${path}: ${(error as Error).message}`);
    }
    try {
      const db = new Database(path, { fileMustExist: true, timeout: busyTimeoutMs });
      db.pragma(`application_id = ${SPAREKEY_APPLICATION_ID}`);
      const vault = new VaultDatabase(path, db);
      vault.applyPragmas();
      return vault;
    } catch (error) {
      removeVaultFiles(path);
      throw translateSqliteError(error, path);
    }
  }

  /**
   * Never trusted: SQL functions with side effects cannot run from the schema (a
   * view or trigger planted in the file). better-sqlite3 also opens every
   * connection in SQLite's defensive mode (SQLITE_DBCONFIG_DEFENSIVE; only its
   * unsafeMode, never used here, turns it off), so the schema itself cannot be
   * written through `writable_schema`.
   */
  private applySafetyPragmas(): void {
    this.db.pragma('trusted_schema = OFF');
    this.db.pragma('cell_size_check = ON');
  }

  private applyReadPragmas(): void {
    this.applySafetyPragmas();
    this.db.pragma('temp_store = MEMORY');
    this.db.pragma('query_only = ON');
  }

  private applyPragmas(): void {
    this.applySafetyPragmas();
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('secure_delete = ON');
    this.db.pragma('temp_store = MEMORY');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma(`wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES}`);
  }

  /** Runs `fn` as one write transaction, holding the write lock from its first statement. */
  write<T>(fn: () => T): T {
    this.writeDepth++;
    try {
      const result = this.transaction(() => this.db.transaction(fn).immediate());
      if (this.writeDepth === 1) {
        this.ownCommits++;
        this.checkpointWhenIdle();
      }
      return result;
    } finally {
      this.writeDepth--;
    }
  }
  private writeDepth = 0;
  private ownCommits = 0;

  /** (Re)starts the idle timer after a commit; it never keeps the process alive. */
  private checkpointWhenIdle(): void {
    if (this.idleCheckpoint !== undefined) clearTimeout(this.idleCheckpoint);
    this.idleCheckpoint = setTimeout(() => {
      this.idleCheckpoint = undefined;
      try {
        if (this.db.open) this.db.pragma('wal_checkpoint(PASSIVE)');
      } catch {
        // A checkpoint is housekeeping: the next idle moment, the backstop or closing does it.
      }
    }, IDLE_CHECKPOINT_MS);
    this.idleCheckpoint.unref();
  }
  private idleCheckpoint: NodeJS.Timeout | undefined;

  /**
   * Changes whenever anything is committed to the vault, by this connection or
   * another: a key for results computed from the whole vault (a health report).
   */
  changeStamp(): string {
    return `${this.dataVersion()}:${this.ownCommits}`;
  }

  /** Whether a write transaction is open: what it reads may still be rolled back. */
  get inWriteTransaction(): boolean {
    return this.writeDepth > 0;
  }

  /** Runs `fn` in one read transaction, so it sees one consistent snapshot. */
  read<T>(fn: () => T): T {
    return this.transaction(() => this.db.transaction(fn).deferred());
  }

  /**
   * Runs `callback` once the transaction now open is committed, or at once when
   * none is open. A rolled-back transaction (or savepoint) drops its callbacks:
   * caches of decrypted records are updated only with what reached the disk.
   */
  afterCommit(callback: () => void): void {
    const level = this.commitCallbacks.at(-1);
    if (level === undefined) callback();
    else level.push(callback);
  }
  private readonly commitCallbacks: (() => void)[][] = [];

  private transaction<T>(run: () => T): T {
    this.commitCallbacks.push([]);
    let result: T;
    try {
      result = run();
    } catch (error) {
      this.commitCallbacks.pop();
      throw translateSqliteError(error, this.path);
    }
    const callbacks = this.commitCallbacks.pop() ?? [];
    const outer = this.commitCallbacks.at(-1);
    if (outer !== undefined) outer.push(...callbacks);
    else for (const callback of callbacks) callback();
    return result;
  }

  /** A cached prepared statement. */
  statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      try {
        statement = this.db.prepare(sql);
      } catch (error) {
        throw translateSqliteError(error, this.path);
      }
      this.statements.set(sql, statement);
    }
    return statement;
  }
  private readonly statements = new Map<string, Database.Statement>();

  exec(sql: string): void {
    try {
      this.db.exec(sql);
    } catch (error) {
      throw translateSqliteError(error, this.path);
    }
  }

  tableExists(name: string): boolean {
    return (
      this.statement("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !==
      undefined
    );
  }

  /** SQLite's schema cookie: changes whenever anything changes sqlite_schema (a trigger planted, say). */
  schemaVersion(): number {
    return this.db.pragma('schema_version', { simple: true }) as number;
  }

  /** Changes whenever another connection commits, so cached plaintext can be refreshed. */
  dataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  /**
   * Moves every committed page from the WAL into the main file and empties the WAL,
   * so superseded pages (an old key slot, say) no longer exist in it. Returns false
   * when a reader in another process kept it from completing.
   */
  checkpointAndTruncateWal(): boolean {
    try {
      const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
      return result?.busy === 0;
    } catch (error) {
      throw translateSqliteError(error, this.path);
    }
  }

  /** Rows changed by this connection since it opened (tells a write transaction that changed nothing). */
  totalChanges(): number {
    return (this.statement('SELECT total_changes() AS n').get() as { n: number }).n;
  }

  /**
   * SQLite online backup of this database into the file `destination`: an existing
   * empty file (so the caller has chosen its mode), or a live vault, which every
   * connection then sees replaced at once (an interrupted copy is rolled back).
   * `singleFile` switches a new copy to a rollback journal, so it is one self-contained file.
   */
  async backupTo(destination: string, options: { singleFile?: boolean } = {}): Promise<void> {
    try {
      await this.db.backup(destination);
      if (options.singleFile) {
        const copy = new Database(destination, { fileMustExist: true });
        try {
          copy.pragma('journal_mode = DELETE');
        } finally {
          copy.close();
        }
      }
    } catch (error) {
      throw translateSqliteError(error, destination);
    }
  }

  /**
   * Runs `fn` with SQLite's page cache large enough for the whole file, then puts
   * the cache size back (SQLite frees the pages beyond it). For work that reads every
   * page more than once, as the check at unlock does (the integrity check walks the
   * records table and both its indexes, then every row is read): with the default
   * cache (16,000 KiB) a vault of 10,000 accounts (about 22 MiB) reads most pages from
   * the file again.
   */
  withWholeFileCached<T>(fn: () => T): T {
    const previous = this.db.pragma('cache_size', { simple: true }) as number;
    const pages = this.db.pragma('page_count', { simple: true }) as number;
    const pageKiB = (this.db.pragma('page_size', { simple: true }) as number) / 1024;
    if (previous < 0 ? pages * pageKiB <= -previous : pages <= previous) return fn();
    this.db.pragma(`cache_size = ${Math.ceil(pages * 1.1)}`);
    try {
      return fn();
    } finally {
      this.db.pragma(`cache_size = ${previous}`);
    }
  }

  /** SQLite's integrity check of the whole file, or of one table and its indexes only. */
  integrityCheck(table?: string): string[] {
    if (table !== undefined && !/^[a-z_]+$/.test(table))
      throw new Error(`Not a table name: ${table}`);
    try {
      const rows = this.db.pragma(
        table === undefined ? 'integrity_check' : `integrity_check(${table})`,
      ) as { integrity_check: string }[];
      return rows.map((row) => row.integrity_check).filter((line) => line !== 'ok');
    } catch (error) {
      throw translateSqliteError(error, this.path);
    }
  }

  close(): void {
    if (this.idleCheckpoint !== undefined) clearTimeout(this.idleCheckpoint);
    this.idleCheckpoint = undefined;
    this.statements.clear();
    if (this.db.open) this.db.close();
  }
}

/** Removes a vault file that was being created, with its WAL and shared-memory files. */
export function removeVaultFiles(path: string): void {
  for (const file of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]) {
    try {
      unlinkSync(file);
    } catch {
      // Already gone.
    }
  }
}
