import {
  type FindingGroup,
  type FindingKind,
  GROUPED_ACCOUNTS_SHOWN,
  type GroupedHealthReport,
  type HealthFinding,
  kindInfo,
} from '../../shared/health.js';
import { describe, keyOf } from './finding.js';
import type { HealthCheck } from './health.js';

/**
 * The check as the Health view shows it: findings of a kind that says the same
 * of every account (no recovery contact, never tested…) become one group per
 * kind once two or more accounts have one, put into words once; dismissed
 * findings keep only their titles. Its size grows with what is wrong, by an
 * account id per grouped finding.
 */
export function groupReport(check: HealthCheck): GroupedHealthReport {
  const counts = new Map<FindingKind, number>();
  for (const finding of check.findings) {
    if (finding.accountId === null || kindInfo(finding.ruleId).group === undefined) continue;
    counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
  }
  const groups = new Map<FindingKind, FindingGroup>();
  const findings: HealthFinding[] = [];
  for (const finding of check.findings) {
    const kind = kindInfo(finding.ruleId);
    const count = counts.get(finding.ruleId) ?? 0;
    if (finding.accountId === null || kind.group === undefined || count < 2) {
      findings.push(describe(finding));
      continue;
    }
    let group = groups.get(finding.ruleId);
    if (group === undefined) {
      group = {
        ruleId: finding.ruleId,
        severity: finding.severity,
        title: kind.group(count),
        example: describe(finding),
        accountIds: [],
      };
      groups.set(finding.ruleId, group);
    }
    group.accountIds.push(finding.accountId);
  }
  return {
    at: check.at,
    summary: check.summary,
    vaultScore: check.vaultReadiness.score,
    vaultReadiness: check.vaultReadiness,
    lowest: [...check.accounts].sort((a, b) => a.score - b.score).slice(0, GROUPED_ACCOUNTS_SHOWN),
    accountsWithSomething: check.accounts.length,
    findings,
    groups: [...groups.values()],
    dismissed: check.dismissed.map(({ finding, dismissal }) => ({
      key: keyOf(finding),
      ruleId: finding.ruleId,
      accountId: finding.accountId,
      title: finding.text().title,
      dismissal,
    })),
  };
}
