import { describe, expect, it } from 'vitest';
import type { HealthFinding } from '../../../src/shared/health.js';
import { checkHealth } from '../../../src/core/health/health.js';
import { makeSeed } from '../../../src/core/otp/seed.js';
import type { Vault } from '../../../src/core/vault.js';
import { createTestVault, T0 } from '../../support/temp-vault.js';
import { DAY_MS } from '../../../src/shared/durations.js';

const SEED = makeSeed({ secret: 'JBSWY3DPEHPK3PXP' });

function findings(vault: Vault, at: number, ruleId: string): HealthFinding[] {
  return checkHealth(vault, at).findings.filter((finding) => finding.ruleId === ruleId);
}

describe('contacts.retired-in-use', () => {
  it('flags every account that still sends codes to a retired number, or uses it for recovery, as critical', async () => {
    const { vault } = await createTestVault();
    const phone = vault.contacts.add({ kind: 'phone', value: '+12025550143' });
    const accounts = ['Bank', 'Mail', 'Shop'].map((issuer) => vault.accounts.add({ issuer }));
    vault.recovery.addMethod(accounts[0]!.id, { kind: 'sms', contactId: phone.id });
    vault.recovery.addMethod(accounts[1]!.id, { kind: 'voice', contactId: phone.id });
    vault.recovery.addRecoveryContact(accounts[2]!.id, phone.id);
    expect(findings(vault, T0, 'contacts.retired-in-use')).toEqual([]);

    vault.contacts.retire(phone.id);
    const flagged = findings(vault, T0, 'contacts.retired-in-use');
    expect(flagged.map((finding) => finding.accountId).sort()).toEqual(
      accounts.map((account) => account.id).sort(),
    );
    expect(flagged.every((finding) => finding.severity === 'critical')).toBe(true);
    expect(flagged.find((finding) => finding.accountId === accounts[2]!.id)?.message).toMatch(
      /recovery phone/,
    );
    expect(checkHealth(vault, T0).findings[0]?.severity).toBe('critical');
    vault.close();
  });
});

describe('contacts.stale (180 days by default, configurable)', () => {
  it('is quiet at 179 days and flags at 181; a warning when accounts depend on it, info otherwise', async () => {
    const { vault } = await createTestVault();
    const used = vault.contacts.add({ kind: 'phone', value: '+12025550143' });
    vault.contacts.add({ kind: 'email', value: 'spare@example.com' });
    const account = vault.accounts.add({ issuer: 'Bank' });
    vault.recovery.addMethod(account.id, { kind: 'sms', contactId: used.id });

    expect(findings(vault, T0 + 179 * DAY_MS, 'contacts.stale')).toEqual([]);
    expect(findings(vault, T0 + 180 * DAY_MS, 'contacts.stale')).toEqual([]);
    const stale = findings(vault, T0 + 181 * DAY_MS, 'contacts.stale');
    expect(stale.map((finding) => [finding.contactId === used.id, finding.severity])).toEqual([
      [true, 'warning'],
      [false, 'info'],
    ]);
    expect(stale[0]?.message).toContain('181 days ago. Bank depends on it.');

    vault.settings.update({ staleContactDays: 30 });
    expect(findings(vault, T0 + 31 * DAY_MS, 'contacts.stale')).toHaveLength(2);
    vault.close();
  });

  it('counts from when the contact was added when it was never confirmed, and resets on confirmation', async () => {
    const { vault, clock } = await createTestVault();
    const phone = vault.contacts.add({ kind: 'phone', value: '+12025550143', confirmedAt: null });
    expect(findings(vault, T0 + 181 * DAY_MS, 'contacts.stale')[0]?.message).toMatch(
      /never confirmed/,
    );
    clock.set(T0 + 200 * DAY_MS);
    vault.contacts.confirm(phone.id);
    expect(findings(vault, T0 + 200 * DAY_MS + 179 * DAY_MS, 'contacts.stale')).toEqual([]);
    vault.close();
  });
});

