import type {
  AccountInput,
  AccountSummary,
  CodeView,
  OtpSeed,
  OtpSummary,
} from '../../shared/domain.js';
import { VaultError } from '../../shared/errors.js';
import { codeForCounter, timeBasedCodes } from '../otp/codes.js';
import { formatOtpauthUri } from '../otp/otpauth.js';
import type { VaultContext } from '../vault-context.js';
import type { RemovedAccount } from '../../shared/removed-accounts.js';
import { cleanAccountFields } from './account-input.js';
import { RemovedAccounts } from './removed-accounts.js';
import {
  ACCOUNT_KIND,
  type AccountRecord,
  AccountRecordSchema,
  OTP_KIND,
  type OtpRecord,
  OtpRecordSchema,
} from './account-records.js';

export interface NewAccount extends AccountInput {
  seed?: OtpSeed | null | undefined;
}

export interface RevealedSeed {
  seed: OtpSeed;
  uri: string;
}

function summaryOf(seed: OtpSeed): OtpSummary {
  return { type: seed.type, algorithm: seed.algorithm, digits: seed.digits, period: seed.period };
}

function toSummary(id: string, record: AccountRecord): AccountSummary {
  return { id, ...record };
}

/**
 * Every account record, decrypted once and kept while the vault is unlocked, so
 * listing 10,000 accounts after each change costs nothing. Refreshed when another
 * connection commits (SQLite's data_version), updated after this connection's own
 * commits, dropped on lock.
 */
interface AccountCache {
  dataVersion: number;
  records: Map<string, AccountRecord>;
  sorted: readonly AccountSummary[] | null;
}

export const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export function compareAccounts(a: AccountSummary, b: AccountSummary): number {
  return collator.compare(a.issuer, b.issuer) || collator.compare(a.accountName, b.accountName);
}

/** Accounts, their seeds and their live codes. */
export class AccountService {
  private cache: AccountCache | null = null;
  /** Removed accounts, kept aside for 30 days: list, restore, purge. */
  readonly removed: RemovedAccounts;

  constructor(private readonly vault: VaultContext) {
    vault.onLock(() => {
      this.cache = null;
    });
    this.removed = new RemovedAccounts(vault, (id, record) => this.remember(id, record));
  }

  add(input: NewAccount): AccountSummary {
    const fields = cleanAccountFields(input);
    const now = this.vault.clock.now();
    const id = this.vault.newId();
    const record: AccountRecord = {
      ...fields,
      createdAt: now,
      updatedAt: now,
      otp: input.seed ? summaryOf(input.seed) : null,
    };
    this.vault.write(() => {
      const records = this.vault.records();
      records.put(ACCOUNT_KIND, id, null, record);
      if (input.seed)
        records.put(OTP_KIND, id, id, { ...input.seed, changedAt: now } satisfies OtpRecord);
      this.remember(id, record);
    });
    return toSummary(id, record);
  }

  list(): AccountSummary[] {
    return this.vault.read(() => {
      // Inside a write transaction the records may still be rolled back: read them, cache nothing.
      if (this.vault.db.inWriteTransaction) {
        return this.vault
          .records()
          .list(ACCOUNT_KIND, AccountRecordSchema)
          .map((stored) => toSummary(stored.id, stored.value))
          .sort(compareAccounts);
      }
      const cache = this.fresh();
      cache.sorted ??= Object.freeze(
        [...cache.records]
          .map(([id, record]) => Object.freeze(toSummary(id, record)))
          .sort(compareAccounts),
      );
      return [...cache.sorted];
    });
  }

  /** The cache, rebuilt when another connection has committed since it was filled. */
  private fresh(): AccountCache {
    const dataVersion = this.vault.db.dataVersion();
    if (this.cache === null || this.cache.dataVersion !== dataVersion) {
      const records = new Map<string, AccountRecord>();
      this.vault
        .records()
        .each(ACCOUNT_KIND, AccountRecordSchema, ({ id, value }) => records.set(id, value));
      this.cache = { dataVersion, records, sorted: null };
    }
    return this.cache;
  }

  /** Updates the cache with a record (null: removed) once the write that changed it is committed. */
  private remember(id: string, record: AccountRecord | null): void {
    this.vault.db.afterCommit(() => {
      if (this.cache === null) return;
      if (record === null) this.cache.records.delete(id);
      else this.cache.records.set(id, record);
      this.cache.sorted = null;
    });
  }

  get(id: string): AccountSummary {
    return toSummary(
      id,
      this.vault.read(() => this.getRecord(id)),
    );
  }

  update(id: string, patch: Partial<AccountInput>): AccountSummary {
    return this.vault.write(() => {
      const current = this.getRecord(id);
      const fields = cleanAccountFields({ ...current, ...patch });
      const record: AccountRecord = { ...current, ...fields, updatedAt: this.vault.clock.now() };
      this.vault.records().put(ACCOUNT_KIND, id, null, record);
      this.remember(id, record);
      return toSummary(id, record);
    });
  }

