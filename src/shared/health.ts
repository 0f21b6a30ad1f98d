/** The lockout-health vocabulary shared by the core, the CLI and the UI. */

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
  | 'clock';

export interface HealthFinding {
  /** Stable id of the rule, e.g. `codes.all-used`; never changes once released. */
  ruleId: string;
  severity: Severity;
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
  /** The concrete fix: what to change, where. */
  fix: string;
  fixTarget: FixTarget;
}

export interface HealthSummary {
  critical: number;
  warning: number;
  info: number;
}

export interface AccountReadiness {
  accountId: string;
  /** 0–100: 100 means nothing stands between the user and getting back in. */
  score: number;
  worst: Severity | null;
}

export interface HealthReport {
  /** Epoch ms the report was computed for. */
  at: number;
  /** Critical first, then warnings, then info. */
  findings: HealthFinding[];
  summary: HealthSummary;
  accounts: AccountReadiness[];
  /** 0–100 for the whole vault. */
  vaultScore: number;
}

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}
