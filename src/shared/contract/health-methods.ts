import { z } from 'zod';
import type {
  AccountReadiness,
  HealthFinding,
  HealthReport,
  HealthSummary,
  Severity,
} from '../health.js';
import { AccountIdSchema } from './account-methods.js';
import { method, noInput } from './define.js';

/** The result of the opt-in comparison with a network time server. */
export interface ClockCheckView {
  offsetMs: number;
  roundTripMs: number;
  server: string;
  checkedAt: number;
}

/** One critical or warning finding of an account, as a row of the account list shows it. */
export interface AccountFlag {
  ruleId: string;
  severity: Severity;
  title: string;
}

/** An account's readiness and its critical and warning findings (most urgent first). */
export interface AccountHealth extends AccountReadiness {
  flags: AccountFlag[];
}

/**
 * The health report without its messages: the counts, the scores, and per
 * account what the list shows at a glance. Small even for 10,000 accounts.
 */
export interface HealthOverview {
  at: number;
  summary: HealthSummary;
  vaultScore: number;
  /** Only the accounts with a critical or warning finding. */
  flagged: AccountHealth[];
  /** The findings about the vault as a whole (a stale contact, the clock), in full: they are few. */
  vaultFindings: HealthFinding[];
}

export interface AccountHealthReport {
  at: number;
  readiness: AccountReadiness;
  /** Every finding about this account, critical first. */
  findings: HealthFinding[];
}

export const healthMethods = {
  /** Every lockout risk the health engine finds now, critical first. */
  getHealth: method(noInput).returns<HealthReport>(),
  /** The counts, scores and per-account flags, for the account list and its warnings filter. */
  getHealthOverview: method(noInput).returns<HealthOverview>(),
  /** The findings about one account (and its readiness score). */
  getAccountHealth: method(
    z.object({ accountId: AccountIdSchema }).strict(),
  ).returns<AccountHealthReport>(),
  /** Opt-in: compares the clock with the vault's time server; later health checks include the result. */
  checkClock: method(noInput).returns<ClockCheckView>(),
};
