import { describe, expect, it } from 'vitest';
import { filterAccounts } from '../../../src/renderer/src/accounts/account-filter.js';
import {
  EMPTY_SEED,
  seedDraftProblems,
  seedInputOf,
} from '../../../src/renderer/src/accounts/seed-input.js';
import type { AccountSummary } from '../../../src/shared/domain.js';
import type { Severity } from '../../../src/shared/health.js';

function account(
  id: string,
  issuer: string,
  accountName = '',
  extra: Partial<AccountSummary> = {},
) {
  return {
    id,
    issuer,
    accountName,
    url: '',
    notes: 'secret recovery notes',
    tags: [],
    createdAt: 0,
    updatedAt: 0,
    otp: null,
    ...extra,
  } satisfies AccountSummary;
}

const accounts = [
  account('a1', 'GitHub', 'octocat', { tags: ['work'] }),
  account('a2', 'GitLab', 'alice'),
  account('a3', 'Google', 'alice@gmail.com', { url: 'https://accounts.google.com' }),
  account('a4', '', 'bob@example.com'),
];
const none = new Map<string, Severity>();

describe('the account list filter', () => {
  it('shows everything, in order, for an empty query', () => {
    expect(filterAccounts(accounts, { query: '  ', onlyWithWarnings: false, worst: none })).toEqual(
      accounts,
    );
  });

  it('needs every word, in any order, anywhere in issuer, name, URL or tags; case-insensitive', () => {
    const ids = (query: string) =>
      filterAccounts(accounts, { query, onlyWithWarnings: false, worst: none }).map((a) => a.id);
    expect(ids('git')).toEqual(['a1', 'a2']);
    expect(ids('ALICE git')).toEqual(['a2']);
    expect(ids('work')).toEqual(['a1']);
    expect(ids('accounts.google')).toEqual(['a3']);
    expect(ids('bob')).toEqual(['a4']);
    expect(ids('github gitlab')).toEqual([]);
  });

  it('never searches notes (they may hold recovery secrets shown only on the detail)', () => {
    expect(
      filterAccounts(accounts, { query: 'recovery', onlyWithWarnings: false, worst: none }),
    ).toEqual([]);
  });

  it('keeps only accounts with a finding when asked (the health view’s filter)', () => {
    const worst = new Map<string, Severity>([
      ['a2', 'critical'],
      ['a3', 'info'],
    ]);
    const ids = filterAccounts(accounts, { query: '', onlyWithWarnings: true, worst }).map(
      (a) => a.id,
    );
    expect(ids).toEqual(['a2', 'a3']);
    expect(
      filterAccounts(accounts, { query: 'google', onlyWithWarnings: true, worst }).map((a) => a.id),
    ).toEqual(['a3']);
  });
});

describe('the seed fields as the contract takes them', () => {
  it('passes an otpauth link as it is, and a typed key with its parameters', () => {
    expect(seedInputOf({ ...EMPTY_SEED, text: ' otpauth://totp/X?secret=AB ' })).toEqual({
      otpauth: 'otpauth://totp/X?secret=AB',
    });
    expect(seedInputOf({ ...EMPTY_SEED, text: 'JBSW Y3DP', digits: 8 })).toEqual({
      secret: 'JBSW Y3DP',
      type: 'totp',
      algorithm: 'SHA1',
      digits: 8,
      period: 30,
    });
    expect(seedInputOf({ ...EMPTY_SEED, text: 'JBSW', type: 'hotp', counter: '5' })).toMatchObject({
      type: 'hotp',
      counter: 5,
    });
    expect(seedInputOf({ ...EMPTY_SEED, text: 'JBSW', type: 'steam', digits: 8 })).toEqual({
      secret: 'JBSW',
      type: 'steam',
    });
    expect(seedInputOf({ ...EMPTY_SEED, text: '   ' })).toBeUndefined();
  });

  it('checks typed parameters before they are sent: a period or counter that is not a whole number', () => {
    const typed = { ...EMPTY_SEED, text: 'JBSW Y3DP' };
    expect(seedDraftProblems(typed)).toEqual({});
    expect(seedDraftProblems({ ...typed, period: '' })).toHaveProperty('seed.period');
    expect(seedDraftProblems({ ...typed, period: '0' })).toHaveProperty('seed.period');
    expect(seedDraftProblems({ ...typed, period: '301' })).toHaveProperty('seed.period');
    expect(seedDraftProblems({ ...typed, period: '2.5' })).toHaveProperty('seed.period');
    expect(seedDraftProblems({ ...typed, type: 'hotp', counter: '-1' })).toHaveProperty(
      'seed.counter',
    );
    // A link carries its own parameters; a Steam key has none to type.
    expect(seedDraftProblems({ ...typed, text: 'otpauth://totp/X?secret=AB', period: '' })).toEqual(
      {},
    );
    expect(seedDraftProblems({ ...typed, type: 'steam', period: '' })).toEqual({});
  });
});
