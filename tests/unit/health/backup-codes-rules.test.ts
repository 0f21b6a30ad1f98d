import { accountFixture, snapshotWith } from '../../support/health-snapshot.js';
import { describe, expect, it } from 'vitest';
import type { CodesStatus } from '../../../src/shared/backup-codes.js';
import { runRules } from '../../../src/core/health/health.js';
import type { HealthSnapshot } from '../../../src/core/health/health-rule.js';
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

const IDS = ['0000000000000001', '0000000000000002', '0000000000000003', '0000000000000004'];

/** Four accounts, each with a seed here and the given backup codes. */
function snapshot(codes: CodesStatus[]): HealthSnapshot {
  return snapshotWith({
    now: T0,
    accounts: [
      account(IDS[0]!, 'GitHub', 'octocat'),
      account(IDS[1]!, 'Google'),
      account(IDS[2]!, 'Discord'),
      account(IDS[3]!, 'Slack'),
    ].map((entry) => ({
      ...entry,
      otp: { type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 },
    })),
    codes,
  });
}

function codeFindings(codes: CodesStatus[]) {
  return runRules(snapshot(codes)).report.findings.filter((finding) =>
    finding.ruleId.startsWith('codes.'),
  );
}

describe('backup-code health rules', () => {
  it('warns at the threshold, not above it; all used beside a working authenticator is a warning, not critical', () => {
    const findings = codeFindings([
      status(IDS[0]!, 10, 3, 3),
      status(IDS[1]!, 10, 4, 3),
      status(IDS[2]!, 10, 0, 3),
      status(IDS[3]!, 0, 0, 0),
    ]);
    expect(
      findings.map((finding) => [finding.ruleId, finding.accountId, finding.severity]),
    ).toEqual([
      ['codes.low', IDS[0], 'warning'],
      ['codes.all-used', IDS[2], 'warning'],
    ]);
    expect(findings[0]).toMatchObject({
      title: 'Backup codes running low',
      message: 'Only 3 of 10 backup codes for GitHub (octocat) are left (the warning starts at 3).',
      fix: 'Before the last ones are used, generate new backup codes at GitHub and add them here with “Add codes…”, replacing the old set.',
      terminalFix:
        'Before the last ones are used, generate new backup codes at GitHub and add them with `sparekey codes add "GitHub:octocat" --replace`.',
      fixTarget: 'codes',
      key: `codes.low|${IDS[0]}|`,
    });
    expect(findings[1]?.message).toBe(
      'Your authenticator app still gets you into Discord, but all 10 of its backup codes are used: none is left for the day the others fail.',
    );
  });

  it('one code left is still low; using one more changes the facts a dismissal stands on', () => {
    const [two] = codeFindings([status(IDS[0]!, 10, 2, 3)]);
    const [one] = codeFindings([status(IDS[0]!, 10, 1, 3)]);
    expect(one).toMatchObject({ ruleId: 'codes.low', key: two?.key });
    expect(one?.facts).not.toBe(two?.facts);
  });

  it('the vault health check sees the codes of a real vault', async () => {
    const { vault } = await createTestVault();
    const github = vault.accounts.add({ issuer: 'GitHub' }).id;
    vault.backupCodes.add(github, {
      codes: ['abcde-12345', 'fghij-67890', 'klmno-13579', 'pqrst-24680'],
    });
    const check = () => vault.health.check(T0);
    const codeFindings = () =>
      check().report.findings.filter((finding) => finding.ruleId.startsWith('codes.'));
    expect(codeFindings()).toEqual([]);
    vault.backupCodes.use(github, { code: 'abcde-12345' });
    expect(codeFindings().map((finding) => finding.ruleId)).toEqual(['codes.low']);
    for (const code of ['fghij-67890', 'klmno-13579', 'pqrst-24680'])
      vault.backupCodes.use(github, { code });
    // The codes were the only way in: now none works, and that is the one critical finding.
    expect(check().report.findings.map((finding) => [finding.ruleId, finding.severity])).toEqual([
      ['ways.none-work', 'critical'],
    ]);
    vault.close();
  });
});
