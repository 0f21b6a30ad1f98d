import { describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../../src/shared/domain.js';
import { DAY_MS } from '../../../src/shared/durations.js';
import type { RemovedAccount } from '../../../src/shared/removed-accounts.js';
import { unlockedApiHost } from '../../support/api-host.js';
import { PASSWORD } from '../../support/temp-vault.js';

describe('removed accounts through the contract', () => {
  it('removes, lists, restores and purges; an unlock purges what was kept 30 days', async () => {
    const { session, clock, value, call } = await unlockedApiHost();
    const added = await value<AccountSummary>('addAccount', {
      issuer: 'Bank',
      seed: { secret: 'JBSWY3DPEHPK3PXP' },
    });
    const removed = await value<RemovedAccount>('removeAccount', { id: added.id });
    expect(removed).toMatchObject({ id: added.id, issuer: 'Bank', hadSeed: true });
    expect(removed.purgeAt - removed.removedAt).toBe(30 * DAY_MS);
    expect(await value('listAccounts', {})).toEqual([]);
    expect(await value('listRemovedAccounts', {})).toEqual([removed]);

    expect(await value('restoreAccount', { id: added.id })).toEqual(added);
    expect(await value('listRemovedAccounts', {})).toEqual([]);

    await value('removeAccount', { id: added.id });
    await value('purgeRemovedAccount', { id: added.id });
    expect(await call('restoreAccount', { id: added.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });

    // Kept 30 days: the first unlock after that purges it from the file.
    const again = await value<AccountSummary>('addAccount', { issuer: 'Mail' });
    await value('removeAccount', { id: again.id });
    await value('lockVault', {});
    clock.advance(30 * DAY_MS);
    await value('unlockVault', { password: PASSWORD });
    const vault = session.unlocked();
    expect(vault.snapshot(() => vault['context'].records().ids('removed-account'))).toEqual([]);
    session.close();
  });
});
