import { otpDescription } from '../account-format.js';
import type { CommandModule } from '../command-kit.js';

export const listCommand: CommandModule = (program, sessionFor) => {
  program
    .command('list')
    .alias('ls')
    .description('list the accounts in the vault')
    .action(async (_options, command) => {
      const session = sessionFor(command);
      const accounts = await session.withVault((vault) => vault.accounts.list());
      const out = session.output;
      if (out.json) return out.data(accounts);
      if (accounts.length === 0)
        return out.note('The vault has no accounts yet. Add one with `sparekey add`.');
      out.table(
        ['ID', 'ISSUER', 'ACCOUNT', 'CODES'],
        accounts.map((account) => [
          account.id,
          account.issuer,
          account.accountName,
          otpDescription(account.otp),
        ]),
      );
    });
};
