/**
 * The ways into one account, as the health check models them: every second
 * factor the account has (recorded, or held here: the seed, stored backup
 * codes), each with its state and why, and the recovery path for the day none
 * works. Computed in the core; shown as the account's "Ways in".
 */
import type { MethodKind } from './recovery.js';

/**
 * `works`: gets you in, nothing known threatens it. `at-risk`: gets you in today,
 * but something known can take it away (SMS by nature, codes running low, a seed
 * no backup holds). `broken`: does not get you in. `unknown`: Sparekey cannot tell.
 */
export const WAY_STATES = ['works', 'at-risk', 'broken', 'unknown'] as const;
export type WayState = (typeof WAY_STATES)[number];

/** Where a way in comes from: held here, or recorded by the user. */
export interface WayCopy {
  /** `here`: the seed or codes stored in Sparekey; `recorded`: a method the user recorded. */
  source: 'here' | 'recorded';
  /** The recorded method, if any (its id for changing or removing it). */
  methodId: string | null;
  /** "Google Authenticator on Pixel 8", or "" for the copy here. */
  device: string;
  /** When the user marked it as no longer working, or null. */
  notWorkingSince: number | null;
}

export interface WayIn {
  /** Stable within the account: `authenticator`, `backup-codes`, or `method:<id>`. */
  id: string;
  kind: MethodKind;
  state: WayState;
  /** "Authenticator app", "SMS to +44 7700 900123". */
  label: string;
  /** Why it has this state, in one or two sentences. */
  reason: string;
  /** The contact it sends codes to, if any. */
  contactId: string | null;
  /** Where it lives: the copy here and the recorded ones. */
  copies: WayCopy[];
  /** For stored backup codes: how many are left of how many. */
  codes?: { remaining: number; total: number };
}

export interface RecoveryContactState {
  contactId: string;
  display: string;
  state: WayState;
  reason: string;
}

/** What is left when no way in works: the site's account recovery. */
export interface RecoveryPath {
  state: WayState;
  reason: string;
  contacts: RecoveryContactState[];
  supportUrl: string;
  hasNotes: boolean;
}

export interface AccountWaysIn {
  accountId: string;
  ways: WayIn[];
  recovery: RecoveryPath;
  /**
   * How many independent ways work (works or at risk): ways that send to the
   * same phone number count once.
   */
  working: number;
}
