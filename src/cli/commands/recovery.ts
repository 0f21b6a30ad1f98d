import { accountFullName } from '../../shared/account-names.js';
import type { CommandModule } from '../command-kit.js';
import { parseDate } from '../session.js';

interface RecoveryOptions {
  supportUrl?: string;
  notes?: string;
  addContact?: string[];
  removeContact?: string[];
}

export const recoveryCommand: CommandModule = (program, sessionFor) => {
  program
    .command('recovery')
    .description("set an account's recovery facts: support URL, notes, recovery phone/e-mail")
    .argument('<account>', 'an id, an issuer, or issuer:account')
    .option('--support-url <url>', "the site's account-recovery or support page")
    .option('--notes <text>', 'how recovery works for this account, in your words')
    .option(
      '--add-contact <contact>',
      'register a recovery phone or e-mail (repeatable)',
      collect,
      [],
    )
    .option('--remove-contact <contact>', 'unregister a recovery contact (repeatable)', collect, [])
    .action(async (query: string, options: RecoveryOptions, command) => {
      const session = sessionFor(command);
      const recovery = await session.withVault((vault) =>
        vault.transaction(() => {
          const account = vault.accounts.resolve(query);
          vault.recovery.update(account.id, {
            supportUrl: options.supportUrl,
            recoveryNotes: options.notes,
          });
          for (const contact of options.addContact ?? []) {
            vault.recovery.addRecoveryContact(account.id, vault.contacts.resolve(contact).id);
          }
          for (const contact of options.removeContact ?? []) {
            vault.recovery.removeRecoveryContact(account.id, vault.contacts.resolve(contact).id);
          }
          return { account, recovery: vault.recovery.get(account.id) };
        }),
      );
      if (session.output.json) session.output.data(recovery.recovery);
      else
        session.output.note(`Updated the recovery facts of ${accountFullName(recovery.account)}.`);
    });

  program
    .command('tested')
    .description('record that you tested signing in to an account (today, or --on DATE)')
    .argument('<account>', 'an id, an issuer, or issuer:account')
    .option('--on <date>', 'when you tested it')
    .action(async (query: string, options: { on?: string }, command) => {
      const session = sessionFor(command);
      const at = options.on === undefined ? undefined : parseDate(options.on, '--on');
      const { account, recovery } = await session.withVault((vault) => {
        const account = vault.accounts.resolve(query);
        return { account, recovery: vault.recovery.markTested(account.id, at) };
      });
      if (session.output.json) session.output.data(recovery);
      else session.output.note(`Recorded a tested sign-in for ${accountFullName(account)}.`);
    });
};

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
