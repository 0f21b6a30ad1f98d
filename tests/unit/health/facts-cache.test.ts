import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../src/shared/durations.js';
import { runRules, takeSnapshot } from '../../../src/core/health/health.js';
import { makeSeed } from '../../../src/core/otp/seed.js';
import type { Vault } from '../../../src/core/vault.js';
import { createTestVault, T0 } from '../../support/temp-vault.js';

const SEED = makeSeed({ secret: 'JBSWY3DPEHPK3PXP' });
const CODES = ['1111-2222', '3333-4444', '5555-6666', '7777-8888', '9999-0000'];

/** What a check says of every account, as comparable data. */
function said(vault: Vault, now: number, fromScratch: boolean) {
  const check = fromScratch
    ? vault.snapshot(() => runRules(takeSnapshot(vault, now), vault.health.dismissals.list()))
    : vault.health.check(now);
  return {
    findings: check.report.findings.map((finding) => [finding.key, finding.message, finding.fix]),
    accounts: [...check.standings.values()].map(({ facts, score }) => [
      facts.account.id,
      facts.verdict,
      score,
      facts.ways.ways.map((way) => `${way.label}: ${way.state}: ${way.reason}`),
      facts.ways.recovery.reason,
    ]),
  };
}

describe('the ways in kept from one check to the next', () => {
  it('say the same as a check from scratch after every kind of change', async () => {
    const { vault, clock } = await createTestVault();
    const phone = vault.contacts.add({ kind: 'phone', value: '+447700900123' });
    const mail = vault.contacts.add({ kind: 'email', value: 'me@example.com' });
    const bank = vault.accounts.add({ issuer: 'Bank', seed: SEED });
    vault.backupCodes.add(bank.id, { codes: CODES });
    const sms = vault.recovery.addMethod(bank.id, { kind: 'sms', contactId: phone.id });
    const shop = vault.accounts.add({ issuer: 'Shop' });
    vault.recovery.addMethod(shop.id, { kind: 'email-code', contactId: mail.id });
    vault.recovery.addRecoveryContact(shop.id, phone.id);

    const same = (now = clock.now()) =>
      expect(said(vault, now, false)).toEqual(said(vault, now, true));
    const changes: [string, () => void | Promise<void>][] = [
      ['a code used', () => void vault.backupCodes.use(bank.id, { code: CODES[0]! })],
      [
        'more codes used',
        () => {
          for (const code of CODES.slice(1, 4)) vault.backupCodes.use(bank.id, { code });
        },
      ],
      [
        'a method marked not working',
        () => void vault.recovery.setMethodWorking(bank.id, sms.id, false),
      ],
      ['an account renamed', () => void vault.accounts.update(shop.id, { issuer: 'Shop & Co' })],
      ['a seed added', () => void vault.accounts.setSeed(shop.id, SEED)],
      ['a contact retired', () => void vault.contacts.retire(phone.id)],
      ['a backup made', async () => void (await vault.backups.create())],
      ['a contact gone stale', () => clock.set(clock.now() + 200 * DAY_MS)],
      ['a contact confirmed', () => void vault.contacts.confirm(mail.id)],
      ['the stale limit changed', () => void vault.settings.update({ staleContactDays: 30 })],
      ['the low-codes minimum changed', () => void vault.settings.update({ lowCodesMinimum: 1 })],
      ['an account removed', () => void vault.accounts.remove(bank.id)],
    ];
    same();
    for (const [, change] of changes) {
      await change();
      same();
    }
    expect(clock.now()).toBeGreaterThan(T0);
    vault.close();
  });
});
