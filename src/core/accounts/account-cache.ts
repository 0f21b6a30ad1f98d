import type { AccountSummary } from '../../shared/domain.js';
import type { VaultContext } from '../vault-context.js';
import { ACCOUNT_KIND, type AccountRecord, AccountRecordSchema } from './account-records.js';
import { compareAccounts } from './account-order.js';

interface Filled {
  dataVersion: number;
  records: Map<string, AccountRecord>;
  sorted: readonly AccountSummary[] | null;
}

/**
 * Every account record, decrypted once and kept while the vault is unlocked, so
 * listing 10,000 accounts after each change costs nothing. Refreshed when another
 * connection commits (SQLite's data_version), updated after this connection's own
 * commits, dropped on lock.
 */
export class AccountCache {
  private filled: Filled | null = null;

  constructor(private readonly context: VaultContext) {
    context.onLock(() => {
      this.filled = null;
    });
  }

  /** Every account, sorted. Call inside a read transaction, never inside a write. */
  sorted(): AccountSummary[] {
    const cache = this.fresh();
    cache.sorted ??= Object.freeze(
      [...cache.records]
        .map(([id, record]) => Object.freeze({ id, ...record }))
        .sort(compareAccounts),
    );
    return [...cache.sorted];
  }

  /** Updates the cache with a record (null: removed) once the write that changed it is committed. */
  remember(id: string, record: AccountRecord | null): void {
    this.context.db.afterCommit(() => {
      if (this.filled === null) return;
      if (record === null) this.filled.records.delete(id);
      else this.filled.records.set(id, record);
      this.filled.sorted = null;
    });
  }

  /** The cache, rebuilt when another connection has committed since it was filled. */
  private fresh(): Filled {
    const dataVersion = this.context.db.dataVersion();
    if (this.filled === null || this.filled.dataVersion !== dataVersion) {
      const records = new Map<string, AccountRecord>();
      this.context
        .records()
        .each(ACCOUNT_KIND, AccountRecordSchema, ({ id, value }) => records.set(id, value));
      this.filled = { dataVersion, records, sorted: null };
    }
    return this.filled;
  }
}
