import { accountFullName } from '../../shared/account-names.js';
import { REMOVED_ACCOUNT_KEPT_DAYS } from '../../shared/removed-accounts.js';
import type { CommandModule } from '../command-kit.js';
import { formatDate } from '../output.js';

/** `sparekey removed`: the removed accounts still kept, and bringing one back (the app's Settings › Recently removed). */
export const removedCommand: CommandModule = (program, sessionFor) => {
  const removed = program
    .command('removed')
    .description(
      `list the removed accounts that can still be brought back (each is kept ${REMOVED_ACCOUNT_KEPT_DAYS} days)`,
    )
    .action(async (_options, command) => {
      const session = sessionFor(command);
      const kept = await session.withVault((vault) => vault.accounts.removed.list());
      const out = session.output;
      if (out.json) return out.data(kept);
      if (kept.length === 0) {
        return out.note(
          `No removed account to bring back: removed accounts are kept for ${REMOVED_ACCOUNT_KEPT_DAYS} days.`,
        );
      }
      out.table(
        ['ID', 'ISSUER', 'ACCOUNT', 'REMOVED', 'KEPT UNTIL'],
        kept.map((account) => [
          account.id,
          account.issuer,
          account.accountName,
          formatDate(account.removedAt),
          formatDate(account.purgeAt),
        ]),
      );
    });

  removed
    .command('restore')
    .description('bring a removed account back, with everything it had')
    .argument('<account>', 'an id, an issuer, or issuer:account, among the removed accounts')
    .action(async (query: string, _options, command) => {
      const session = sessionFor(command);
      const restored = await session.withVault((vault) => {
        const { id } = vault.accounts.removed.resolve(query);
        vault.accounts.removed.restore(id);
        return vault.accounts.get(id);
      });
      if (session.output.json) session.output.data(restored);
      else {
        session.output.note(
          `Brought back ${accountFullName(restored)} (id ${restored.id}), with everything it had.`,
        );
      }
    });
};
