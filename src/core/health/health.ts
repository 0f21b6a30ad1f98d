import type { HealthFinding, HealthReport } from '../../shared/health.js';
import { severityRank } from '../../shared/health.js';
import type { ClockCheck } from '../clock-check/sntp.js';
import type { Vault } from '../vault.js';
import type { HealthRule, HealthSnapshot } from './health-rule.js';
import { accountReadiness, vaultScore } from './readiness.js';
import { HEALTH_RULES } from './rules/index.js';

/** Gathers what the rules need, from one consistent read of the vault. */
export function takeSnapshot(
  vault: Vault,
  now: number,
  clockCheck: ClockCheck | null = null,
): HealthSnapshot {
  return vault.snapshot(() => ({
    now,
    settings: vault.settings.get(),
    accounts: vault.accounts.list(),
    contacts: vault.contacts.list(),
    recoveries: vault.recovery.all(),
    clockCheck,
    codes: vault.backupCodes.statusAll(),
    passwords: vault.logins.passwordFacts(),
    sheets: vault.sheets.printFacts(),
    backup: vault.backups.state(),
  }));
}

export function runRules(
  snapshot: HealthSnapshot,
  rules: readonly HealthRule[] = HEALTH_RULES,
): HealthReport {
  const findings: HealthFinding[] = rules
    .flatMap((rule) => rule.check(snapshot))
    .sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
  const accounts = accountReadiness(
    snapshot.accounts.map((account) => account.id),
    findings,
  );
  return {
    at: snapshot.now,
    findings,
    summary: {
      critical: findings.filter((finding) => finding.severity === 'critical').length,
      warning: findings.filter((finding) => finding.severity === 'warning').length,
      info: findings.filter((finding) => finding.severity === 'info').length,
    },
    accounts,
    vaultScore: vaultScore(accounts, findings),
  };
}

/** The health check: every rule over one snapshot of the vault at `now`. */
export function checkHealth(
  vault: Vault,
  now: number,
  clockCheck: ClockCheck | null = null,
): HealthReport {
  return runRules(takeSnapshot(vault, now, clockCheck));
}
