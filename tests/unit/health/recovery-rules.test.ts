import { describe, expect, it } from 'vitest';
import type { FindingKind, HealthFinding } from '../../../src/shared/health.js';
import { DAY_MS } from '../../../src/shared/durations.js';
import { makeSeed } from '../../../src/core/otp/seed.js';
import type { Vault } from '../../../src/core/vault.js';
import { createTestVault, T0 } from '../../support/temp-vault.js';

const SEED = makeSeed({ secret: 'JBSWY3DPEHPK3PXP' });

function findings(vault: Vault, at: number, ruleId: FindingKind): HealthFinding[] {
  return vault.health.check(at).report.findings.filter((finding) => finding.ruleId === ruleId);
}

describe('retired contacts', () => {
  it('a retired number still sent codes is a warning naming what works; as a recovery phone, its own warning', async () => {
    const { vault } = await createTestVault();
    const phone = vault.contacts.add({ kind: 'phone', value: '+12025550143' });
    const bank = vault.accounts.add({ issuer: 'Bank', seed: SEED });
    vault.recovery.addMethod(bank.id, { kind: 'sms', contactId: phone.id });
    vault.recovery.addMethod(bank.id, { kind: 'security-key', device: 'YubiKey' });
    const shop = vault.accounts.add({ issuer: 'Shop', seed: SEED });
    vault.recovery.addRecoveryContact(shop.id, phone.id);
    expect(findings(vault, T0, 'contacts.retired-in-use')).toEqual([]);

    vault.contacts.retire(phone.id);
    const [inUse] = findings(vault, T0, 'contacts.retired-in-use');
    expect(inUse).toMatchObject({ accountId: bank.id, contactId: phone.id, severity: 'warning' });
    expect(inUse?.message).toMatch(
      /^Your authenticator app and your security key \(YubiKey\) still get you into Bank, but SMS still sends its codes to \+1 202 555 0143, which you retired/,
    );
    const [recovery] = findings(vault, T0, 'recovery.retired-contact');
    expect(recovery).toMatchObject({ accountId: shop.id, severity: 'warning' });
    expect(recovery?.message).toMatch(/as its recovery phone/);
    expect(vault.health.check(T0).report.summary.critical).toBe(0);
    vault.close();
  });
});

describe('contacts.stale (180 days by default, configurable)', () => {
  it('is quiet at 180 days and flags at 181, for a contact an account depends on only', async () => {
    const { vault } = await createTestVault();
    const used = vault.contacts.add({ kind: 'phone', value: '+12025550143' });
    vault.contacts.add({ kind: 'email', value: 'spare@example.com' });
    const account = vault.accounts.add({ issuer: 'Bank' });
    vault.recovery.addMethod(account.id, { kind: 'sms', contactId: used.id });

    expect(findings(vault, T0 + 180 * DAY_MS, 'contacts.stale')).toEqual([]);
    const stale = findings(vault, T0 + 181 * DAY_MS, 'contacts.stale');
    expect(stale.map((finding) => [finding.contactId, finding.severity])).toEqual([
      [used.id, 'warning'],
    ]);
    expect(stale[0]?.message).toContain('181 days ago. Bank depends on it.');

    vault.settings.update({ staleContactDays: 30 });
    expect(findings(vault, T0 + 31 * DAY_MS, 'contacts.stale')).toHaveLength(1);
    vault.close();
  });

  it('counts from when the contact was added when never confirmed, and resets on confirmation', async () => {
    const { vault, clock } = await createTestVault();
    const phone = vault.contacts.add({ kind: 'phone', value: '+12025550143', confirmedAt: null });
    vault.recovery.addRecoveryContact(vault.accounts.add({ issuer: 'Bank' }).id, phone.id);
    expect(findings(vault, T0 + 181 * DAY_MS, 'contacts.stale')[0]?.message).toMatch(
      /never confirmed/,
    );
    clock.set(T0 + 200 * DAY_MS);
    vault.contacts.confirm(phone.id);
    expect(findings(vault, T0 + 379 * DAY_MS, 'contacts.stale')).toEqual([]);
    vault.close();
  });
});

describe('where the authenticator lives', () => {
  it('tells a seed only here from one also on a phone, and from one only on a phone', async () => {
    const { vault } = await createTestVault();
    const codes = ['1111-2222', '3333-4444', '5555-6666', '7777-8888'];
    const onlyHere = vault.accounts.add({ issuer: 'Here', seed: SEED });
    vault.backupCodes.add(onlyHere.id, { codes });
    const both = vault.accounts.add({ issuer: 'Both', seed: SEED });
    vault.backupCodes.add(both.id, { codes });
    vault.recovery.addMethod(both.id, { kind: 'authenticator', device: 'Aegis on Pixel 8' });
    const onlyPhone = vault.accounts.add({ issuer: 'Phone' });
    vault.backupCodes.add(onlyPhone.id, { codes });
    vault.recovery.addMethod(onlyPhone.id, {
      kind: 'authenticator',
      device: 'Google Authenticator on iPhone',
    });

    expect(
      findings(vault, T0, 'methods.seed-only-here').map((finding) => finding.accountId),
    ).toEqual([onlyHere.id]);
    const [notHere] = findings(vault, T0, 'methods.seed-not-here');
    expect(notHere).toMatchObject({ accountId: onlyPhone.id, severity: 'info' });
    expect(notHere?.message).toContain('Google Authenticator on iPhone');
    // Marked lost, the copy on the phone no longer counts: the seed is only here again.
    const [aegis] = vault.recovery.get(both.id).methods;
    vault.recovery.setMethodWorking(both.id, aegis!.id, false);
    expect(
      findings(vault, T0, 'methods.seed-only-here')
        .map((finding) => finding.accountId)
        .sort(),
    ).toEqual([onlyHere.id, both.id].sort());
    vault.recovery.setMethodWorking(both.id, aegis!.id, true);
    expect(findings(vault, T0, 'methods.seed-only-here')).toHaveLength(1);
    vault.close();
  });
});

