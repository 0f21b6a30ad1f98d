import { unlockedApiHost } from '../../support/api-host.js';
import { describe, expect, it } from 'vitest';
import { T0 } from '../../support/temp-vault.js';
import { MINUTE_MS } from '../../../src/shared/durations.js';

const host = unlockedApiHost;

describe('login methods through the contract', () => {
  it('set, get, reveal and history: the password crosses only on an explicit reveal', async () => {
    const { session, clock, value } = await host();
    const { id } = await value<{ id: string }>('addAccount', { issuer: 'GitHub' });
    expect(await value('getLogin', { id })).toBeNull();
    const view = await value('setLogin', {
      id,
      username: 'octocat',
      password: 'first secret value',
      urls: ['github.com/login'],
    });
    expect(view).toEqual({
      username: 'octocat',
      urls: ['https://github.com/login'],
      hasPassword: true,
      passwordChangedAt: T0,
      passwordScore: expect.any(Number),
      historyCount: 0,
    });
    expect(JSON.stringify(await value('getLogin', { id }))).not.toContain('first secret');
    clock.advance(MINUTE_MS);
    await value('setLogin', { id, password: 'second secret value' });
    expect(await value('revealPassword', { id })).toEqual({ password: 'second secret value' });
    expect(await value('revealPasswordHistory', { id })).toEqual([
      { password: 'first secret value', setAt: T0, replacedAt: T0 + MINUTE_MS },
    ]);
    expect(await value('clearPasswordHistory', { id })).toMatchObject({ historyCount: 0 });
    expect(await value('revealPasswordHistory', { id })).toEqual([]);
    session.close();
  });

  it('generates random passwords and passphrases with entropy and strength', async () => {
    const { session, value, call } = await host();
    const random = await value<{ password: string; entropyBits: number; strength: unknown }>(
      'generatePassword',
      { kind: 'random', length: 12, symbols: false, excludeAmbiguous: true },
    );
    expect(random.password).toMatch(/^[a-zA-Z0-9]{12}$/);
    expect(random.entropyBits).toBeGreaterThan(60);
    expect(random.strength).toMatchObject({
      score: expect.any(Number),
      guessTimes: expect.any(Array),
    });
    const phrase = await value<{ password: string; kind: string }>('generatePassword', {
      kind: 'passphrase',
      words: 4,
      separator: '.',
    });
    expect(phrase.kind).toBe('passphrase');
    expect(phrase.password.split('.')).toHaveLength(4);
    const refused = await call('generatePassword', { kind: 'random', length: 1000 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    session.close();
  });

  it("estimates strength, counting the account's names as guessable", async () => {
    const { session, value } = await host();
    const { id } = await value<{ id: string }>('addAccount', {
      issuer: 'GitHub',
      accountName: 'octocat',
    });
    const alone = await value<{ score: number; explanation: string }>('estimatePasswordStrength', {
      password: 'Octocat!2024',
    });
    const forAccount = await value<{ score: number }>('estimatePasswordStrength', {
      password: 'Octocat!2024',
      accountId: id,
    });
    expect(alone.score).toBe(3);
    expect(forAccount.score).toBe(2);
    expect(alone.explanation).toMatch(/^Guessing it would take /);
    session.close();
  });

  it('never echoes a password in an error or a log line, and needs an unlocked vault', async () => {
    const { session, call, warnings } = await host();
    const secret = 'this-secret-is-too-long-'.repeat(200);
    const { value: account } = (await call<{ id: string }>('addAccount', {
      issuer: 'Site',
    })) as { value: { id: string } };
    const refused = await call('setLogin', { id: account.id, password: secret });
    expect(refused.ok).toBe(false);
    expect(JSON.stringify(refused)).not.toContain('this-secret');
    const strength = await call('estimatePasswordStrength', { password: secret });
    expect(JSON.stringify(strength)).not.toContain('this-secret');
    expect(warnings.join('\n')).not.toContain('this-secret');
    session.lock();
    expect(await call('revealPassword', { id: account.id })).toMatchObject({
      ok: false,
      error: { code: 'LOCKED' },
    });
    expect(await call('generatePassword', { kind: 'random' })).toMatchObject({
      ok: false,
      error: { code: 'LOCKED' },
    });
    session.close();
  });
});
