/** The lockout-health vocabulary shared by the core, the CLI and the UI. */
import type { WayState } from './ways-in.js';

export const SEVERITIES = ['critical', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Where in the app a finding's fix is made (the UI turns this into a button). */
export type FixTarget =
  | 'account'
  | 'codes'
  | 'methods'
  | 'contacts'
  | 'login'
  | 'settings'
  | 'backup'
  | 'sheet'
  | 'clock'
  /** The account's "Add to another authenticator" button (its QR code), in its Code section. */
  | 'add-to-authenticator';

export interface KindInfo {
  severity: Severity;
  /** A few words for a list row: "Codes low". */
  label: string;
  /**
   * For kinds whose findings say the same thing of every account: the Health view
   * shows them as one group, "8 accounts have no recovery contact recorded".
   */
  group?: (count: number) => string;
  /** A group's fix, for each of its accounts, in the app's words. */
  groupFix?: string;
}

const accounts = (count: number) => `${count} ${count === 1 ? 'account' : 'accounts'}`;
const have = (count: number) => `${accounts(count)} ${count === 1 ? 'has' : 'have'}`;

/**
 * Every kind of finding and its one severity: the same in Health, the account
 * list, Sheets & backups and the CLI. docs/health.md lists them with what raises each.
 */
export const FINDING_KINDS = {
  'ways.none-work': { severity: 'critical', label: 'No way in works' },
  'ways.unknown': { severity: 'warning', label: 'Ways in unknown' },
  'ways.only-seed-known': {
    severity: 'info',
    label: 'Only the seed is known',
    group: (n) =>
      `${accounts(n)}: Sparekey knows only the authenticator seed, not how else you get in`,
    groupFix:
      'For each, tell Sparekey how else you can get in: paste its backup codes (“Add backup codes”), record its other ways with “Add a way in…” and a recovery phone or e-mail with “Add recovery contact”.',
  },
  'contacts.retired-in-use': { severity: 'warning', label: 'Retired contact' },
  'methods.not-working': { severity: 'warning', label: 'Way in stopped' },
  'codes.all-used': { severity: 'warning', label: 'No codes left' },
  'codes.low': { severity: 'warning', label: 'Codes low' },
  'methods.sms-only': { severity: 'warning', label: 'Phone only' },
  'methods.single': { severity: 'warning', label: 'One way in' },
  'codes.not-here': { severity: 'warning', label: 'Backup codes not stored' },
  'codes.none-stored': {
    severity: 'info',
    label: 'No backup codes',
    group: (n) => `${have(n)} no backup codes stored`,
    groupFix:
      'If the site offers backup codes, generate them and paste them into the account with “Add backup codes”; Sparekey tracks which are used.',
  },
  'codes.plaintext-copy': { severity: 'warning', label: 'Codes in a file' },
  'methods.seed-only-here': {
    severity: 'info',
    label: 'Seed only here',
    group: (n) => `${have(n)} their authenticator seed only in Sparekey`,
    groupFix:
      'Add each to an authenticator app on your phone as well (“Add to another authenticator” shows its QR code), then record that app with “Add a way in…”.',
  },
  'methods.seed-not-here': {
    severity: 'info',
    label: 'Seed only on phone',
    group: (n) => `${have(n)} their authenticator only on a phone, not here`,
    groupFix:
      'Keep each seed here too: set the authenticator up again at the site (or export it from the app) and add the setup key with “Add setup key…”.',
  },
  'recovery.retired-contact': { severity: 'warning', label: 'Retired recovery' },
  'contacts.none': {
    severity: 'info',
    label: 'No recovery contact',
    group: (n) => `${have(n)} no recovery contact recorded`,
    groupFix:
      'If the site offers a recovery phone or e-mail, set one there, then record it in the account with “Add recovery contact”.',
  },
  'contacts.stale': { severity: 'warning', label: 'Contact unconfirmed' },
  'clock.drift': { severity: 'warning', label: 'Clock off' },
  'clock.wrong': { severity: 'critical', label: 'Clock wrong' },
  'backup.stale': { severity: 'warning', label: 'Not backed up' },
  'habits.untested': {
    severity: 'info',
    label: 'Not tested',
    group: (n) => `${have(n)} a sign-in nobody has tested for a long time`,
    groupFix:
      'Sign out on one device and back in with the way in you would rely on, then choose “I just tested this sign-in” in the account.',
  },
  'habits.sheet-outdated': { severity: 'warning', label: 'Sheet out of date' },
  'habits.sheet-details-outdated': { severity: 'info', label: 'Sheet details changed' },
  'password.weak': { severity: 'warning', label: 'Weak password' },
  'password.reused': { severity: 'warning', label: 'Reused password' },
  'password.old': {
    severity: 'info',
    label: 'Old password',
    group: (n) => `${have(n)} a password older than your limit`,
    groupFix:
      'Change each at its site and save the new one here, or raise or turn off the limit in Settings.',
  },
} as const satisfies Record<string, KindInfo>;

export type FindingKind = keyof typeof FINDING_KINDS;
export const FINDING_KIND_IDS = Object.keys(FINDING_KINDS) as FindingKind[];

export function kindInfo(kind: FindingKind): KindInfo {
  return FINDING_KINDS[kind];
}

export function isFindingKind(value: string): value is FindingKind {
  return Object.hasOwn(FINDING_KINDS, value);
}

export interface HealthFinding {
  /** The kind of finding, e.g. `codes.all-used`; never changes once released. */
  ruleId: FindingKind;
  /** Always the kind's severity (FINDING_KINDS). */
  severity: Severity;
  /** Unique in a report and stable across checks: kind, account and what it is about. */
  key: string;
  /** The account concerned, or null for the vault as a whole. */
  accountId: string | null;
  /** The contact concerned, if any. */
  contactId?: string | null;
  /** Other accounts the finding is about too (e.g. those sharing a password). */
  relatedAccountIds?: string[];
  /** A short headline: "All backup codes used". */
  title: string;
  /** What is wrong and why it matters, in plain words. */
  message: string;
  /** The concrete fix, in the app's words: what to change, where, which button. */
  fix: string;
  /** The same fix for a terminal (`sparekey …` where the CLI does it). */
  terminalFix: string;
  fixTarget: FixTarget;
  /**
   * The facts the finding stands on (ids, counts, dates; nothing secret): a
   * dismissal holds while they stay the same.
   */
  facts: string;
  /** Set when the user had dismissed it and it came back. */
  returned?: { dismissedAt: number; because: 'facts-changed' | 'date-passed' };
}

/** "Doesn't apply" (until the facts change) or "accepted until a date". */
export const DISMISS_MODES = ['not-applicable', 'accepted'] as const;
export type DismissMode = (typeof DISMISS_MODES)[number];

export interface Dismissal {
  id: string;
  /** The finding's key. */
  key: string;
  mode: DismissMode;
  /** For `accepted`: the finding comes back at this instant (epoch ms). */
  until: number | null;
  reason: string;
  at: number;
}

export interface DismissedFinding {
  finding: HealthFinding;
  dismissal: Dismissal;
}

export interface HealthSummary {
  critical: number;
  warning: number;
  info: number;
}

/**
 * How an account's ways in stand as a whole: two or more independent ways work
 * (`ok`), exactly one (`one-way`), none while one or more is broken
 * (`locked-out`), none known to work (`unknown`), or no second factor recorded.
 */
export const VERDICTS = ['ok', 'one-way', 'locked-out', 'unknown', 'none-recorded'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** One line of "why 60?": what it costs and why. */
export interface ReadinessReason {
  points: number;
  text: string;
}

export interface Readiness {
  /** 0–100: 100 means nothing stands between the user and getting back in. */
  score: number;
  /** Each deduction, largest first; empty at 100. */
  reasons: ReadinessReason[];
}

export interface AccountReadiness {
  accountId: string;
  score: number;
  verdict: Verdict;
  /** The most severe open finding about the account, or null. */
  worst: Severity | null;
}

export interface HealthReport {
  /** Epoch ms the report was computed for. */
  at: number;
  /** Every open (not dismissed) finding, critical first. */
  findings: HealthFinding[];
  /** Counts of the open findings. */
  summary: HealthSummary;
  /**
   * The accounts with anything to say (a score below 100 or a finding); every
   * other account is ready (100) with nothing open.
   */
  accounts: AccountReadiness[];
  /** 0–100 for the whole vault, and why. */
  vaultScore: number;
  vaultReadiness: Readiness;
  /** Findings the user dismissed, still true. */
  dismissed: DismissedFinding[];
}

/** Findings of one kind that say the same of several accounts, shown as one. */
export interface FindingGroup {
  ruleId: FindingKind;
  severity: Severity;
  /** "8 accounts have no recovery contact recorded". */
  title: string;
  /** The first member's finding, for its message and fix. */
  example: HealthFinding;
  /** The accounts it is about; each member's key is `findingKey(ruleId, accountId)`. */
  accountIds: string[];
}

/** The report as the Health view shows it: same-kind findings grouped, each group once. */
export interface GroupedHealthReport extends Omit<
  HealthReport,
  'findings' | 'dismissed' | 'accounts'
> {
  /** The findings that stand alone, critical first. */
  findings: HealthFinding[];
  groups: FindingGroup[];
  /** Dismissed findings, without their messages (the account view has them). */
  dismissed: {
    key: string;
    ruleId: FindingKind;
    accountId: string | null;
    title: string;
    dismissal: Dismissal;
  }[];
  /** The accounts with the lowest readiness, lowest first (at most GROUPED_ACCOUNTS_SHOWN). */
  lowest: AccountReadiness[];
  /** How many accounts have a score below 100 or a finding (`lowest` may hold fewer). */
  accountsWithSomething: number;
}

/** How many of the lowest-scoring accounts the grouped report carries. */
export const GROUPED_ACCOUNTS_SHOWN = 500;

/** A finding's key: its kind, its account (or none) and what in it, e.g. `codes.low|<account id>|`. */
export function findingKey(kind: FindingKind, accountId: string | null, subject = ''): string {
  return `${kind}|${accountId ?? ''}|${subject}`;
}

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/**
 * Beyond this clock offset, none of the codes shown (the current one, and the
 * previous and next beside it) is one a site accepts: `clock.wrong`, not `clock.drift`.
 */
export const CLOCK_WRONG_MS = 90_000;

/** One state per way in, shared by the list and its badges. */
export const WAY_STATE_WORDS: Record<WayState, string> = {
  works: 'Works',
  'at-risk': 'At risk',
  broken: 'Broken',
  unknown: 'Unknown',
};
