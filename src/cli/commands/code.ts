import type { CodeView } from '../../shared/domain.js';
import { groupCode } from '../../shared/code-format.js';
import { accountFullName } from '../../shared/account-names.js';
import type { CommandModule } from '../command-kit.js';

export const codeCommand: CommandModule = (program, sessionFor) => {
  program
    .command('code')
    .description('print the current code of an account (HOTP: generates the next one)')
    .argument('<account>', 'an id, an issuer, or issuer:account')
    .option('--at <time>', 'compute the TOTP code for this ISO-8601 time instead of now')
    .action(async (query: string, options: { at?: string }, command) => {
      const session = sessionFor(command);
      const clock = session.clock(options.at);
      const { account, view } = await session.withVault(
        (vault) => {
          const account = vault.accounts.resolve(query);
          const view: CodeView | undefined =
            account.otp?.type === 'hotp'
              ? vault.accounts.nextHotpCode(account.id)
              : vault.accounts.codes([account.id])[0];
          return { account, view };
        },
        { clock },
      );
      const out = session.output;
      if (out.json)
        return out.data({
          account: { id: account.id, issuer: account.issuer, accountName: account.accountName },
          ...view,
        });
      if (view?.current == null) return;
      // The bare code on stdout, for scripts and the clipboard; the rest is for the person.
      out.line(view.current);
      if (view.type === 'hotp') {
        out.note(
          `${accountFullName(account)}: ${groupCode(view.current)} (the counter moved on by one)`,
        );
      } else {
        out.note(
          `${accountFullName(account)}: ${groupCode(view.current)}, valid ${view.secondsRemaining} s more; next ${groupCode(view.next ?? '')}`,
        );
      }
    });
};
