import {
  GROUPED_ACCOUNTS_SHOWN,
  type FindingGroup,
  type FindingKind,
  type GroupedHealthReport,
  type HealthFinding,
  type HealthReport,
  kindInfo,
} from '../../shared/health.js';

/**
 * The report as the Health view shows it: findings of a kind that says the same
 * of every account (no recovery contact, never tested…) become one group per
 * kind once two or more accounts have one; dismissed findings lose their
 * messages. Its size grows with what is wrong, by a few bytes per grouped account.
 */
export function groupReport(report: HealthReport): GroupedHealthReport {
  const counts = new Map<FindingKind, number>();
  for (const finding of report.findings) {
    if (finding.accountId === null || kindInfo(finding.ruleId).group === undefined) continue;
    counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
  }
  const groups = new Map<FindingKind, FindingGroup>();
  const findings: HealthFinding[] = [];
  for (const finding of report.findings) {
    const kind = kindInfo(finding.ruleId);
    if (
      finding.accountId === null ||
      kind.group === undefined ||
      (counts.get(finding.ruleId) ?? 0) < 2
    ) {
      findings.push(finding);
      continue;
    }
    let group = groups.get(finding.ruleId);
    if (group === undefined) {
      group = {
        ruleId: finding.ruleId,
        severity: finding.severity,
        title: kind.group(counts.get(finding.ruleId) ?? 0),
        example: finding,
        members: [],
      };
      groups.set(finding.ruleId, group);
    }
    group.members.push({ key: finding.key, accountId: finding.accountId });
  }
  return {
    at: report.at,
    summary: report.summary,
    lowest: [...report.accounts].sort((a, b) => a.score - b.score).slice(0, GROUPED_ACCOUNTS_SHOWN),
    accountsWithSomething: report.accounts.length,
    vaultScore: report.vaultScore,
    vaultReadiness: report.vaultReadiness,
    findings,
    groups: [...groups.values()],
    dismissed: report.dismissed.map(({ finding, dismissal }) => ({
      key: finding.key,
      ruleId: finding.ruleId,
      accountId: finding.accountId,
      title: finding.title,
      dismissal,
    })),
  };
}