describe('contacts.none', () => {
  it('suggests a recovery contact to accounts with a way in, not to ones known only by their seed', async () => {
    const { vault } = await createTestVault();
    const imported = vault.accounts.add({ issuer: 'Imported', seed: SEED });
    const key = vault.accounts.add({ issuer: 'Key' });
    vault.recovery.addMethod(key.id, { kind: 'security-key', device: 'YubiKey' });
    const covered = vault.accounts.add({ issuer: 'Covered' });
    vault.recovery.addMethod(covered.id, { kind: 'security-key', device: 'YubiKey' });
    const email = vault.contacts.add({ kind: 'email', value: 'me@example.com' });
    vault.recovery.addRecoveryContact(covered.id, email.id);
    vault.accounts.add({ issuer: 'No 2FA' });
    expect(findings(vault, T0, 'contacts.none').map((finding) => finding.accountId)).toEqual([
      key.id,
    ]);
    expect(findings(vault, T0, 'ways.only-seed-known').map((f) => f.accountId)).toEqual([
      imported.id,
    ]);
    vault.close();
  });
});

describe('habits.untested (180 days by default)', () => {
  it('counts from the last test, or from when the account was added', async () => {
    const { vault, clock } = await createTestVault();
    const account = vault.accounts.add({ issuer: 'Mail', seed: SEED });
    vault.recovery.addMethod(account.id, { kind: 'security-key', device: 'YubiKey' });
    vault.accounts.add({ issuer: 'No second factor' });
    expect(findings(vault, T0 + 180 * DAY_MS, 'habits.untested')).toEqual([]);
    const [never] = findings(vault, T0 + 181 * DAY_MS, 'habits.untested');
    expect(never).toMatchObject({ accountId: account.id, title: 'Sign-in never tested' });

    clock.set(T0 + 100 * DAY_MS);
    vault.recovery.markTested(account.id);
    expect(findings(vault, T0 + 280 * DAY_MS, 'habits.untested')).toEqual([]);
    expect(findings(vault, T0 + 281 * DAY_MS, 'habits.untested')[0]?.title).toBe(
      'Sign-in not tested for 181 days',
    );
    vault.close();
  });
});

describe('the clock', () => {
  it('is silent without a check and within 15 s; a warning up to 90 s; critical beyond', async () => {
    const { vault } = await createTestVault();
    const kinds = (offsetMs: number | null) =>
      vault.health
        .check(
          T0,
          offsetMs === null
            ? null
            : { offsetMs, roundTripMs: 20, server: 'time.example', checkedAt: T0 },
        )
        .report.findings.filter((finding) => finding.ruleId.startsWith('clock.'))
        .map((finding) => [finding.ruleId, finding.severity, finding.title]);
    expect(kinds(null)).toEqual([]);
    expect(kinds(15_000)).toEqual([]);
    expect(kinds(-15_001)).toEqual([
      ['clock.drift', 'warning', 'The clock is 15 s ahead of the right time'],
    ]);
    expect(kinds(90_000)).toEqual([
      ['clock.drift', 'warning', 'The clock is 90 s behind the right time'],
    ]);
    expect(kinds(90_001)).toEqual([
      ['clock.wrong', 'critical', 'The clock is 90 s behind the right time'],
    ]);
    vault.close();
  });
});

describe('summary and readiness', () => {
  it('counts open findings by severity; the vault score is the mean less each vault-wide finding, and says so', async () => {
    const { vault } = await createTestVault();
    const phone = vault.contacts.add({ kind: 'phone', value: '+12025550143' });
    const risky = vault.accounts.add({ issuer: 'Risky' });
    vault.recovery.addMethod(risky.id, { kind: 'sms', contactId: phone.id });
    const fine = vault.accounts.add({ issuer: 'Fine', seed: SEED });
    vault.recovery.addMethod(fine.id, { kind: 'authenticator', device: 'Aegis' });
    vault.recovery.addMethod(fine.id, { kind: 'security-key', device: 'YubiKey' });
    vault.accounts.add({ issuer: 'No 2FA' });
    vault.contacts.retire(phone.id);

    const { report } = vault.health.check(T0 + 2 * DAY_MS);
    expect(report.summary).toEqual({ critical: 1, warning: 1, info: 2 });
    const scores = new Map(report.accounts.map((account) => [account.accountId, account]));
    expect(scores.get(risky.id)).toMatchObject({
      score: 0,
      verdict: 'locked-out',
      worst: 'critical',
    });
    // Fine: two ways, no recovery contact (−10), and the no-2FA account is not counted.
    expect(scores.get(fine.id)).toMatchObject({ score: 90, verdict: 'ok', worst: 'info' });
    expect(report.vaultReadiness.reasons).toEqual([
      { points: 55, text: 'The mean readiness of 2 accounts is 45.' },
      { points: 10, text: 'The vault has never been backed up.' },
    ]);
    expect(report.vaultScore).toBe(35);
    vault.close();
  });
});
