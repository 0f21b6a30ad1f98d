import { accountFixture, snapshotWith } from '../../support/health-snapshot.js';
import { describe, expect, it } from 'vitest';
import type { CodesStatus } from '../../../src/shared/backup-codes.js';
import { checkHealth, runRules } from '../../../src/core/health/health.js';
import type { HealthSnapshot } from '../../../src/core/health/health-rule.js';
import { backupCodesRule } from '../../../src/core/health/rules/backup-code-rules.js';
import { createTestVault, T0 } from '../../support/temp-vault.js';

const account = (id: string, issuer: string, accountName = '') =>
  accountFixture(id, issuer, accountName, T0);

function status(
  accountId: string,
  total: number,
  remaining: number,
  threshold: number,
): CodesStatus {
  return {
    accountId,
    currentSetId: total === 0 ? null : 'aaaaaaaaaaaaaaaa',
    currentSetIds: total === 0 ? [] : ['aaaaaaaaaaaaaaaa'],
    total,
    remaining,
    used: total - remaining,
    threshold,
    level:
      total === 0 ? 'none' : remaining === 0 ? 'exhausted' : remaining <= threshold ? 'low' : 'ok',
    issuedAt: total === 0 ? null : T0,
    changedAt: T0,
  };
}

function snapshot(codes: CodesStatus[]): HealthSnapshot {
  return snapshotWith({
    now: T0,
    accounts: [
      account('0000000000000001', 'GitHub', 'octocat'),
      account('0000000000000002', 'Google'),
      account('0000000000000003', 'Discord'),
      account('0000000000000004', 'Slack'),
    ],
    codes,
  });
}

describe('backup-code health rules', () => {
  it('warns at the threshold, not above it; all used is critical; none stored says nothing', () => {
    const findings = backupCodesRule.check(
      snapshot([
        status('0000000000000001', 10, 3, 3),
        status('0000000000000002', 10, 4, 3),
        status('0000000000000003', 10, 0, 3),
        status('0000000000000004', 0, 0, 0),
      ]),
    );
    expect(findings).toEqual([
      {
        ruleId: 'codes.low',
        severity: 'warning',
        accountId: '0000000000000001',
        title: 'Backup codes running low',
        message:
          'Only 3 of 10 backup codes for GitHub (octocat) are left (the warning starts at 3).',
        fix: 'Before the last ones are used, generate new backup codes at GitHub and add them here, replacing the old set.',
        fixTarget: 'codes',
      },
      {
        ruleId: 'codes.all-used',
        severity: 'critical',
        accountId: '0000000000000003',
        title: 'All backup codes used',
        message:
          'All 10 backup codes for Discord are used. If you lose your other ways in, no backup code is left to sign in with.',
        fix: 'Sign in to Discord, generate new backup codes, and add them here choosing "the site replaced the old codes".',
        fixTarget: 'codes',
      },
    ]);
  });

  it('one code left is still low; the report puts all-used first and lowers the readiness', () => {
    const report = runRules(
      snapshot([status('0000000000000001', 10, 1, 3), status('0000000000000002', 5, 0, 3)]),
      [backupCodesRule],
    );
    expect(report.findings.map((finding) => finding.ruleId)).toEqual([
      'codes.all-used',
      'codes.low',
    ]);
    expect(report.summary).toEqual({ critical: 1, warning: 1, info: 0 });
    expect(report.accounts.find((a) => a.accountId === '0000000000000002')).toMatchObject({
      worst: 'critical',
    });
  });

  it('the vault health check sees the codes of a real vault', async () => {
    const { vault } = await createTestVault();
    const github = vault.accounts.add({ issuer: 'GitHub' }).id;
    vault.backupCodes.add(github, {
      codes: ['abcde-12345', 'fghij-67890', 'klmno-13579', 'pqrst-24680'],
    });
    // Only the backup-code rules are under test here (the account's other risks have their own tests).
    const codeFindings = () =>
      checkHealth(vault, T0).findings.filter((finding) => finding.ruleId.startsWith('codes.'));
    expect(codeFindings()).toEqual([]);
    vault.backupCodes.use(github, { code: 'abcde-12345' });
    expect(codeFindings().map((finding) => finding.ruleId)).toEqual(['codes.low']);
    for (const code of ['fghij-67890', 'klmno-13579', 'pqrst-24680'])
      vault.backupCodes.use(github, { code });
    expect(codeFindings()).toMatchObject([
      { ruleId: 'codes.all-used', severity: 'critical', accountId: github },
    ]);
    vault.close();
  });
});