describe('methods', () => {
  it('flags SMS (or voice) as the only way in, with what to add', async () => {
    const { vault } = await createTestVault();
    const phone = vault.contacts.add({ kind: 'phone', value: '+12025550143' });
    const account = vault.accounts.add({ issuer: 'Bank' });
    vault.recovery.addMethod(account.id, { kind: 'sms', contactId: phone.id });
    vault.recovery.addMethod(account.id, { kind: 'voice', contactId: phone.id });
    const [finding] = findings(vault, T0, 'methods.sms-only');
    expect(finding).toMatchObject({
      accountId: account.id,
      severity: 'warning',
      title: 'SMS / Voice call is the only way in',
    });
    expect(finding?.fix).toMatch(/authenticator app/);
    expect(findings(vault, T0, 'methods.single')).toEqual([]);

    vault.accounts.setSeed(account.id, SEED);
    expect(findings(vault, T0, 'methods.sms-only')).toEqual([]);
    vault.close();
  });

  it('flags a single second factor of any other kind', async () => {
    const { vault } = await createTestVault();
    const key = vault.accounts.add({ issuer: 'Cloud' });
    vault.recovery.addMethod(key.id, { kind: 'security-key', device: 'YubiKey' });
    const seedOnly = vault.accounts.add({ issuer: 'Forum', seed: SEED });
    const none = vault.accounts.add({ issuer: 'No 2FA' });
    const flagged = findings(vault, T0, 'methods.single').map((finding) => finding.accountId);
    expect(flagged.sort()).toEqual([key.id, seedOnly.id].sort());
    expect(flagged).not.toContain(none.id);
    vault.recovery.addMethod(key.id, { kind: 'backup-codes' });
    expect(findings(vault, T0, 'methods.single').map((finding) => finding.accountId)).toEqual([
      seedOnly.id,
    ]);
    vault.close();
  });

  it('tells a seed that lives only here from one that lives only on a phone', async () => {
    const { vault } = await createTestVault();
    const onlyHere = vault.accounts.add({ issuer: 'Here', seed: SEED });
    const both = vault.accounts.add({ issuer: 'Both', seed: SEED });
    vault.recovery.addMethod(both.id, { kind: 'authenticator', device: 'Aegis on Pixel 8' });
    const onlyPhone = vault.accounts.add({ issuer: 'Phone' });
    vault.recovery.addMethod(onlyPhone.id, {
      kind: 'authenticator',
      device: 'Google Authenticator on iPhone',
    });

    expect(
      findings(vault, T0, 'methods.seed-only-here').map((finding) => finding.accountId),
    ).toEqual([onlyHere.id]);
    const [notHere] = findings(vault, T0, 'methods.seed-not-here');
    expect(notHere).toMatchObject({ accountId: onlyPhone.id, severity: 'warning' });
    expect(notHere?.message).toContain('Google Authenticator on iPhone');
    vault.close();
  });

  it('flags a missing recovery contact, more gently when there are two ways in', async () => {
    const { vault } = await createTestVault();
    const single = vault.accounts.add({ issuer: 'Single', seed: SEED });
    const two = vault.accounts.add({ issuer: 'Two', seed: SEED });
    vault.recovery.addMethod(two.id, { kind: 'security-key', device: 'YubiKey' });
    const covered = vault.accounts.add({ issuer: 'Covered', seed: SEED });
    const email = vault.contacts.add({ kind: 'email', value: 'me@example.com' });
    vault.recovery.addRecoveryContact(covered.id, email.id);
    const none = findings(vault, T0, 'contacts.none');
    expect(none.map((finding) => [finding.accountId, finding.severity])).toEqual([
      [single.id, 'warning'],
      [two.id, 'info'],
    ]);
    vault.close();
  });
});

