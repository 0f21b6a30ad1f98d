import { accountFullName } from '../../shared/account-names.js';
import { otpDescription } from '../account-format.js';
import type { CommandModule } from '../command-kit.js';
import { formatDate } from '../output.js';
import { groupBase32 } from '../../core/index.js';

export const showCommand: CommandModule = (program, sessionFor) => {
  program
    .command('show')
    .description('show one account (with --reveal, also its secret and otpauth URI)')
    .argument('<account>', 'an id, an issuer, or issuer:account')
    .option('--reveal', 'also print the seed secret and its otpauth:// URI')
    .action(async (query: string, options: { reveal?: boolean }, command) => {
      const session = sessionFor(command);
      const { account, revealed, counter } = await session.withVault((vault) => {
        const account = vault.accounts.resolve(query);
        const revealed =
          account.otp && options.reveal ? vault.accounts.revealSeed(account.id) : null;
        const counter =
          account.otp?.type === 'hotp' ? vault.accounts.revealSeed(account.id).seed.counter : null;
        return { account, revealed, counter };
      });
      const out = session.output;
      if (out.json) {
        return out.data({
          ...account,
          ...(counter !== null ? { counter } : {}),
          ...(revealed ? { secret: revealed.seed.secret, otpauth: revealed.uri } : {}),
        });
      }
      out.line(accountFullName(account));
      out.line(`  id:       ${account.id}`);
      if (account.url) out.line(`  url:      ${account.url}`);
      out.line(
        `  codes:    ${otpDescription(account.otp)}${counter !== null ? `, next counter ${counter}` : ''}`,
      );
      out.line(`  added:    ${formatDate(account.createdAt)}`);
      out.line(`  changed:  ${formatDate(account.updatedAt)}`);
      if (account.notes) {
        out.line('  notes:');
        for (const line of account.notes.split('\n')) out.line(`    ${line}`);
      }
      if (revealed) {
        out.line(`  secret:   ${groupBase32(revealed.seed.secret)}`);
        out.line(`  otpauth:  ${revealed.uri}`);
      }
    });
};
