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
import { AccountCache } from './account-cache.js';
import { compareAccounts } from './account-order.js';
import { findAccount } from './account-query.js';
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

/** Accounts, their seeds and their live codes. */
export class AccountService {
  private readonly cache: AccountCache;
  /** Removed accounts, kept aside for 30 days: list, restore, purge. */
  readonly removed: RemovedAccounts;

  constructor(private readonly context: VaultContext) {
    this.cache = new AccountCache(context);
    this.removed = new RemovedAccounts(context, (id, record) => this.cache.remember(id, record));
  }

  add(input: NewAccount): AccountSummary {
    const fields = cleanAccountFields(input);
    const now = this.context.clock.now();
    const id = this.context.newId();
    const record: AccountRecord = {
      ...fields,
      createdAt: now,
      updatedAt: now,
      otp: input.seed ? summaryOf(input.seed) : null,
    };
    this.context.write(() => {
      const records = this.context.records();
      records.put(ACCOUNT_KIND, id, null, record);
      if (input.seed)
        records.put(OTP_KIND, id, id, { ...input.seed, changedAt: now } satisfies OtpRecord);
      this.cache.remember(id, record);
    });
    return toSummary(id, record);
  }

  list(): AccountSummary[] {
    return this.context.read(() => {
      // Inside a write transaction the records may still be rolled back: read them, cache nothing.
      if (this.context.db.inWriteTransaction) {
        return this.context
          .records()
          .list(ACCOUNT_KIND, AccountRecordSchema)
          .map((stored) => toSummary(stored.id, stored.value))
          .sort(compareAccounts);
      }
      return this.cache.sorted();
    });
  }

  get(id: string): AccountSummary {
    return toSummary(
      id,
      this.context.read(() => this.getRecord(id)),
    );
  }

  update(id: string, patch: Partial<AccountInput>): AccountSummary {
    return this.context.write(() => {
      const current = this.getRecord(id);
      const fields = cleanAccountFields({ ...current, ...patch });
      const record: AccountRecord = { ...current, ...fields, updatedAt: this.context.clock.now() };
      this.context.records().put(ACCOUNT_KIND, id, null, record);
      this.cache.remember(id, record);
      return toSummary(id, record);
    });
  }

  /** Sets, replaces or (with null) removes an account's seed. */
  setSeed(id: string, seed: OtpSeed | null): AccountSummary {
    return this.context.write(() => {
      const now = this.context.clock.now();
      const records = this.context.records();
      const record: AccountRecord = {
        ...this.getRecord(id),
        otp: seed ? summaryOf(seed) : null,
        updatedAt: now,
      };
      records.put(ACCOUNT_KIND, id, null, record);
      if (seed) records.put(OTP_KIND, id, id, { ...seed, changedAt: now } satisfies OtpRecord);
      else records.delete(OTP_KIND, id);
      this.cache.remember(id, record);
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
    return findAccount(this.list(), query);
  }

  /**
   * The codes shown for accounts at an instant (TOTP and Steam: current,
   * previous and next). HOTP codes are not computed here: generating one uses
   * up a counter value, see `nextHotpCode`.
   */
  codes(ids: readonly string[], atMs = this.context.clock.now()): CodeView[] {
    return this.context.read(() =>
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
    return this.context.write(() => {
      const stored = this.getOtpRecord(id);
      if (stored.type !== 'hotp') {
        throw new VaultError(
          'INVALID_INPUT',
          'This account uses time-based codes; there is no counter to advance.',
        );
      }
      const code = codeForCounter(stored, stored.counter);
      this.context
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
        at: this.context.clock.now(),
      };
    });
  }

  /** The seed itself, for an explicit reveal or export only. */
  revealSeed(id: string): RevealedSeed {
    return this.context.read(() => {
      const account = this.getRecord(id);
      const seed = this.getSeed(id);
      return { seed, uri: formatOtpauthUri(account.issuer, account.accountName, seed) };
    });
  }

  /** When the seed was last set, or null when the account has none. */
  seedChangedAt(id: string): number | null {
    return this.context.read(
      () => this.context.records().get(OTP_KIND, id, OtpRecordSchema)?.value.changedAt ?? null,
    );
  }

  /** Whether the account exists; nothing is decrypted. One statement: no transaction of its own. */
  exists(id: string): boolean {
    return this.context.records().has(ACCOUNT_KIND, id);
  }

  /** Throws NOT_FOUND unless the account exists; nothing is decrypted. */
  requireExists(id: string): void {
    if (!this.exists(id)) throw new VaultError('NOT_FOUND', `There is no account with id ${id}.`);
  }

  /** Every account's id, in no particular order; nothing is decrypted. One statement. */
  ids(): string[] {
    return this.context.records().ids(ACCOUNT_KIND);
  }

  /**
   * Every seed's Base32 secret by account id, to recognise a seed already in the
   * vault (an import's duplicates). The secrets stay in the core.
   */
  seedSecrets(): Map<string, string> {
    return this.context.read(
      () =>
        new Map(
          this.context
            .records()
            .list(OTP_KIND, OtpRecordSchema)
            .map((stored) => [stored.id, stored.value.secret]),
        ),
    );
  }

  private getRecord(id: string): AccountRecord {
    const stored = this.context.records().get(ACCOUNT_KIND, id, AccountRecordSchema);
    if (stored === undefined)
      throw new VaultError('NOT_FOUND', `There is no account with id ${id}.`);
    return stored.value;
  }

  private getOtpRecord(id: string): OtpRecord {
    const stored = this.context.records().get(OTP_KIND, id, OtpRecordSchema);
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
