import { z } from 'zod';
import {
  type AccountReadiness,
  DISMISS_MODES,
  type Dismissal,
  type DismissedFinding,
  type FindingKind,
  type GroupedHealthReport,
  type HealthFinding,
  type HealthSummary,
  type ReadinessReason,
  type Severity,
} from '../health.js';
import type { AccountWaysIn } from '../ways-in.js';
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
  ruleId: FindingKind;
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
  /** Only the accounts with an open critical or warning finding: the list's "Needs attention". */
  flagged: AccountHealth[];
  /** The open findings about the vault as a whole (a stale contact, the clock), in full: they are few. */
  vaultFindings: HealthFinding[];
}

export interface AccountHealthReport {
  at: number;
  /** The account's readiness and verdict, and each reason it is below 100 ("why 60?"). */
  readiness: AccountReadiness & { reasons: ReadinessReason[] };
  /** Every way in, with its state and why, and the recovery path. */
  ways: AccountWaysIn;
  /** Every open finding about this account, critical first. */
  findings: HealthFinding[];
  /** Its findings the user dismissed. */
  dismissed: DismissedFinding[];
}

/** A finding's key: its kind, its account (or none) and what in it (a method, a contact). */
export const FindingKeySchema = z
  .string()
  .max(120)
  .regex(
    /^[a-z]+\.[a-z-]+\|([0-9a-f]{16})?\|(authenticator|backup-codes|(method:)?[0-9a-f]{16})?$/,
    'Not a finding.',
  );

export const healthMethods = {
  /** Every lockout risk the health check finds now, critical first, same-kind findings grouped. */
  getHealth: method(noInput).returns<GroupedHealthReport>(),
  /** The counts, scores and per-account flags, for the account list and its warnings filter. */
  getHealthOverview: method(noInput).returns<HealthOverview>(),
  /** One account's ways in, readiness with its reasons, and findings. */
  getAccountHealth: method(
    z.object({ accountId: AccountIdSchema }).strict(),
  ).returns<AccountHealthReport>(),
  /** Opt-in: compares the clock with the vault's time server; later health checks include the result. */
  checkClock: method(noInput).returns<ClockCheckView>(),
  /** "Doesn't apply" or "accepted until" a date, with an optional reason; it comes back when its facts change. */
  dismissFinding: method(
    z
      .object({
        key: FindingKeySchema,
        mode: z.enum(DISMISS_MODES),
        until: z.number().int().positive().nullable().optional(),
        reason: z.string().max(500).optional(),
      })
      .strict(),
  ).returns<Dismissal>(),
  /** Brings a dismissed finding back. */
  undismissFinding: method(z.object({ key: FindingKeySchema }).strict()).returns<null>(),
};
