import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CodeSetView } from '../../../src/shared/backup-codes.js';
import { Vault } from '../../../src/core/vault.js';
import { createTestVault, FAST_KDF, PASSWORD, T0 } from '../../support/temp-vault.js';
import { vaultErrorOf } from '../../support/errors.js';
import { describeCodeEvent } from '../../../src/shared/backup-code-events.js';
import { DAY_MS, MINUTE_MS } from '../../../src/shared/durations.js';

const GOOGLE_BLOCK = readFileSync(
  join('tests/fixtures/code-blocks', 'google-download.txt'),
  'utf8',
);
const TEN = [
  '1111 2222',
  '3333 4444',
  '5555 6666',
  '7777 8888',
  '9999 0000',
  '1212 3434',
  '5656 7878',
  '9090 1010',
  '2323 4545',
  '6767 8989',
];

async function vaultWithAccount() {
  const { vault, path, clock } = await createTestVault();
  const account = vault.accounts.add({ issuer: 'Google', accountName: 'jane' });
  return { vault, path, clock, accountId: account.id };
}

describe('adding a set of codes', () => {
  it('finds the codes in a pasted block and stores them with the issue date, label and state', async () => {
    const { vault, accountId } = await vaultWithAccount();
    const issuedAt = T0 - 10 * DAY_MS;
    const { set, status, replacedSetIds } = vault.backupCodes.add(accountId, {
      text: GOOGLE_BLOCK,
      issuedAt,
      label: 'printed, in the desk',
    });
    expect(replacedSetIds).toEqual([]);
    expect(set).toMatchObject({
      accountId,
      label: 'printed, in the desk',
      state: 'current',
      issuedAt,
      addedAt: T0,
      replacedAt: null,
      total: 10,
      used: 0,
      remaining: 10,
    });
    expect(set.codes[0]).toEqual({ number: 1, length: 8, usedAt: null, note: '' });
    expect(status).toMatchObject({ total: 10, remaining: 10, level: 'ok', issuedAt });
    // Listing never carries code text; a reveal does, exactly as issued.
    expect(JSON.stringify(vault.backupCodes.sets(accountId))).not.toMatch(/6432 ?9632/);
    const revealed = vault.backupCodes.reveal(accountId, set.id);
    expect(revealed.codes.map((code) => code.code).slice(0, 2)).toEqual(['6432 9632', '0954 0266']);
    vault.close();
  });

  it('defaults the issue date to today, and refuses one in the future', async () => {
    const { vault, accountId } = await vaultWithAccount();
    const error = vaultErrorOf(() =>
      vault.backupCodes.add(accountId, { codes: TEN, issuedAt: T0 + 3 * DAY_MS }),
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain('in the future');
    expect(vault.backupCodes.add(accountId, { codes: TEN }).set.issuedAt).toBe(T0);
    vault.close();
  });

  it('refuses a doubtful block unless the person accepted it, and names the doubts', async () => {
    const { vault, accountId } = await vaultWithAccount();
    const block = readFileSync('tests/fixtures/code-blocks/handwritten-note.txt', 'utf8');
    const error = vaultErrorOf(() => vault.backupCodes.add(accountId, { text: block }));
    expect(error.code).toBe('REFUSED');
    expect(error.details).toMatchObject({ reason: 'unsure' });
    expect(error.message).toContain('"0800 123 4567" looks like a phone number');
    expect(vault.backupCodes.sets(accountId)).toEqual([]);
    const { set } = vault.backupCodes.add(accountId, { text: block, acceptDoubts: true });
    expect(set.total).toBe(4);
    vault.close();
  });

  it('refuses bad codes, repeated codes and empty text, naming the problem', async () => {
    const { vault, accountId } = await vaultWithAccount();
    expect(
      vaultErrorOf(() => vault.backupCodes.add(accountId, { codes: ['1234 5678', '1234-5678'] }))
        .message,
    ).toBe('Codes 1 and 2 are the same (1234-5678).');
    expect(
      vaultErrorOf(() => vault.backupCodes.add(accountId, { codes: ['12.34.56.78'] })).message,
    ).toContain('Code 1 contains "."');
    expect(
      vaultErrorOf(() => vault.backupCodes.add(accountId, { text: 'Get new codes' })).message,
    ).toBe('No backup codes were found in the text.');
    expect(vaultErrorOf(() => vault.backupCodes.add('0123456789abcdef', { codes: TEN })).code).toBe(
      'NOT_FOUND',
    );
    vault.close();
  });

  it('asks whether the site replaced the current codes; replacing retires them, keeping leaves both', async () => {
    const { vault, clock, accountId } = await vaultWithAccount();
    const first = vault.backupCodes.add(accountId, { codes: TEN }).set;
    vault.backupCodes.use(accountId, { code: '1111 2222' });

    const asked = vaultErrorOf(() => vault.backupCodes.add(accountId, { text: GOOGLE_BLOCK }));
    expect(asked.code).toBe('REFUSED');
    expect(asked.details).toEqual({ reason: 'has-current-codes', currentSetIds: [first.id] });
    expect(asked.message).toContain('already has 10 backup codes (9 unused)');

    clock.advance(DAY_MS);
    const second = vault.backupCodes.add(accountId, { text: GOOGLE_BLOCK, replace: true });
    expect(second.replacedSetIds).toEqual([first.id]);
    expect(second.status).toMatchObject({
      currentSetId: second.set.id,
      currentSetIds: [second.set.id],
      total: 10,
      remaining: 10,
    });
    const old = vault.backupCodes.sets(accountId).find((set) => set.id === first.id) as CodeSetView;
    expect(old).toMatchObject({ state: 'replaced', replacedAt: T0 + DAY_MS, used: 1 });

    const third = vault.backupCodes.add(accountId, {
      codes: ['abcd-1234-efgh', 'ijkl-5678-mnop'],
      replace: false,
      label: 'app passwords',
    });
    expect(third.status).toMatchObject({ total: 12, remaining: 12 });
    expect(third.status.currentSetIds).toHaveLength(2);
    vault.close();
  });

  it('refuses to store the same codes again, or an old replaced list', async () => {
    const { vault, accountId } = await vaultWithAccount();
    vault.backupCodes.add(accountId, { codes: TEN });
    const again = vaultErrorOf(() =>
      vault.backupCodes.add(accountId, { codes: TEN, replace: true }),
    );
    expect(again.message).toBe('These are already stored (added 3 May 2026); nothing was saved.');
    vault.backupCodes.add(accountId, { text: GOOGLE_BLOCK, replace: true });
    const old = vaultErrorOf(() => vault.backupCodes.add(accountId, { codes: TEN, replace: true }));
    expect(old.details).toMatchObject({ reason: 'replaced-codes', repeated: 10 });
    expect(old.message).toContain('from a set that was replaced; they no longer work');
    expect(vault.backupCodes.status(accountId).total).toBe(10);
    vault.close();
  });

  it('previews a block against what the account holds, without writing', async () => {
    const { vault, accountId } = await vaultWithAccount();
    vault.backupCodes.add(accountId, { text: GOOGLE_BLOCK });
    const preview = vault.backupCodes.preview(GOOGLE_BLOCK, accountId);
    expect(preview.existing).toEqual({
      currentSets: 1,
      total: 10,
      remaining: 10,
      inCurrentSet: 10,
      inReplacedSet: 0,
    });
    expect(vault.backupCodes.preview('1111-2222\n3333-4444').existing).toBeNull();
    expect(vault.history.list(accountId).map((event) => event.type)).toEqual(['codes.add']);
    vault.close();
  });
});

describe('using a code', () => {
  it('marks a typed code used, with the time and a note, ignoring case, spaces and dashes', async () => {
    const { vault, clock, accountId } = await vaultWithAccount();
    const { set } = vault.backupCodes.add(accountId, { codes: ['abcd-EFGH-1234', ...TEN] });
    clock.advance(5 * MINUTE_MS);
    const result = vault.backupCodes.use(
      accountId,
      { code: ' ABCDefgh 1234 ' },
      'signed in on the new laptop',
    );
    expect(result).toMatchObject({
      setId: set.id,
      number: 1,
      code: 'abcd-EFGH-1234',
      usedAt: T0 + 5 * MINUTE_MS,
      note: 'signed in on the new laptop',
      status: { total: 11, used: 1, remaining: 10, changedAt: T0 + 5 * MINUTE_MS },
    });
    expect(vault.backupCodes.sets(accountId)[0]?.codes[0]).toEqual({
      number: 1,
      length: 12,
      usedAt: T0 + 5 * MINUTE_MS,
      note: 'signed in on the new laptop',
    });
    vault.close();
  });

  it('refuses a code already used, saying when and with its note, and changes nothing', async () => {
    const { vault, clock, accountId } = await vaultWithAccount();
    const { set } = vault.backupCodes.add(accountId, { codes: TEN });
    vault.backupCodes.use(accountId, { code: '55556666' }, 'signed in on the new laptop');
    clock.advance(DAY_MS);
    const error = vaultErrorOf(() =>
      vault.backupCodes.use(accountId, { code: '5555-6666' }, 'again'),
    );
    expect(error.code).toBe('REFUSED');
    expect(error.message).toBe(
      '5555 6666 was already used on 3 May 2026: signed in on the new laptop. Each backup code works only once.',
    );
    expect(error.details).toEqual({
      reason: 'already-used',
      setId: set.id,
      number: 3,
      usedAt: T0,
      note: 'signed in on the new laptop',
    });
    const picked = vaultErrorOf(() =>
      vault.backupCodes.use(accountId, { setId: set.id, number: 3 }),
    );
    expect(picked.details).toMatchObject({ reason: 'already-used', usedAt: T0 });
    expect(vault.backupCodes.status(accountId)).toMatchObject({ used: 1, changedAt: T0 });
    expect(
      vault.history.list(accountId).filter((event) => event.type === 'codes.use'),
    ).toHaveLength(1);
    vault.close();
  });

  it('offers the code one or two edits away from a typo (a swap counts as one), and says when it was used', async () => {
    const { vault, accountId } = await vaultWithAccount();
    const { set } = vault.backupCodes.add(accountId, { codes: TEN });
    const swapped = vaultErrorOf(() => vault.backupCodes.use(accountId, { code: '7777 8898' }));
    expect(swapped.message).toBe(
      "7777 8898 is not one of this account's current backup codes. Did you mean 7777 8888?",
    );
    expect(swapped.details).toEqual({
      reason: 'no-match',
      suggestions: [{ setId: set.id, number: 4, distance: 1, usedAt: null }],
    });
    // 1212 3434 with two swaps → 2112 3443: two edits.
    const twoEdits = vaultErrorOf(() => vault.backupCodes.use(accountId, { code: '2112 3443' }));
    expect(twoEdits.message).toContain('Did you mean 1212 3434?');
    expect(
      vaultErrorOf(() => vault.backupCodes.use(accountId, { code: '2121 4343' })).message,
    ).toBe("2121 4343 is not one of this account's current backup codes.");
    vault.backupCodes.use(accountId, { code: '77778888' }, 'bank login');
    expect(
      vaultErrorOf(() => vault.backupCodes.use(accountId, { code: '7777 8898' })).message,
    ).toBe(
      "7777 8898 is not one of this account's current backup codes. The closest, 7777 8888, was already used on 3 May 2026.",
    );
    expect(vault.backupCodes.status(accountId).used).toBe(1);
    vault.close();
  });

  it('refuses a code from a replaced set: it no longer works', async () => {
    const { vault, clock, accountId } = await vaultWithAccount();
    const old = vault.backupCodes.add(accountId, { codes: TEN, label: 'old sheet' }).set;
    clock.advance(DAY_MS);
    vault.backupCodes.add(accountId, { text: GOOGLE_BLOCK, replace: true });
    const typed = vaultErrorOf(() => vault.backupCodes.use(accountId, { code: '3333 4444' }));
    expect(typed.message).toBe(
      '3333 4444 is from the set "old sheet" replaced on 4 May 2026; it no longer works. Use a code from the current set.',
    );
    expect(typed.details).toEqual({
      reason: 'replaced',
      setId: old.id,
      number: 2,
      replacedAt: T0 + DAY_MS,
    });
    expect(
      vaultErrorOf(() => vault.backupCodes.use(accountId, { setId: old.id, number: 2 })).details,
    ).toMatchObject({ reason: 'replaced' });
    expect(vault.backupCodes.status(accountId).used).toBe(0);
    vault.close();
  });

  it('marks a picked code used, and refuses a number or set that does not exist', async () => {
    const { vault, accountId } = await vaultWithAccount();
    const { set } = vault.backupCodes.add(accountId, { codes: TEN });
    expect(vault.backupCodes.use(accountId, { setId: set.id, number: 10 }).code).toBe('6767 8989');
    expect(
      vaultErrorOf(() => vault.backupCodes.use(accountId, { setId: set.id, number: 11 })).message,
    ).toBe('The set has 10 codes; there is no code 11.');
    expect(
      vaultErrorOf(() => vault.backupCodes.use(accountId, { setId: '0123456789abcdef', number: 1 }))
        .code,
    ).toBe('NOT_FOUND');
    expect(vaultErrorOf(() => vault.backupCodes.use(accountId, { code: '--' })).code).toBe(
      'INVALID_INPUT',
    );
    vault.close();
  });

  it('undoes the last mark, then the one before, then has nothing to undo', async () => {
    const { vault, clock, accountId } = await vaultWithAccount();
    const { set } = vault.backupCodes.add(accountId, { codes: TEN });
    vault.backupCodes.use(accountId, { code: '1111 2222' }, 'first');
    clock.advance(MINUTE_MS);
    vault.backupCodes.use(accountId, { code: '3333 4444' }, 'mistaken click');
    clock.advance(MINUTE_MS);
    const undone = vault.backupCodes.undo(accountId);
    expect(undone).toMatchObject({
      setId: set.id,
      number: 2,
      code: '3333 4444',
      usedAt: T0 + MINUTE_MS,
      note: 'mistaken click',
      status: { used: 1, remaining: 9, changedAt: T0 + 2 * MINUTE_MS },
    });
    expect(vault.backupCodes.sets(accountId)[0]?.codes[1]).toMatchObject({
      usedAt: null,
      note: '',
    });
    // The code can be used again after the undo.
    expect(vault.backupCodes.use(accountId, { code: '33334444' }).number).toBe(2);
    expect(vault.backupCodes.undo(accountId).number).toBe(2);
    expect(vault.backupCodes.undo(accountId).number).toBe(1);
    const nothing = vaultErrorOf(() => vault.backupCodes.undo(accountId));
    expect(nothing).toMatchObject({ code: 'REFUSED', details: { reason: 'nothing-to-undo' } });
    vault.close();
  });
});

describe('counts and the low-codes threshold', () => {
  it('is low at 3 of 10 left, not at 4; all used is exhausted', async () => {
    const { vault, accountId } = await vaultWithAccount();
    vault.backupCodes.add(accountId, { codes: TEN });
    const levels: string[] = [];
    for (const code of TEN) {
      levels.push(vault.backupCodes.use(accountId, { code }).status.level);
    }
    // remaining after each use: 9 8 7 6 5 4 3 2 1 0
    expect(levels).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'low', 'low', 'low', 'exhausted']);
    expect(vault.backupCodes.status(accountId)).toMatchObject({
      total: 10,
      used: 10,
      remaining: 0,
      threshold: 3,
      level: 'exhausted',
    });
    vault.close();
  });

  it('takes a quarter of a large set (rounded up), and follows the vault settings', async () => {
    const { vault, accountId } = await vaultWithAccount();
    const sixteen = Array.from({ length: 16 }, (_, i) => `code-${String(i).padStart(4, '0')}`);
    vault.backupCodes.add(accountId, { codes: sixteen });
    expect(vault.backupCodes.status(accountId).threshold).toBe(4);
    vault.settings.update({ lowCodesMinimum: 5 });
    expect(vault.backupCodes.status(accountId).threshold).toBe(5);
    expect(() => vault.settings.update({ lowCodesFraction: 1.5 })).toThrow('lowCodesFraction');
    vault.settings.update({ lowCodesMinimum: 1, lowCodesFraction: 0.5 });
    expect(vault.backupCodes.status(accountId).threshold).toBe(8);
    for (const code of sixteen.slice(0, 7)) vault.backupCodes.use(accountId, { code });
    expect(vault.backupCodes.status(accountId)).toMatchObject({ remaining: 9, level: 'ok' });
    vault.backupCodes.use(accountId, { code: sixteen[7] as string });
    expect(vault.backupCodes.status(accountId)).toMatchObject({ remaining: 8, level: 'low' });
    vault.close();
  });

  it('never calls a fresh set low: a single recovery code is fine until it is used', async () => {
    const { vault, accountId } = await vaultWithAccount();
    vault.backupCodes.add(accountId, { codes: ['94ZMJ-PWC6B-QM8TC-532AG-WUV7M'] });
    expect(vault.backupCodes.status(accountId)).toMatchObject({ threshold: 0, level: 'ok' });
    expect(
      vault.backupCodes.use(accountId, { code: '94zmjpwc6bqm8tc532agwuv7m' }).status.level,
    ).toBe('exhausted');
    vault.close();
  });

  it('reports none for an account without codes, and one status per account that has any', async () => {
    const { vault, accountId } = await vaultWithAccount();
    const other = vault.accounts.add({ issuer: 'GitHub' }).id;
    vault.accounts.add({ issuer: 'No codes here' });
    expect(vault.backupCodes.status(accountId)).toEqual({
      accountId,
      currentSetId: null,
      currentSetIds: [],
      total: 0,
      remaining: 0,
      used: 0,
      threshold: 0,
      level: 'none',
      issuedAt: null,
      changedAt: null,
    });
    vault.backupCodes.add(accountId, { codes: TEN });
    vault.backupCodes.add(other, { codes: ['abcde-12345', 'fghij-67890'] });
    vault.backupCodes.add(other, { codes: ['klmno-13579'], replace: true });
    const all = vault.backupCodes.statusAll();
    expect(all.map((status) => [status.accountId, status.total]).sort()).toEqual(
      [
        [accountId, 10],
        [other, 1],
      ].sort(),
    );
    vault.close();
  });
});

