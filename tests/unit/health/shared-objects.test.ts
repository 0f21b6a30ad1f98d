import { describe, expect, it } from 'vitest';
import { groupReport } from '../../../src/core/health/grouping.js';
import { makeSeed } from '../../../src/core/otp/seed.js';
import { createTestVault, T0 } from '../../support/temp-vault.js';
import { DAY_MS } from '../../../src/shared/durations.js';

const SEED = makeSeed({ secret: 'JBSWY3DPEHPK3PXP' });
const CODES = ['1111-2222', '3333-4444', '5555-6666', '7777-8888', '9999-0000'];

/**
 * At 10,000 accounts the check and the list are kept while the vault is open:
 * what most accounts have alike is one object for all of them, never one each,
 * and sharing it changes nothing that is said.
 */
describe('what accounts have alike, kept once', () => {
  it('ways in and recovery paths that say the same are one frozen object; different ones are not', async () => {
    const { vault } = await createTestVault();
    const ids = ['Alpha', 'Beta', 'Gamma'].map((issuer) => {
      const id = vault.accounts.add({ issuer, seed: SEED }).id;
      vault.backupCodes.add(id, { codes: CODES });
      return id;
    });
    vault.backupCodes.use(ids[2]!, { code: CODES[0]! });
    const check = vault.health.check(T0 + 200 * DAY_MS);
    const [a, b, c] = ids.map((id) => check.standings.get(id)!.facts.ways);

    const kind = (ways: typeof a, name: string) => ways!.ways.find((way) => way.kind === name)!;
    expect(kind(a, 'authenticator')).toBe(kind(b, 'authenticator'));
    expect(kind(a, 'backup-codes')).toBe(kind(b, 'backup-codes'));
    expect(a!.recovery).toBe(b!.recovery);
    expect(Object.isFrozen(kind(a, 'backup-codes'))).toBe(true);
    expect(Object.isFrozen(a!.recovery)).toBe(true);
    // One code used: its own way, saying so.
    expect(kind(c, 'backup-codes')).not.toBe(kind(a, 'backup-codes'));
    expect(kind(c, 'backup-codes').reason).toBe('4 of 5 codes are left.');
    expect(kind(a, 'backup-codes').reason).toBe('5 of 5 codes are left.');
    expect(kind(c, 'backup-codes').codes).toEqual({ remaining: 4, total: 5 });

    // Each finding still names its own account, whether shown alone or as a group's example.
    const report = check.report;
    const untested = report.findings.filter((finding) => finding.ruleId === 'habits.untested');
    expect(untested.map((finding) => finding.accountId).sort()).toEqual([...ids].sort());
    for (const finding of untested) {
      const issuer = vault.accounts.get(finding.accountId!).issuer;
      expect(finding.message).toContain(issuer);
      expect(finding.facts).toBe('-');
    }
    const grouped = groupReport(check);
    expect(grouped.groups.map((group) => group.accountIds.length)).toEqual(
      grouped.groups.map(() => 3),
    );
    vault.close();
  });

  it('the account list keeps each account once, frozen, sharing an empty tag list and the same kind of seed', async () => {
    const { vault } = await createTestVault();
    vault.accounts.add({ issuer: 'Alpha', seed: SEED });
    vault.accounts.add({ issuer: 'Beta', seed: SEED });
    vault.accounts.add({
      issuer: 'Gamma',
      tags: ['work'],
      seed: makeSeed({ secret: SEED.secret, digits: 8 }),
    });
    const [alpha, beta, gamma] = vault.accounts.list();
    expect(vault.accounts.list()[0]).toBe(alpha);
    expect(Object.isFrozen(alpha)).toBe(true);
    expect(alpha!.tags).toBe(beta!.tags);
    expect(alpha!.otp).toBe(beta!.otp);
    expect(gamma!.tags).toEqual(['work']);
    expect(gamma!.otp).not.toBe(alpha!.otp);
    expect(gamma!.otp?.digits).toBe(8);
    // A change is listed as made, the others still shared.
    vault.accounts.update(beta!.id, { tags: ['home'] });
    const [, beta2] = vault.accounts.list();
    expect(beta2!.tags).toEqual(['home']);
    expect(vault.accounts.list()[0]).toBe(alpha);
    vault.close();
  });
});
