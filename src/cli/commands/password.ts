import { type Command, Option } from 'commander';
import type { AccountSummary } from '../../shared/domain.js';
import { isVaultError } from '../../shared/errors.js';
import { type LoginDetails, STRENGTH_LABELS } from '../../shared/passwords.js';
import { accountFullName } from '../../shared/account-names.js';
import {
  catchInterrupts,
  clipboardUnavailable,
  copyThenClear,
  systemClipboard,
} from '../clipboard.js';
import type { CommandModule } from '../command-kit.js';
import { formatDate } from '../output.js';
import { accountPassword } from '../passwords.js';

function accountRef({ id, issuer, accountName }: AccountSummary) {
  return { id, issuer, accountName };
}

export const passwordCommand: CommandModule = (program, sessionFor) => {
  const password = program
    .command('password')
    .description(
      "an account's password: whether one is stored and when it changed; --show prints it, --copy copies it",
    )
    .argument('<account>', 'an id, an issuer, or issuer:account')
    .addOption(new Option('--show', 'print the password').conflicts('copy'))
    .option(
      '--copy',
      "put the password on the clipboard, and clear it after the vault's clipboard timeout",
    )
    .action(async (query: string, options: { show?: boolean; copy?: boolean }, command) => {
      const session = sessionFor(command);
      const out = session.output;
      const found = await session.withVault((vault) => {
        const account = vault.accounts.resolve(query);
        const login = vault.logins.details(account.id);
        const secret =
          options.show || options.copy ? vault.logins.revealPassword(account.id) : null;
        return { account, login, secret, clearSeconds: vault.settings.get().clipboardClearSeconds };
      });
      const { account, login, secret } = found;
      const label = accountFullName(account);

      if (options.copy && secret !== null) {
        let clipboard;
        try {
          clipboard = await systemClipboard();
        } catch {
          throw clipboardUnavailable(session.terminal, 'password');
        }
        const interrupts = catchInterrupts();
        const outcome = await copyThenClear(
          clipboard,
          secret,
          found.clearSeconds,
          interrupts.wait,
          () =>
            out.note(
              found.clearSeconds > 0
                ? `Copied the password of ${label}. It will be cleared from the clipboard in ${found.clearSeconds} s (Ctrl-C clears it now).`
                : `Copied the password of ${label}. The vault's clipboard timeout is off, so it stays on the clipboard.`,
            ),
        )
          .catch((error: unknown) => {
            if (isVaultError(error)) throw error;
            throw clipboardUnavailable(session.terminal, 'password');
          })
          .finally(() => interrupts.dispose());
        if (outcome === 'cleared') out.note('Cleared the clipboard.');
        if (outcome === 'changed-since')
          out.note('The clipboard holds something else now; left it as it is.');
        if (out.json) out.data({ account: accountRef(account), copied: true, outcome });
        return;
      }

      if (options.show && secret !== null) {
        if (out.json) return out.data({ account: accountRef(account), password: secret });
        // The bare password on stdout, for scripts; the rest is for the person.
        out.line(secret);
        return out.note(`The password of ${label}.`);
      }

      if (out.json) {
        return out.data({
          account: accountRef(account),
          username: login?.username ?? '',
          hasPassword: login?.hasPassword ?? false,
          passwordChangedAt: login?.passwordChangedAt ?? null,
          passwordScore: login?.passwordScore ?? null,
          historyCount: login?.historyCount ?? 0,
        });
      }
      out.line(label);
      if (login?.username) out.line(`  username:  ${login.username}`);
      if (login?.hasPassword && login.passwordChangedAt !== null) {
        const score = login.passwordScore;
        out.line(
          `  password:  stored, last changed ${formatDate(login.passwordChangedAt)}` +
            (score !== null ? ` (strength ${score} of 4: ${STRENGTH_LABELS[score]})` : ''),
        );
      } else {
        out.line('  password:  none stored (save one with `sparekey password set`)');
      }
      if (login && login.historyCount > 0) {
        out.line(
          `  history:   ${login.historyCount} previous password${login.historyCount === 1 ? '' : 's'} (\`sparekey password history\`)`,
        );
      }
    });

  password
    .command('set')
    .description(
      'store a new password for an account (asked twice, hidden; $SPAREKEY_ACCOUNT_PASSWORD when not on a terminal); the old one goes to its history',
    )
    .argument('<account>', 'an id, an issuer, or issuer:account')
    .option('--username <name>', 'also set the username')
    .action(async (query: string, options: { username?: string }, command) => {
      const session = sessionFor(command);
      const { account, login } = await session.withVault(async (vault) => {
        const account = vault.accounts.resolve(query);
        const secret = await accountPassword(session.terminal, accountFullName(account));
        vault.logins.set(account.id, { password: secret, username: options.username });
        return { account, login: vault.logins.details(account.id) as LoginDetails };
      });
      if (session.output.json)
        return session.output.data({ account: accountRef(account), ...login });
      const score = login.passwordScore;
      session.output.note(
        `Saved the password of ${accountFullName(account)}` +
          (score !== null ? ` (strength ${score} of 4: ${STRENGTH_LABELS[score]})` : '') +
          (login.historyCount > 0 ? '; the previous one is kept in its history.' : '.'),
      );
    });

  password
    .command('history')
    .description("an account's previous passwords, newest first (--show prints them)")
    .argument('<account>', 'an id, an issuer, or issuer:account')
    .option('--show', 'print the previous passwords themselves')
    .action(async (query: string, _options: { show?: boolean }, command: Command) => {
      const session = sessionFor(command);
      // Commander hands a --show after the subcommand to `password`'s own --show: read both.
      const show = Boolean(command.optsWithGlobals<{ show?: boolean }>().show);
      const { account, entries } = await session.withVault((vault) => {
        const account = vault.accounts.resolve(query);
        return { account, entries: vault.logins.revealHistory(account.id) };
      });
      const out = session.output;
      const shown = entries.map(({ password, setAt, replacedAt }) => ({
        setAt,
        replacedAt,
        ...(show ? { password } : {}),
      }));
      if (out.json) return out.data({ account: accountRef(account), entries: shown });
      if (entries.length === 0)
        return out.note(`${accountFullName(account)} has no previous passwords.`);
      out.table(
        show ? ['SET', 'REPLACED', 'PASSWORD'] : ['SET', 'REPLACED'],
        shown.map((entry) => [
          entry.setAt === null ? '?' : formatDate(entry.setAt),
          formatDate(entry.replacedAt),
          ...(entry.password !== undefined ? [entry.password] : []),
        ]),
      );
    });
};
