import type { HealthFinding } from '../../../shared/health.js';
import { accountFactors } from '../account-factors.js';
import { type HealthRule } from '../health-rule.js';
import { accountFullName } from '../../../shared/account-names.js';

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
      const name = accountFullName(account);
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

/**
 * `codes.none-stored`: an account with two-step verification and no backup codes
 * here. A warning when backup codes are recorded as one of its methods (the site
 * gave some, but they are not here), information otherwise (the site may offer them).
 */
export const noBackupCodesRule: HealthRule = {
  id: 'codes.none-stored',
  check(snapshot) {
    return accountFactors(snapshot)
      .filter(
        ({ hasTwoFactor, codes }) =>
          hasTwoFactor && (codes === undefined || codes.level === 'none'),
      )
      .map(({ account, recovery }) => {
        const recorded =
          recovery?.methods.some((method) => method.kind === 'backup-codes') ?? false;
        const name = accountFullName(account);
        return {
          ruleId: 'codes.none-stored',
          severity: recorded ? 'warning' : 'info',
          accountId: account.id,
          title: 'No backup codes stored',
          message: recorded
            ? `${name} has backup codes as a way in, but none are stored in Sparekey: when they are needed, you will have to find them.`
            : `No backup codes are stored for ${name}. Most sites with two-step verification offer single-use codes for the day your other methods fail.`,
          fix: `${recorded ? 'Paste' : `If ${account.issuer || name} offers backup codes, generate them and paste`} the codes here; Sparekey tracks which are used.`,
          fixTarget: 'codes',
        };
      });
  },
};