describe('history', () => {
  it('records every add, replace, reveal, copy, use and undo, without code text', async () => {
    const { vault, clock, accountId } = await vaultWithAccount();
    const first = vault.backupCodes.add(accountId, { codes: TEN }).set;
    clock.advance(DAY_MS);
    const second = vault.backupCodes.add(accountId, { text: GOOGLE_BLOCK, replace: true }).set;
    vault.backupCodes.reveal(accountId, second.id);
    expect(vault.backupCodes.copy(accountId, second.id, 2)).toBe('0954 0266');
    vault.backupCodes.use(accountId, { code: '0954 0266' }, 'new phone');
    vault.backupCodes.undo(accountId);
    const events = vault.history.list(accountId);
    expect(events.map((event) => event.type)).toEqual([
      'codes.add',
      'codes.replace',
      'codes.add',
      'codes.reveal',
      'codes.copy',
      'codes.use',
      'codes.undo',
    ]);
    expect(events[1]?.detail).toEqual({ setId: first.id, bySetId: second.id, unused: 10 });
    expect(events[5]).toMatchObject({
      at: T0 + DAY_MS,
      detail: { setId: second.id, number: 2, how: 'typed', note: 'new phone' },
    });
    // Ids are random hex and may contain any four digits by chance: look at everything else.
    const withoutIds = events.map(({ type, at, detail }) => ({
      type,
      at,
      detail: Object.fromEntries(Object.entries(detail).filter(([key]) => !/id$/i.test(key))),
    }));
    expect(JSON.stringify(withoutIds)).not.toMatch(/0954|0266|6432/);
    vault.close();
  });

  it('summarises use as "used N of M" with the dates', async () => {
    const { vault, clock, accountId } = await vaultWithAccount();
    vault.backupCodes.add(accountId, { codes: TEN });
    clock.set(Date.UTC(2026, 4, 12, 12));
    vault.backupCodes.use(accountId, { code: '9999 0000' });
    clock.set(Date.UTC(2026, 6, 3, 12));
    vault.backupCodes.use(accountId, { code: '1111 2222' });
    const { summaries, events } = vault.backupCodes.usageHistory(accountId);
    expect(summaries.map((summary) => summary.text)).toEqual([
      'used 2 of 10: 12 May 2026, 3 Jul 2026',
    ]);
    expect(events).toHaveLength(3);
    vault.close();
  });
});

