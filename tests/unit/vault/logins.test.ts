import { describe, expect, it } from 'vitest';
import {
  LOGIN_KIND,
  LoginRecordSchema,
  MAX_PASSWORD_HISTORY,
} from '../../../src/core/logins/login-records.js';
import type { RecordStore } from '../../../src/core/storage/records.js';
import { Vault } from '../../../src/core/vault.js';
import { vaultErrorOf } from '../../support/errors.js';
import { findSecretsInFiles, secretForms, vaultFiles } from '../../support/secret-scan.js';
import { createTestVault, FAST_KDF, PASSWORD, T0 } from '../../support/temp-vault.js';
import { DAY_MS } from '../../../src/shared/durations.js';

describe('logins: username and password stored with the account', () => {
  it('shows whether a password is stored, its date, score and history size, never the password', async () => {
    const { vault, clock } = await createTestVault();
    const account = vault.accounts.add({ issuer: 'GitHub', accountName: 'octocat' });
    expect(vault.logins.get(account.id)).toBeNull();

    const view = vault.logins.set(account.id, { username: ' octo ', password: 'hunter2' });
    // `get` and `set` answer as they always did; `details` adds the score and history size.
    expect(view).toEqual({ username: 'octo', urls: [], hasPassword: true, passwordChangedAt: T0 });
    expect(vault.logins.get(account.id)).toEqual(view);
    expect(vault.logins.details(account.id)).toEqual({
      ...view,
      passwordScore: 1,
      historyCount: 0,
    });
    expect(JSON.stringify(vault.logins.details(account.id))).not.toContain('hunter2');
    expect(vault.logins.revealPassword(account.id)).toBe('hunter2');

    // Changing only the username keeps the password and its date.
    clock.advance(DAY_MS);
    vault.logins.set(account.id, { username: 'octocat' });
    expect(vault.logins.details(account.id)).toMatchObject({
      username: 'octocat',
      passwordChangedAt: T0,
      historyCount: 0,
    });
    vault.close();
  });

  it('keeps the previous passwords, newest first, with when each was set and replaced', async () => {
    const { vault, clock, path } = await createTestVault();
    const { id } = vault.accounts.add({ issuer: 'Bank' });
    vault.logins.set(id, { password: 'first password 1' });
    clock.advance(10 * DAY_MS);
    vault.logins.set(id, { password: 'second password 2' });
    clock.advance(5 * DAY_MS);
    // Setting the same password again is not a change.
    vault.logins.set(id, { password: 'second password 2' });
    expect(vault.logins.details(id)?.historyCount).toBe(1);
    clock.advance(DAY_MS);
    vault.logins.set(id, { password: '' });
    expect(vault.logins.details(id)).toMatchObject({
      hasPassword: false,
      passwordChangedAt: null,
      passwordScore: null,
      historyCount: 2,
    });
    expect(vaultErrorOf(() => vault.logins.revealPassword(id)).code).toBe('NOT_FOUND');
    vault.close();

    const reopened = await Vault.unlock(path, PASSWORD, FAST_KDF);
    expect(reopened.logins.revealHistory(id)).toEqual([
      { password: 'second password 2', setAt: T0 + 10 * DAY_MS, replacedAt: T0 + 16 * DAY_MS },
      { password: 'first password 1', setAt: T0, replacedAt: T0 + 10 * DAY_MS },
    ]);
    reopened.logins.clearHistory(id);
    expect(reopened.logins.revealHistory(id)).toEqual([]);
    expect(reopened.logins.details(id)?.historyCount).toBe(0);
    reopened.close();
  });

  it(`keeps at most ${MAX_PASSWORD_HISTORY} previous passwords, dropping the oldest`, async () => {
    const { vault, clock } = await createTestVault();
    const { id } = vault.accounts.add({ issuer: 'Shop' });
    for (let i = 0; i <= MAX_PASSWORD_HISTORY + 3; i++) {
      vault.logins.set(id, { password: `password number ${i}` });
      clock.advance(1000);
    }
    const history = vault.logins.revealHistory(id);
    expect(history).toHaveLength(MAX_PASSWORD_HISTORY);
    expect(history[0]?.password).toBe(`password number ${MAX_PASSWORD_HISTORY + 2}`);
    expect(history.at(-1)?.password).toBe('password number 3');
    vault.close();
  });

  it('removes the login and its history with the account, and refuses unknown accounts', async () => {
    const { vault } = await createTestVault();
    const { id } = vault.accounts.add({ issuer: 'Gone' });
    vault.logins.set(id, { password: 'old one here' });
    vault.logins.set(id, { password: 'new one here' });
    vault.accounts.remove(id);
    expect(vaultErrorOf(() => vault.logins.get(id)).code).toBe('NOT_FOUND');
    expect(vaultErrorOf(() => vault.logins.revealHistory(id)).code).toBe('NOT_FOUND');
    expect(vaultErrorOf(() => vault.logins.set(id, { password: 'x' })).code).toBe('NOT_FOUND');
    expect(vault.logins.passwordFacts()).toEqual([]);
    vault.close();
  });

  it('refuses an over-long password and changes nothing', async () => {
    const { vault } = await createTestVault();
    const { id } = vault.accounts.add({ issuer: 'Long' });
    vault.logins.set(id, { password: 'keep me please' });
    const error = vaultErrorOf(() => vault.logins.set(id, { password: 'x'.repeat(4097) }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).not.toContain('xxxx');
    expect(vault.logins.revealPassword(id)).toBe('keep me please');
    expect(vault.logins.details(id)?.historyCount).toBe(0);
    vault.close();
  });
});

describe('password facts for the health rules', () => {
  it('find the accounts sharing a password, compared in memory, never returning it', async () => {
    const { vault } = await createTestVault();
    const a = vault.accounts.add({ issuer: 'Alpha' });
    const b = vault.accounts.add({ issuer: 'Beta' });
    const c = vault.accounts.add({ issuer: 'Gamma' });
    const d = vault.accounts.add({ issuer: 'Delta' });
    const e = vault.accounts.add({ issuer: 'Epsilon' });
    vault.logins.set(a.id, { password: 'shared-Secret-1' });
    vault.logins.set(b.id, { password: 'shared-Secret-1' });
    vault.logins.set(c.id, { password: 'Shared-Secret-1' }); // differs in case: not the same
    // The same text in two Unicode forms (é as one code point, and as e + accent) is the same password.
    vault.logins.set(d.id, { password: 'caf\u00e9-au-lait-42' });
    vault.logins.set(e.id, { password: 'cafe\u0301-au-lait-42' });
    const noPassword = vault.accounts.add({ issuer: 'Zeta' });
    vault.logins.set(noPassword.id, { username: 'only-a-name' });

    const facts = vault.logins.passwordFacts();
    const sameAs = Object.fromEntries(facts.map((fact) => [fact.accountId, fact.sameAs]));
    expect(sameAs).toEqual({
      [a.id]: [b.id],
      [b.id]: [a.id],
      [c.id]: [],
      [d.id]: [e.id],
      [e.id]: [d.id],
    });
    // Ids are random hex (and may contain "caf"): look at everything but them.
    const withoutIds = facts.map(({ accountId: _id, sameAs: _same, ...rest }) => rest);
    expect(JSON.stringify(withoutIds)).not.toMatch(/shared|caf/i);
    // Changing one of them breaks the pair.
    vault.logins.set(b.id, { password: 'a new one for beta' });
    expect(vault.logins.passwordFacts().find((fact) => fact.accountId === a.id)?.sameAs).toEqual(
      [],
    );
    vault.close();
  });
});

describe('a stored score from an older record', () => {
  it('is estimated afresh from the password and the account (reading the account only then)', async () => {
    const { vault } = await createTestVault();
    const weak = vault.accounts.add({ issuer: 'Zqxwvorbank', accountName: 'plimfrodo' });
    const strong = vault.accounts.add({ issuer: 'Other' });
    // Weak only for knowing the account: it is the issuer and the account name.
    vault.logins.set(weak.id, { password: 'zqxwvorbankplimfrodo' });
    vault.logins.set(strong.id, { password: 'Correct-Horse-Battery-Staple-9421' });
    const stored = vault.logins.passwordFacts();

    // Records written before scores were stored have none (the schema's default).
    const records = (
      vault as unknown as { context: { records: () => RecordStore } }
    ).context.records();
    vault.transaction(() => {
      for (const { id, value } of records.list(LOGIN_KIND, LoginRecordSchema)) {
        records.put(LOGIN_KIND, id, id, { ...value, strength: null });
      }
    });
    const estimated = vault.logins.passwordFacts();
    expect(estimated).toEqual(stored);
    expect(estimated.find((fact) => fact.accountId === weak.id)?.score).toBeLessThanOrEqual(1);
    expect(estimated.find((fact) => fact.accountId === strong.id)?.score).toBeGreaterThanOrEqual(3);
    vault.close();
  });
});

describe('no plaintext password on disk', () => {
  it('the vault file and its WAL hold neither the password, nor the previous ones, nor the username', async () => {
    const { vault, path } = await createTestVault();
    const { id } = vault.accounts.add({ issuer: 'Plain' });
    vault.logins.set(id, { username: 'qpzmwoxn-user', password: 'Ux7#first-Zqv93' });
    vault.logins.set(id, { password: 'Ux7#second-Kwr41' });
    const secrets = [
      { label: 'current password', forms: secretForms('Ux7#second-Kwr41') },
      { label: 'previous password', forms: secretForms('Ux7#first-Zqv93') },
      { label: 'username', forms: secretForms('qpzmwoxn') },
    ];
    expect(findSecretsInFiles(vaultFiles(path), secrets)).toEqual([]);
    vault.close();
    expect(findSecretsInFiles(vaultFiles(path), secrets)).toEqual([]);
  });
});
