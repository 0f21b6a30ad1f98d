import type { AccountSummary, OtpSummary } from '../../shared/domain.js';
import type { VaultContext } from '../vault-context.js';
import { ACCOUNT_KIND, type AccountRecord, AccountRecordSchema } from './account-records.js';
import { compareAccounts } from './account-order.js';

interface Filled {
  dataVersion: number;
  /** Each account as `list` gives it, frozen: the record is not kept beside it. */
  records: Map<string, AccountSummary>;
  sorted: readonly AccountSummary[] | null;
  /** One frozen seed summary per kind of seed (most accounts share "TOTP, SHA1, 6 digits, 30 s"). */
  otps: Map<string, OtpSummary>;
}

const NO_TAGS = Object.freeze([]) as unknown as string[];

/** The account as listed, sharing what most accounts have alike (no tags, the same kind of seed). */
function summaryOf(
  id: string,
  record: AccountRecord,
  otps: Map<string, OtpSummary>,
): AccountSummary {
  let { otp } = record;
  if (otp !== null) {
    const key = `${otp.type}|${otp.algorithm}|${otp.digits}|${otp.period}`;
    let shared = otps.get(key);
    if (shared === undefined) {
      shared = Object.freeze({ ...otp });
      otps.set(key, shared);
    }
    otp = shared;
  }
  return Object.freeze({
    id,
    ...record,
    tags: record.tags.length === 0 ? NO_TAGS : record.tags,
    otp,
  });
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
    cache.sorted ??= Object.freeze([...cache.records.values()].sort(compareAccounts));
    return [...cache.sorted];
  }

  /** Updates the cache with a record (null: removed) once the write that changed it is committed. */
  remember(id: string, record: AccountRecord | null): void {
    this.context.db.afterCommit(() => {
      if (this.filled === null) return;
      if (record === null) this.filled.records.delete(id);
      else this.filled.records.set(id, summaryOf(id, record, this.filled.otps));
      this.filled.sorted = null;
    });
  }

  /** The cache, rebuilt when another connection has committed since it was filled. */
  private fresh(): Filled {
    const dataVersion = this.context.db.dataVersion();
    if (this.filled === null || this.filled.dataVersion !== dataVersion) {
      const records = new Map<string, AccountSummary>();
      const otps = new Map<string, OtpSummary>();
      this.context
        .records()
        .each(ACCOUNT_KIND, AccountRecordSchema, ({ id, value }) =>
          records.set(id, summaryOf(id, value, otps)),
        );
      this.filled = { dataVersion, records, sorted: null, otps };
    }
    return this.filled;
  }
}
