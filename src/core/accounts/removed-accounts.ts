import { z } from 'zod';
import { VaultError } from '../../shared/errors.js';
import { REMOVED_ACCOUNT_KEPT_MS, type RemovedAccount } from '../../shared/removed-accounts.js';
import type { VaultContext } from '../vault-context.js';
import { findAccount } from './account-query.js';
import { ACCOUNT_KIND, type AccountRecord, AccountRecordSchema } from './account-records.js';

/**
 * A removed account, set aside inside the vault: its own record and every
 * record that belonged to it (seed, backup codes, sign-in, recovery, history,
 * sheets…), decrypted and sealed again as one encrypted record of this kind,
 * under the account's id. Nothing of it is readable outside the vault key, and
 * no feature but this one sees it.
 */
export const REMOVED_ACCOUNT_KIND = 'removed-account';

const SetAsideRecordSchema = z.object({
  kind: z.string().min(1),
  id: z.string().min(1),
  value: z.unknown(),
});

const RemovedAccountSchema = z.object({
  removedAt: z.number(),
  account: AccountRecordSchema,
  /** Every record whose parent was the account, in the order they were first written. */
  records: z.array(SetAsideRecordSchema),
});
type RemovedAccountRecord = z.infer<typeof RemovedAccountSchema>;

function viewOf(id: string, removed: RemovedAccountRecord): RemovedAccount {
  return {
    id,
    issuer: removed.account.issuer,
    accountName: removed.account.accountName,
    removedAt: removed.removedAt,
    purgeAt: removed.removedAt + REMOVED_ACCOUNT_KEPT_MS,
    hadSeed: removed.account.otp !== null,
    records: removed.records.length,
  };
}

const ANY = z.unknown();

/**
 * Removal as a move aside, undoable for REMOVED_ACCOUNT_KEPT_MS, then a purge.
 * Each of remove, restore and purge is one transaction. Call inside the
 * account service, which keeps its cache of account records up to date.
 */
export class RemovedAccounts {
  constructor(
    private readonly context: VaultContext,
    /** Tells the account service an account record came back (or went): its cache follows. */
    private readonly remember: (id: string, record: AccountRecord | null) => void,
  ) {}

  /** Moves the account and everything that belongs to it aside; purges what has expired. */
  setAside(id: string): RemovedAccount {
    return this.context.write(() => {
      const records = this.context.records();
      const account = records.get(ACCOUNT_KIND, id, AccountRecordSchema);
      if (account === undefined) {
        throw new VaultError('NOT_FOUND', `There is no account with id ${id}.`);
      }
      this.purgeExpiredNow();
      const children = records.childKeys(id).map(({ kind, id: childId }) => {
        const stored = records.get(kind, childId, ANY);
        return { kind, id: childId, value: stored?.value };
      });
      const removed: RemovedAccountRecord = {
        removedAt: this.context.clock.now(),
        account: account.value,
        records: children,
      };
      records.put(REMOVED_ACCOUNT_KIND, id, null, removed);
      const deleted = records.deleteChildren(id);
      if (deleted !== children.length || !records.delete(ACCOUNT_KIND, id)) {
        throw new VaultError(
          'BUSY',
          'The account changed while it was being removed; nothing was removed. Try again.',
        );
      }
      this.remember(id, null);
      return viewOf(id, removed);
    });
  }

  /** The removed accounts that can still be brought back, most recently removed first. */
  list(): RemovedAccount[] {
    const now = this.context.clock.now();
    return this.context
      .read(() => this.context.records().list(REMOVED_ACCOUNT_KIND, RemovedAccountSchema))
      .map((stored) => viewOf(stored.id, stored.value))
      .filter((removed) => removed.purgeAt > now)
      .sort((a, b) => b.removedAt - a.removedAt);
  }

  /**
   * The removed account a person means, among those that can still be brought
   * back: an id, an issuer, or `issuer:account`, as for the accounts in the vault.
   */
  resolve(query: string): RemovedAccount {
    return findAccount(this.list(), query, 'removed account');
  }

  /** Puts a removed account back as it was, with everything that belonged to it. */
  restore(id: string): RemovedAccount {
    return this.context.write(() => {
      const records = this.context.records();
      const stored = records.get(REMOVED_ACCOUNT_KIND, id, RemovedAccountSchema);
      const now = this.context.clock.now();
      if (stored === undefined || stored.value.removedAt + REMOVED_ACCOUNT_KEPT_MS <= now) {
        throw new VaultError(
          'NOT_FOUND',
          'This account can no longer be brought back: removed accounts are kept for 30 days.',
        );
      }
      const { account, records: children } = stored.value;
      const taken = [
        { kind: ACCOUNT_KIND, id },
        ...children.map((child) => ({ kind: child.kind, id: child.id })),
      ].find((key) => records.has(key.kind, key.id));
      if (taken !== undefined) {
        throw new VaultError(
          'REFUSED',
          'The vault already holds part of this account again; nothing was restored.',
        );
      }
      records.put(ACCOUNT_KIND, id, null, account);
      for (const child of children) records.put(child.kind, child.id, id, child.value);
      records.delete(REMOVED_ACCOUNT_KIND, id);
      this.remember(id, account);
      return viewOf(id, stored.value);
    });
  }

  /** Deletes a removed account for good, before its 30 days are up. */
  purge(id: string): void {
    this.context.write(() => {
      if (!this.context.records().delete(REMOVED_ACCOUNT_KIND, id)) {
        throw new VaultError('NOT_FOUND', 'There is no removed account with that id.');
      }
    });
  }

  /** Deletes every removed account kept for longer than 30 days; how many were purged. */
  purgeExpired(): number {
    // Read first: most of the time there is nothing to purge, and no write is needed.
    const now = this.context.clock.now();
    const due = this.context
      .read(() => this.context.records().list(REMOVED_ACCOUNT_KIND, RemovedAccountSchema))
      .some((stored) => stored.value.removedAt + REMOVED_ACCOUNT_KEPT_MS <= now);
    return due ? this.context.write(() => this.purgeExpiredNow()) : 0;
  }

  private purgeExpiredNow(): number {
    const records = this.context.records();
    const now = this.context.clock.now();
    const expired = records
      .list(REMOVED_ACCOUNT_KIND, RemovedAccountSchema)
      .filter((stored) => stored.value.removedAt + REMOVED_ACCOUNT_KEPT_MS <= now);
    for (const stored of expired) records.delete(REMOVED_ACCOUNT_KIND, stored.id);
    return expired.length;
  }
}