describe('habits.untested (180 days by default)', () => {
  it('counts from the last test, or from when the account was added', async () => {
    const { vault, clock } = await createTestVault();
    const account = vault.accounts.add({ issuer: 'Mail', seed: SEED });
    vault.accounts.add({ issuer: 'No second factor' });
    expect(findings(vault, T0 + 179 * DAY_MS, 'habits.untested')).toEqual([]);
    const [never] = findings(vault, T0 + 181 * DAY_MS, 'habits.untested');
    expect(never).toMatchObject({ accountId: account.id, title: 'Sign-in never tested' });

    clock.set(T0 + 100 * DAY_MS);
    vault.recovery.markTested(account.id);
    expect(findings(vault, T0 + 279 * DAY_MS, 'habits.untested')).toEqual([]);
    expect(findings(vault, T0 + 281 * DAY_MS, 'habits.untested')[0]?.title).toBe(
      'Sign-in not tested for 181 days',
    );
    vault.close();
  });
});

describe('clock.drift', () => {
  it('is silent without a check, and flags an offset beyond 15 s (critical beyond a 30 s step)', async () => {
    const { vault } = await createTestVault();
    const check = (offsetMs: number) =>
      checkHealth(vault, T0, {
        offsetMs,
        roundTripMs: 20,
        server: 'time.example',
        checkedAt: T0,
      }).findings.filter((finding) => finding.ruleId === 'clock.drift');
    expect(
      checkHealth(vault, T0).findings.filter((finding) => finding.ruleId === 'clock.drift'),
    ).toEqual([]);
    expect(check(15_000)).toEqual([]);
    expect(check(-15_001)[0]).toMatchObject({
      severity: 'warning',
      title: 'The clock is 15 s ahead of the right time',
    });
    expect(check(45_000)[0]).toMatchObject({
      severity: 'critical',
      title: 'The clock is 45 s behind the right time',
    });
    vault.close();
  });
});

describe('summary and readiness', () => {
  it('counts findings by severity and scores each account and the vault', async () => {
    const { vault } = await createTestVault();
    const phone = vault.contacts.add({ kind: 'phone', value: '+12025550143' });
    const risky = vault.accounts.add({ issuer: 'Risky' });
    vault.recovery.addMethod(risky.id, { kind: 'sms', contactId: phone.id });
    const fine = vault.accounts.add({ issuer: 'Fine', seed: SEED });
    vault.recovery.addMethod(fine.id, { kind: 'authenticator', device: 'Aegis' });
    vault.recovery.addMethod(fine.id, { kind: 'security-key', device: 'YubiKey' });
    vault.recovery.addRecoveryContact(fine.id, phone.id);
    vault.contacts.retire(phone.id);

    const report = checkHealth(vault, T0);
    expect(report.summary.critical).toBe(2);
    const scores = new Map(report.accounts.map((account) => [account.accountId, account]));
    expect(scores.get(risky.id)?.worst).toBe('critical');
    expect(scores.get(risky.id)!.score).toBeLessThanOrEqual(40);
    expect(report.vaultScore).toBeLessThan(100);
    vault.recovery.removeRecoveryContact(fine.id, phone.id);
    expect(
      checkHealth(vault, T0).accounts.find((account) => account.accountId === fine.id)?.worst,
    ).not.toBe('critical');
    vault.close();
  });
});

describe('codes.none-stored', () => {
  it('is information for an account with 2FA and no codes, a warning when backup codes are a recorded method', async () => {
    const { vault } = await createTestVault();
    const plain = vault.accounts.add({ issuer: 'Plain', seed: SEED });
    const recorded = vault.accounts.add({ issuer: 'Recorded', seed: SEED });
    vault.recovery.addMethod(recorded.id, { kind: 'backup-codes' });
    const stored = vault.accounts.add({ issuer: 'Stored', seed: SEED });
    vault.backupCodes.add(stored.id, {
      codes: ['1111-2222', '3333-4444', '5555-6666', '7777-8888'],
    });
    vault.accounts.add({ issuer: 'No 2FA' });
    expect(
      findings(vault, T0, 'codes.none-stored').map((finding) => [
        finding.accountId,
        finding.severity,
      ]),
    ).toEqual([
      [recorded.id, 'warning'],
      [plain.id, 'info'],
    ]);
    // Stored backup codes count as a second way in.
    expect(findings(vault, T0, 'methods.single').map((finding) => finding.accountId)).not.toContain(
      stored.id,
    );
    vault.close();
  });
});
