import { VaultError } from '../../shared/errors.js';
import { accountFullName } from '../../shared/account-names.js';
import type { CommandModule } from '../command-kit.js';
import { askYesNo, isInteractive } from '../terminal.js';

export const removeCommand: CommandModule = (program, sessionFor) => {
  program
    .command('remove')
    .alias('rm')
    .description(
      'remove an account and everything stored with it (kept 30 days: `sparekey removed restore` brings it back)',
    )
    .argument('<account>', 'an id, an issuer, or issuer:account')
    .option('-y, --yes', 'do not ask for confirmation')
    .action(async (query: string, options: { yes?: boolean }, command) => {
      const session = sessionFor(command);
      const removed = await session.withVault(async (vault) => {
        const account = vault.accounts.resolve(query);
        if (!options.yes) {
          if (!isInteractive(session.terminal)) {
            throw new VaultError(
              'REFUSED',
              `Not removing ${accountFullName(account)} without confirmation: add --yes.`,
            );
          }
          const sure = await askYesNo(
            session.terminal,
            `Remove ${accountFullName(account)} and everything stored with it? It is kept, encrypted, for 30 days, in case you need it back.`,
          );
          if (!sure) throw new VaultError('REFUSED', 'Nothing was removed.');
        }
        vault.accounts.remove(account.id);
        return account;
      });
      if (session.output.json) session.output.data({ removed: removed.id });
      else {
        session.output.note(
          `Removed ${accountFullName(removed)}. It is kept, encrypted, for 30 days: \`sparekey removed restore ${removed.id}\` brings it back (in the app: Settings, Recently removed).`,
        );
      }
    });
};
