import { accountFixture, ruleFindings, snapshotWith } from '../../support/health-snapshot.js';
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../src/shared/durations.js';
import { passwordWeakRule } from '../../../src/core/health/rules/password-rules.js';
import type { StrengthScore } from '../../../src/shared/passwords.js';
import { createTestVault, T0 } from '../../support/temp-vault.js';

const STRONG = 'correct horse battery staple';

const account = (id: string, issuer: string, accountName = '') =>
  accountFixture(id, issuer, accountName, T0);

describe('password.weak', () => {
  it('flags scores 0 to 2 and not 3 or 4 (the rule at its edge)', () => {
    const scores: StrengthScore[] = [0, 1, 2, 3, 4];
    const snapshot = snapshotWith({
      now: T0,
      settings: { passwordMaxAgeDays: 0 },
      accounts: scores.map((score) => account(`a${score}`, `Site ${score}`)),
      passwords: scores.map((score) => ({
        accountId: `a${score}`,
        passwordChangedAt: T0,
        score,
        sameAs: [],
      })),
    });
    expect(ruleFindings(passwordWeakRule, snapshot).map((finding) => finding.accountId)).toEqual([
      'a0',
      'a1',
      'a2',
    ]);
  });

  it('finds real weak passwords through the engine, with a plain message and a concrete fix', async () => {
    const { vault } = await createTestVault();
    const weak = vault.accounts.add({ issuer: 'Forum', accountName: 'me' });
    const edgeWeak = vault.accounts.add({ issuer: 'Shop' });
    const edgeStrong = vault.accounts.add({ issuer: 'Library' });
    const ownName = vault.accounts.add({ issuer: 'GitHub', accountName: 'octocat' });
    const elsewhere = vault.accounts.add({ issuer: 'Mail' });
    vault.logins.set(weak.id, { password: 'hunter2' });
    vault.logins.set(edgeWeak.id, { password: 'qx7!Rm2#' }); // score 2
    vault.logins.set(edgeStrong.id, { password: 'qx7!Rm2#z' }); // score 3
    // Strong in general, weak on the account whose name it is built from.
    vault.logins.set(ownName.id, { password: 'Octocat!2024' });
    vault.logins.set(elsewhere.id, { password: 'Octocat!2024x' });

    const findings = vault.health
      .check(T0)
      .report.findings.filter((finding) => finding.ruleId === 'password.weak');
    expect(findings.map((finding) => finding.accountId).sort()).toEqual(
      [weak.id, edgeWeak.id, ownName.id].sort(),
    );
    const forum = findings.find((finding) => finding.accountId === weak.id);
    expect(forum).toMatchObject({
      severity: 'warning',
      title: 'Weak password',
      fixTarget: 'login',
      message: expect.stringContaining(
        'The password of Forum (me) is very guessable (strength 1 of 4)',
      ),
      fix: expect.stringContaining('Change it at Forum to a generated password'),
    });
    vault.close();
  });
});

describe('password.reused', () => {
  it('lists, for each account, the others sharing its password', async () => {
    const { vault } = await createTestVault();
    const a = vault.accounts.add({ issuer: 'Alpha', accountName: 'me' });
    const b = vault.accounts.add({ issuer: 'Beta' });
    const c = vault.accounts.add({ issuer: 'Gamma' });
    const d = vault.accounts.add({ issuer: 'Delta' });
    for (const { id } of [a, b, c]) vault.logins.set(id, { password: STRONG });
    vault.logins.set(d.id, { password: 'a different passphrase entirely' });

    const report = vault.health.check(T0).report;
    const reused = report.findings.filter((finding) => finding.ruleId === 'password.reused');
    expect(reused.map((finding) => finding.accountId).sort()).toEqual([a.id, b.id, c.id].sort());
    const alpha = reused.find((finding) => finding.accountId === a.id);
    expect(alpha).toMatchObject({
      severity: 'warning',
      title: 'Same password as 2 other accounts',
      message:
        'Alpha (me) has the same password as Beta and Gamma. If any of these sites leaks it, the others can be opened with it too.',
      fixTarget: 'login',
    });
    expect(alpha?.relatedAccountIds?.sort()).toEqual([b.id, c.id].sort());
    expect(reused.find((finding) => finding.accountId === b.id)?.title).toBe(
      'Same password as 2 other accounts',
    );
    // The account list counts it; an account with nothing to say is not listed.
    expect(report.accounts.find((entry) => entry.accountId === d.id)).toBeUndefined();
    expect(report.accounts.find((entry) => entry.accountId === a.id)?.worst).toBe('warning');
    // No finding, message or fix carries a password.
    expect(JSON.stringify(report)).not.toContain('horse');
    vault.close();
  });

  it('is gone once the password is changed', async () => {
    const { vault } = await createTestVault();
    const a = vault.accounts.add({ issuer: 'Alpha' });
    const b = vault.accounts.add({ issuer: 'Beta' });
    vault.logins.set(a.id, { password: STRONG });
    vault.logins.set(b.id, { password: STRONG });
    expect(
      vault.health.check(T0).report.findings.filter((f) => f.ruleId === 'password.reused'),
    ).toHaveLength(2);
    vault.logins.set(b.id, { password: 'another long passphrase here' });
    expect(
      vault.health.check(T0).report.findings.filter((f) => f.ruleId === 'password.reused'),
    ).toHaveLength(0);
    vault.close();
  });
});

describe('password.old', () => {
  it('is off by default, and with a limit flags passwords older than it, not at it', async () => {
    const { vault, clock } = await createTestVault();
    const old = vault.accounts.add({ issuer: 'Old Site' });
    vault.logins.set(old.id, { password: STRONG });
    clock.advance(100 * DAY_MS);
    const fresh = vault.accounts.add({ issuer: 'Fresh Site' });
    vault.logins.set(fresh.id, { password: 'another long passphrase here' });

    const oldFindings = (now: number) =>
      vault.health
        .check(now)
        .report.findings.filter((finding) => finding.ruleId === 'password.old');
    expect(vault.settings.get().passwordMaxAgeDays).toBe(0);
    expect(oldFindings(T0 + 10_000 * DAY_MS)).toEqual([]);

    vault.settings.update({ passwordMaxAgeDays: 365 });
    expect(oldFindings(T0 + 365 * DAY_MS)).toEqual([]);
    const findings = oldFindings(T0 + 365 * DAY_MS + 1);
    expect(findings).toEqual([
      {
        ruleId: 'password.old',
        severity: 'info',
        key: `password.old|${old.id}|`,
        accountId: old.id,
        title: 'Password not changed for a long time',
        message:
          'The password of Old Site was last changed 365 days ago, on 2026-05-03; your limit is 365 days.',
        fix: 'Change it at Old Site and save the new one here, or raise or turn off the limit in Settings.',
        terminalFix:
          'Change it at Old Site and `sparekey password set` the new one, or raise or turn off the limit (passwordMaxAgeDays) in the settings.',
        fixTarget: 'login',
        facts: String(T0),
      },
    ]);
    expect(
      oldFindings(T0 + 466 * DAY_MS)
        .map((finding) => finding.accountId)
        .sort(),
    ).toEqual([old.id, fresh.id].sort());
    vault.close();
  });

  it('refuses a negative limit, naming the setting', async () => {
    const { vault } = await createTestVault();
    expect(() => vault.settings.update({ passwordMaxAgeDays: -1 })).toThrow(/passwordMaxAgeDays/);
    vault.close();
  });
});
