/** Accounts removed from the vault and kept (encrypted) for a while, so a removal can be undone. */

import { DAY_MS } from './durations.js';

/** How long a removed account can be brought back; then it is purged. */
export const REMOVED_ACCOUNT_KEPT_DAYS = 30;
export const REMOVED_ACCOUNT_KEPT_MS = REMOVED_ACCOUNT_KEPT_DAYS * DAY_MS;

/** A removed account as listed: who it was and until when it can be brought back; no secrets. */
export interface RemovedAccount {
  /** The account's id, which it gets back when restored. */
  id: string;
  issuer: string;
  accountName: string;
  /** Epoch ms. */
  removedAt: number;
  /** After this instant it is purged and cannot be brought back. */
  purgeAt: number;
  hadSeed: boolean;
  /** How many records (seed, codes, sign-in, recovery, history…) come back with it. */
  records: number;
}
