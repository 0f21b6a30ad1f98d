import { describe, expect, it } from 'vitest';
import { parseOtpauthUri } from '../../../src/core/otp/otpauth.js';
import { makeSeed } from '../../../src/core/otp/seed.js';
import { Vault } from '../../../src/core/vault.js';
import { vaultErrorOf } from '../../support/errors.js';
import { createTestVault, FAST_KDF, PASSWORD, T0 } from '../../support/temp-vault.js';
import { MINUTE_MS } from '../../../src/shared/durations.js';

describe('accounts', () => {
  it('lists accounts sorted by issuer then account name, ignoring case', async () => {
    const { vault } = await createTestVault();
    vault.accounts.add({ issuer: 'github', accountName: 'work' });
    vault.accounts.add({ issuer: 'Amazon' });
    vault.accounts.add({ issuer: 'GitHub', accountName: 'personal' });
    expect(vault.accounts.list().map((a) => `${a.issuer}:${a.accountName}`)).toEqual([
      'Amazon:',
      'GitHub:personal',
      'github:work',
    ]);
    vault.close();
  });

  it('records created and updated times from the injected clock', async () => {
    const { vault, clock } = await createTestVault();
    const account = vault.accounts.add({ issuer: 'Dropbox' });
    expect(account.createdAt).toBe(T0);
    clock.advance(MINUTE_MS);
    const updated = vault.accounts.update(account.id, { notes: 'recovery key in the safe' });
    expect(updated).toMatchObject({
      createdAt: T0,
      updatedAt: T0 + MINUTE_MS,
      notes: 'recovery key in the safe',
    });
    vault.close();
  });

  it('refuses an account with neither issuer nor name, and a non-web URL, saving nothing', async () => {
    const { vault } = await createTestVault();
    expect(vaultErrorOf(() => vault.accounts.add({ issuer: '  ' })).code).toBe('INVALID_INPUT');
    expect(
      vaultErrorOf(() => vault.accounts.add({ issuer: 'X', url: 'javascript:alert(1)' })).message,
    ).toMatch(/not a web address/);
    expect(vault.accounts.list()).toEqual([]);
    vault.close();
  });

  it('removes an account with its seed', async () => {
    const { vault } = await createTestVault();
    const account = vault.accounts.add({
      issuer: 'Slack',
      seed: makeSeed({ secret: 'JBSWY3DPEHPK3PXP' }),
    });
    vault.accounts.remove(account.id);
    expect(vault.accounts.list()).toEqual([]);
    expect(vaultErrorOf(() => vault.accounts.revealSeed(account.id)).code).toBe('NOT_FOUND');
    expect(vaultErrorOf(() => vault.accounts.remove(account.id)).code).toBe('NOT_FOUND');
    vault.close();
  });
});

describe('resolving what a person typed to one account', () => {
  it('matches an id, an issuer, issuer:account, and a unique id prefix, case-insensitively', async () => {
    const { vault } = await createTestVault();
    const google = vault.accounts.add({ issuer: 'Google', accountName: 'me@gmail.com' });
    const work = vault.accounts.add({ issuer: 'GitHub', accountName: 'work' });
    vault.accounts.add({ issuer: 'GitHub', accountName: 'personal' });
    expect(vault.accounts.resolve('google').id).toBe(google.id);
    expect(vault.accounts.resolve('GITHUB:Work').id).toBe(work.id);
    expect(vault.accounts.resolve(work.id).id).toBe(work.id);
    expect(vault.accounts.resolve(work.id.toUpperCase()).id).toBe(work.id);
    vault.close();
  });

  it('lists the candidates when the query is ambiguous', async () => {
    const { vault } = await createTestVault();
    vault.accounts.add({ issuer: 'GitHub', accountName: 'work' });
    vault.accounts.add({ issuer: 'GitHub', accountName: 'personal' });
    const error = vaultErrorOf(() => vault.accounts.resolve('github'));
    expect(error.code).toBe('AMBIGUOUS');
    expect((error.details?.candidates as unknown[]).length).toBe(2);
    expect(vaultErrorOf(() => vault.accounts.resolve('gitlab')).code).toBe('NOT_FOUND');
    vault.close();
  });
});

describe('codes', () => {
  it('computes the code of an account added from an otpauth URI at the clock instant', async () => {
    const { vault } = await createTestVault();
    const entry = parseOtpauthUri(
      'otpauth://totp/ACME:me?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&digits=8',
    );
    const account = vault.accounts.add({
      issuer: entry.issuer,
      accountName: entry.accountName,
      seed: entry.seed,
    });
    const [view] = vault.accounts.codes([account.id], 59_000);
    expect(view).toMatchObject({
      accountId: account.id,
      current: '94287082',
      secondsRemaining: 1,
      period: 30,
    });
    vault.close();
  });

  it('advances an HOTP counter and keeps it across a reopen', async () => {
    const { vault, path } = await createTestVault();
    // RFC 4226 secret; counter 3 gives 969429, then 338314.
    const seed = makeSeed({ type: 'hotp', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', counter: 3 });
    const account = vault.accounts.add({ issuer: 'Bank', seed });
    expect(vault.accounts.codes([account.id])[0]?.current).toBeNull();
    expect(vault.accounts.nextHotpCode(account.id).current).toBe('969429');
    vault.close();
    const reopened = await Vault.unlock(path, PASSWORD, FAST_KDF);
    expect(reopened.accounts.nextHotpCode(account.id).current).toBe('338314');
    expect(reopened.accounts.revealSeed(account.id).seed.counter).toBe(5);
    reopened.close();
  });

  it('says an account without a seed has no codes', async () => {
    const { vault } = await createTestVault();
    const account = vault.accounts.add({ issuer: 'Apple' });
    expect(vaultErrorOf(() => vault.accounts.codes([account.id])).message).toMatch(
      /Apple has no authenticator seed/,
    );
    vault.close();
  });
});

describe('tags and logins', () => {
  it('keeps tags trimmed and without duplicates', async () => {
    const { vault } = await createTestVault();
    const account = vault.accounts.add({
      issuer: 'Work mail',
      tags: [' work ', 'Work', 'mail', ''],
    });
    expect(account.tags).toEqual(['work', 'mail']);
    expect(vault.accounts.update(account.id, { tags: ['personal'] }).tags).toEqual(['personal']);
    vault.close();
  });

  it('stores a username and password with an account; the password only comes out when revealed', async () => {
    const { vault, path, clock } = await createTestVault();
    const account = vault.accounts.add({ issuer: 'Mail' });
    expect(vault.logins.get(account.id)).toBeNull();
    vault.logins.set(account.id, {
      username: 'me@example.com',
      password: 'hunter2hunter2',
      urls: ['mail.example.com'],
    });
    expect(vault.logins.get(account.id)).toEqual({
      username: 'me@example.com',
      urls: ['https://mail.example.com/'],
      hasPassword: true,
      passwordChangedAt: clock.now(),
    });
    vault.close();
    const reopened = await Vault.unlock(path, PASSWORD, FAST_KDF);
    expect(reopened.logins.revealPassword(account.id)).toBe('hunter2hunter2');
    reopened.accounts.remove(account.id);
    expect(vaultErrorOf(() => reopened.logins.get(account.id)).code).toBe('NOT_FOUND');
    reopened.close();
  });
});