describe('durability and scope', () => {
  it('keeps sets, marks and history across lock and reopen', async () => {
    const { vault, path, accountId } = await vaultWithAccount();
    vault.backupCodes.add(accountId, { codes: TEN });
    vault.backupCodes.use(accountId, { code: '3333 4444' }, 'kept');
    vault.lock();
    expect(() => vault.backupCodes.status(accountId)).toThrow(/locked/);
    await vault.unlock(PASSWORD);
    expect(vault.backupCodes.status(accountId).used).toBe(1);
    vault.close();
    const reopened = await Vault.unlock(path, PASSWORD, FAST_KDF);
    expect(
      vaultErrorOf(() => reopened.backupCodes.use(accountId, { code: '33334444' })).details,
    ).toMatchObject({
      reason: 'already-used',
      note: 'kept',
    });
    expect(reopened.history.list(accountId)).toHaveLength(2);
    reopened.close();
  });

  it('removing the account removes its codes and history', async () => {
    const { vault, accountId } = await vaultWithAccount();
    vault.backupCodes.add(accountId, { codes: TEN });
    vault.accounts.remove(accountId);
    expect(vault.backupCodes.statusAll()).toEqual([]);
    expect(vault.history.list(accountId)).toEqual([]);
    expect(vault.verify()).toEqual([]);
    vault.close();
  });

  it("using a code reads only that account's records: another account's damaged set does not matter", async () => {
    const { vault, path, accountId } = await vaultWithAccount();
    const other = vault.accounts.add({ issuer: 'Other' }).id;
    vault.backupCodes.add(accountId, { codes: TEN });
    vault.backupCodes.add(other, { codes: ['abcde-12345'] });
    vault.close();
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(path);
    db.prepare(
      "UPDATE records SET body = zeroblob(length(body)) WHERE kind = 'codeset' AND parent = ?",
    ).run(other);
    db.close();
    const reopened = await Vault.unlock(path, PASSWORD, FAST_KDF);
    expect(reopened.backupCodes.use(accountId, { code: '1111 2222' }).status.remaining).toBe(9);
    expect(reopened.backupCodes.undo(accountId).number).toBe(1);
    // A pass over every set does meet the damage, and says so.
    expect(vaultErrorOf(() => reopened.backupCodes.statusAll()).code).toBe('VAULT_DAMAGED');
    reopened.close();
  });
});

describe('a typo offers the nearest code', () => {
  it('records the offer in the history, as it shows that code', async () => {
    const { vault, accountId } = await vaultWithAccount();
    vault.backupCodes.add(accountId, { codes: TEN });
    const error = vaultErrorOf(() => vault.backupCodes.use(accountId, { code: '9999 0001' }));
    expect(error.details).toMatchObject({ reason: 'no-match' });
    const events = vault.history.list(accountId, { feature: 'codes' });
    expect(events.at(-1)).toMatchObject({ type: 'codes.suggest' });
    expect(describeCodeEvent(events.at(-1)!)).toMatch(
      /^showed code #\d+ of set \w+ as the nearest to a mistyped code$/,
    );
    // Nothing was marked.
    expect(vault.backupCodes.status(accountId).used).toBe(0);
    vault.close();
  });
});
