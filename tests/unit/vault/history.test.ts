import { describe, expect, it } from 'vitest';
import { VaultError } from '../../../src/shared/errors.js';
import { createTestVault, T0 } from '../../support/temp-vault.js';

describe('the per-account history', () => {
  it('records events for an account and lists them in the order they happened', async () => {
    const { vault, clock } = await createTestVault();
    const a = vault.accounts.add({ issuer: 'A' }).id;
    const b = vault.accounts.add({ issuer: 'B' }).id;
    vault.history.record(a, { type: 'contacts.retire', detail: { contactId: 'x', phone: false } });
    vault.history.record(b, { type: 'codes.use' });
    clock.advance(1000);
    // Same instant, in one transaction: insertion order decides.
    vault.transaction(() => {
      vault.history.record(a, { type: 'sheets.print', detail: { pages: 2 } });
      vault.history.record(a, { type: 'codes.reveal', at: T0 + 1000 });
    });
    const events = vault.history.list(a);
    expect(events.map((event) => [event.type, event.at])).toEqual([
      ['contacts.retire', T0],
      ['sheets.print', T0 + 1000],
      ['codes.reveal', T0 + 1000],
    ]);
    expect(events[0]).toMatchObject({ accountId: a, detail: { contactId: 'x', phone: false } });
    expect(events[2]?.detail).toEqual({});
    expect(vault.history.list(a, { feature: 'codes' }).map((event) => event.type)).toEqual([
      'codes.reveal',
    ]);
    expect(vault.history.list(b)).toHaveLength(1);
    vault.close();
  });

  it('refuses a malformed type or an unknown account, and an event in a failed action is not kept', async () => {
    const { vault } = await createTestVault();
    const a = vault.accounts.add({ issuer: 'A' }).id;
    expect(() => vault.history.record(a, { type: 'Used Code' })).toThrow(VaultError);
    expect(() => vault.history.record('0123456789abcdef', { type: 'codes.use' })).toThrow(
      'There is no account',
    );
    expect(() =>
      vault.transaction(() => {
        vault.history.record(a, { type: 'codes.use' });
        throw new Error('the action failed after recording');
      }),
    ).toThrow('the action failed');
    expect(vault.history.list(a)).toEqual([]);
    vault.close();
  });
});