  /** Sets, replaces or (with null) removes an account's seed. */
  setSeed(id: string, seed: OtpSeed | null): AccountSummary {
    return this.vault.write(() => {
      const now = this.vault.clock.now();
      const records = this.vault.records();
      const record: AccountRecord = {
        ...this.getRecord(id),
        otp: seed ? summaryOf(seed) : null,
        updatedAt: now,
      };
      records.put(ACCOUNT_KIND, id, null, record);
      if (seed) records.put(OTP_KIND, id, id, { ...seed, changedAt: now } satisfies OtpRecord);
      else records.delete(OTP_KIND, id);
      this.remember(id, record);
      return toSummary(id, record);
    });
  }

  /**
   * Removes an account and everything that belongs to it, in one transaction.
   * It is kept aside, encrypted, for 30 days (`removed.restore` brings it back), then purged.
   */
  remove(id: string): RemovedAccount {
    return this.removed.setAside(id);
  }

  /**
   * Finds the one account a person means: an id (or a unique prefix of at least
   * 4 characters), an issuer, or `issuer:account`, case-insensitively.
   */
  resolve(query: string): AccountSummary {
    const wanted = query.trim();
    if (wanted === '')
      throw new VaultError(
        'INVALID_INPUT',
        'Say which account: an id, an issuer, or issuer:account.',
      );
    const accounts = this.list();
    const lower = wanted.toLowerCase();
    const byId = accounts.filter((account) => account.id === lower);
    if (byId.length === 1) return byId[0] as AccountSummary;

    const same = (a: string, b: string) => collator.compare(a, b) === 0;
    let matches = accounts.filter(
      (account) =>
        same(account.issuer, wanted) ||
        same(`${account.issuer}:${account.accountName}`, wanted) ||
        (account.issuer === '' && same(account.accountName, wanted)),
    );
    if (matches.length === 0 && /^[0-9a-f]{4,}$/.test(lower)) {
      matches = accounts.filter((account) => account.id.startsWith(lower));
    }
    if (matches.length === 1) return matches[0] as AccountSummary;
    if (matches.length === 0) {
      throw new VaultError('NOT_FOUND', `No account matches "${wanted}".`);
    }
    throw new VaultError(
      'AMBIGUOUS',
      `"${wanted}" matches ${matches.length} accounts; say which one with issuer:account or its id.`,
      {
        candidates: matches.map(({ id, issuer, accountName }) => ({ id, issuer, accountName })),
      },
    );
  }

  /**
   * The codes shown for accounts at an instant (TOTP and Steam: current,
   * previous and next). HOTP codes are not computed here: generating one uses
   * up a counter value, see `nextHotpCode`.
   */
  codes(ids: readonly string[], atMs = this.vault.clock.now()): CodeView[] {
    return this.vault.read(() =>
      ids.map((id) => {
        const seed = this.getSeed(id);
        if (seed.type === 'hotp') {
          return {
            accountId: id,
            type: 'hotp',
            current: null,
            previous: null,
            next: null,
            period: 0,
            secondsRemaining: 0,
            at: atMs,
          } satisfies CodeView;
        }
        return timeBasedCodes(id, seed, atMs);
      }),
    );
  }

  /** Generates the HOTP code for the stored counter and saves the advanced counter before returning it. */
  nextHotpCode(id: string): CodeView {
    return this.vault.write(() => {
      const stored = this.getOtpRecord(id);
      if (stored.type !== 'hotp') {
        throw new VaultError(
          'INVALID_INPUT',
          'This account uses time-based codes; there is no counter to advance.',
        );
      }
      const code = codeForCounter(stored, stored.counter);
      this.vault
        .records()
        .put(OTP_KIND, id, id, { ...stored, counter: stored.counter + 1 } satisfies OtpRecord);
      return {
        accountId: id,
        type: 'hotp',
        current: code,
        previous: null,
        next: null,
        period: 0,
        secondsRemaining: 0,
        at: this.vault.clock.now(),
      };
    });
  }

  /** The seed itself, for an explicit reveal or export only. */
  revealSeed(id: string): RevealedSeed {
    return this.vault.read(() => {
      const account = this.getRecord(id);
      const seed = this.getSeed(id);
      return { seed, uri: formatOtpauthUri(account.issuer, account.accountName, seed) };
    });
  }

  /** When the seed was last set, or null when the account has none. */
  seedChangedAt(id: string): number | null {
    return this.vault.read(
      () => this.vault.records().get(OTP_KIND, id, OtpRecordSchema)?.value.changedAt ?? null,
    );
  }

  private getRecord(id: string): AccountRecord {
    const stored = this.vault.records().get(ACCOUNT_KIND, id, AccountRecordSchema);
    if (stored === undefined)
      throw new VaultError('NOT_FOUND', `There is no account with id ${id}.`);
    return stored.value;
  }

  private getOtpRecord(id: string): OtpRecord {
    const stored = this.vault.records().get(OTP_KIND, id, OtpRecordSchema);
    if (stored === undefined) {
      const account = this.getRecord(id);
      throw new VaultError(
        'NOT_FOUND',
        `${account.issuer || account.accountName} has no authenticator seed, so it has no codes.`,
      );
    }
    return stored.value;
  }

  private getSeed(id: string): OtpSeed {
    const { type, secret, algorithm, digits, period, counter } = this.getOtpRecord(id);
    return { type, secret, algorithm, digits, period, counter };
  }
}
