import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../src/shared/durations.js';
import { makeSeed } from '../../../src/core/otp/seed.js';
import { Vault } from '../../../src/core/vault.js';
import { DISMISSAL_KIND } from '../../../src/core/health/dismissals.js';
import { findSecretsInFiles, secretForms, vaultFiles } from '../../support/secret-scan.js';
import { createTestVault, FAST_KDF, PASSWORD, T0 } from '../../support/temp-vault.js';

const SEED = makeSeed({ secret: 'JBSWY3DPEHPK3PXP' });
const CODES = ['1111-2222', '3333-4444', '5555-6666', '7777-8888', '9999-0000'];

/** Two accounts with a seed and codes, no recovery contact: a `contacts.none` each. */
async function vaultWithFindings() {
  const made = await createTestVault();
  const { vault } = made;
  const shop = vault.accounts.add({ issuer: 'Shop', seed: SEED });
  vault.backupCodes.add(shop.id, { codes: CODES });
  const forum = vault.accounts.add({ issuer: 'Forum', seed: SEED });
  vault.backupCodes.add(forum.id, { codes: CODES });
  return { ...made, shop, forum };
}

const open = (vault: Vault, at = T0) => vault.health.check(at).report;

describe('dismissing a finding', () => {
  it('"doesn\'t apply" sets it aside until its facts change; it is no longer counted', async () => {
    const { vault, shop } = await vaultWithFindings();
    const key = `contacts.none|${shop.id}|`;
    const before = open(vault);
    expect(before.findings.some((finding) => finding.key === key)).toBe(true);

    const dismissal = vault.health.dismiss(vault.health.check(T0), key, {
      mode: 'not-applicable',
      reason: 'The shop offers no recovery contact',
    });
    expect(dismissal).toMatchObject({ key, mode: 'not-applicable', until: null, at: T0 });
    const after = open(vault);
    expect(after.findings.some((finding) => finding.key === key)).toBe(false);
    expect(after.summary.info).toBe(before.summary.info - 1);
    expect(after.dismissed).toEqual([
      {
        finding: expect.objectContaining({ key, ruleId: 'contacts.none' }),
        dismissal: expect.objectContaining({ reason: 'The shop offers no recovery contact' }),
      },
    ]);

    // Years later, the facts unchanged: still dismissed.
    expect(open(vault, T0 + 1000 * DAY_MS).dismissed).toHaveLength(1);
    vault.close();
  });

  it('comes back when the facts under it change, saying so', async () => {
    const { vault, shop } = await vaultWithFindings();
    // Codes low, accepted: then one more code is used.
    for (const code of CODES.slice(0, 2)) vault.backupCodes.use(shop.id, { code });
    const key = `codes.low|${shop.id}|`;
    vault.health.dismiss(vault.health.check(T0), key, { mode: 'not-applicable' });
    expect(open(vault).findings.find((finding) => finding.key === key)).toBeUndefined();
    vault.backupCodes.use(shop.id, { code: CODES[2]! });
    const back = open(vault).findings.find((finding) => finding.key === key);
    expect(back?.returned).toEqual({ dismissedAt: T0, because: 'facts-changed' });
    vault.close();
  });

  it('"accepted until" a date comes back when the date passes', async () => {
    const { vault, forum } = await vaultWithFindings();
    const key = `contacts.none|${forum.id}|`;
    vault.health.dismiss(vault.health.check(T0), key, {
      mode: 'accepted',
      until: T0 + 30 * DAY_MS,
    });
    expect(open(vault, T0 + 30 * DAY_MS - 1).findings.some((f) => f.key === key)).toBe(false);
    const back = open(vault, T0 + 30 * DAY_MS).findings.find((f) => f.key === key);
    expect(back?.returned?.because).toBe('date-passed');
    vault.close();
  });

  it('refuses what makes no sense, in words, and writes nothing', async () => {
    const { vault, shop } = await vaultWithFindings();
    const check = vault.health.check(T0);
    const key = `contacts.none|${shop.id}|`;
    expect(() => vault.health.dismiss(check, key, { mode: 'accepted' })).toThrow(
      'Say until when you accept it.',
    );
    expect(() => vault.health.dismiss(check, key, { mode: 'accepted', until: T0 - 1 })).toThrow(
      'The date (3 May 2026) has passed: pick a later one.',
    );
    expect(() =>
      vault.health.dismiss(check, key, { mode: 'accepted', until: T0 + 6 * 366 * DAY_MS }),
    ).toThrow(/at most five years/);
    expect(() =>
      vault.health.dismiss(check, key, { mode: 'not-applicable', reason: 'x'.repeat(501) }),
    ).toThrow('The reason is too long (501 characters; at most 500).');
    expect(() =>
      vault.health.dismiss(check, 'codes.low|0000000000000000|', { mode: 'not-applicable' }),
    ).toThrow(/no longer finds that/);
    expect(vault.health.dismissals.list()).toEqual([]);
    vault.close();
  });

  it('is stored encrypted, survives reopening, and is undone by undismiss', async () => {
    const { vault, path, shop } = await vaultWithFindings();
    const key = `contacts.none|${shop.id}|`;
    const reason = 'Support told me on the phone there is none';
    vault.health.dismiss(vault.health.check(T0), key, { mode: 'not-applicable', reason });
    // Dismissing again replaces the first dismissal.
    vault.health.dismiss(vault.health.check(T0), key, { mode: 'not-applicable', reason });
    vault.close();
    expect(
      findSecretsInFiles(vaultFiles(path), [{ label: 'reason', forms: secretForms(reason) }]),
    ).toEqual([]);

    const reopened = await Vault.unlock(path, PASSWORD, FAST_KDF);
    expect(reopened.health.dismissals.list().map((entry) => [entry.key, entry.reason])).toEqual([
      [key, reason],
    ]);
    reopened.health.undismiss(key);
    expect(reopened.health.dismissals.list()).toEqual([]);
    expect(() => reopened.health.undismiss(key)).toThrow('That finding is not dismissed.');
    expect(open(reopened).findings.some((finding) => finding.key === key)).toBe(true);
    reopened.close();
  });

  it('drops the dismissals of removed accounts at the next dismissal', async () => {
    const { vault, shop, forum } = await vaultWithFindings();
    vault.health.dismiss(vault.health.check(T0), `contacts.none|${shop.id}|`, {
      mode: 'not-applicable',
    });
    vault.accounts.remove(shop.id);
    vault.health.dismiss(vault.health.check(T0), `contacts.none|${forum.id}|`, {
      mode: 'not-applicable',
    });
    expect(vault.health.dismissals.list().map((entry) => entry.key)).toEqual([
      `contacts.none|${forum.id}|`,
    ]);
    vault.close();
  });

  it("a dismissal record written behind Sparekey's back with a changed body does not open", async () => {
    const { vault, path, shop } = await vaultWithFindings();
    vault.health.dismiss(vault.health.check(T0), `contacts.none|${shop.id}|`, {
      mode: 'not-applicable',
    });
    vault.close();
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(path);
    db.prepare(
      "UPDATE records SET body = substr(body, 1, length(body) - 1) || x'00' WHERE kind = ?",
    ).run(DISMISSAL_KIND);
    db.close();
    // Refused at unlock or at the check, never read as another dismissal.
    await expect(async () => {
      const reopened = await Vault.unlock(path, PASSWORD, FAST_KDF);
      try {
        reopened.health.check(T0);
      } finally {
        reopened.close();
      }
    }).rejects.toThrow(/health-dismissal|changed outside|damaged/);
  });
});
