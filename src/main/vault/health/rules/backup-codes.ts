import type { HealthFinding } from '../../../../shared/health.js';
import { accountName, type HealthRule } from '../health-rule.js';

/**
 * `codes.all-used` (critical): every code of the account's current set is used.
 * `codes.low` (warning): the unused codes are at or below the threshold.
 */
export const backupCodesRule: HealthRule = {
  id: 'codes',
  check(snapshot) {
    const accounts = new Map(snapshot.accounts.map((account) => [account.id, account]));
    const findings: HealthFinding[] = [];
    for (const status of snapshot.codes) {
      const account = accounts.get(status.accountId);
      if (account === undefined) continue;
      const name = accountName(account);
      const site = account.issuer || name;
      if (status.level === 'exhausted') {
        findings.push({
          ruleId: 'codes.all-used',
          severity: 'critical',
          accountId: status.accountId,
          title: 'All backup codes used',
          message: `All ${status.total} backup codes for ${name} are used. If you lose your other ways in, no backup code is left to sign in with.`,
          fix: `Sign in to ${site}, generate new backup codes, and add them here choosing "the site replaced the old codes".`,
          fixTarget: 'codes',
        });
      } else if (status.level === 'low') {
        findings.push({
          ruleId: 'codes.low',
          severity: 'warning',
          accountId: status.accountId,
          title: 'Backup codes running low',
          message: `Only ${status.remaining} of ${status.total} backup codes for ${name} are left (the warning starts at ${status.threshold}).`,
          fix: `Before the last ones are used, generate new backup codes at ${site} and add them here, replacing the old set.`,
          fixTarget: 'codes',
        });
      }
    }
    return findings;
  },
};
