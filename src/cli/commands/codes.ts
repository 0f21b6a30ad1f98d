import type { Command } from 'commander';
import type { CodesStatus, RevealedCodeSet } from '../../shared/backup-codes.js';
import { formatDay } from '../../shared/dates.js';
import type { AccountSummary } from '../../shared/domain.js';
import { VaultError } from '../../shared/errors.js';
import { accountFullName } from '../../shared/account-names.js';
import {
  describeEvent,
  formatDayTime,
  levelWarning,
  levelWord,
  remainingText,
} from '../codes-format.js';
import type { CommandModule } from '../command-kit.js';
import type { Output } from '../output.js';
import { readAllStdin } from '../terminal.js';
import { registerCodesAdd } from './codes-add.js';
import type { CodeTarget } from '../../core/index.js';

function site(account: AccountSummary): string {
  return account.issuer || accountFullName(account);
}

function accountRef(account: AccountSummary) {
  return { id: account.id, issuer: account.issuer, accountName: account.accountName };
}

function printSet(out: Output, set: RevealedCodeSet): void {
  const label = set.label ? ` "${set.label}"` : '';
  if (set.state === 'replaced') {
    out.line(
      `Replaced set${label}, issued ${formatDay(set.issuedAt)}, replaced ${formatDay(set.replacedAt ?? set.addedAt)}: these codes no longer work.`,
    );
  } else {
    out.line(
      `Set${label}, issued ${formatDay(set.issuedAt)}: ${set.remaining} of ${set.total} left`,
    );
  }
  const width = set.codes.reduce((widest, code) => Math.max(widest, code.code.length), 0);
  for (const code of set.codes) {
    const number = `#${code.number}`.padStart(4);
    const used =
      code.usedAt === null
        ? ''
        : `  used ${formatDay(code.usedAt)}${code.note ? `: ${code.note}` : ''}`;
    out.line(`${number}  ${code.code.padEnd(width)}${used}`.trimEnd());
  }
}

function warnAbout(out: Output, status: CodesStatus, account: AccountSummary): void {
  const warning = levelWarning(status, site(account));
  if (warning !== null) out.note(warning);
}

export const codesCommand: CommandModule = (program, sessionFor) => {
  const codes = program
    .command('codes')
    .description('backup codes: add a set, list it, mark codes used, undo, history');

  registerCodesAdd(codes, sessionFor);

  codes
    .command('list')
    .description('show the current codes (used ones marked with their dates); recorded as a reveal')
    .argument('<account>', 'an id, an issuer, or issuer:account')
    .option('--all', 'also show replaced sets')
    .action(async (query: string, options: { all?: boolean }, command: Command) => {
      const session = sessionFor(command);
      const { account, status, sets } = await session.withVault((vault) => {
        const account = vault.accounts.resolve(query);
        const status = vault.backupCodes.status(account.id);
        const sets = vault.backupCodes
          .sets(account.id)
          .filter((set) => options.all || set.state === 'current')
          .map((set) => vault.backupCodes.reveal(account.id, set.id));
        return { account, status, sets };
      });
      const out = session.output;
      if (out.json) return out.data({ account: accountRef(account), status, sets });
      if (sets.length === 0) {
        out.note(
          status.currentSetId === null && status.changedAt !== null
            ? `${accountFullName(account)} has no current backup codes (older sets were replaced; --all shows them).`
            : `No backup codes stored for ${accountFullName(account)}. Add them with \`sparekey codes add\`.`,
        );
        return;
      }
      out.line(`${accountFullName(account)}: ${remainingText(status)}`);
      for (const set of sets) printSet(out, set);
      warnAbout(out, status, account);
    });

  codes
    .command('use')
    .description('mark a code used: type the code you just used (or pick one with --number)')
    .argument('<account>', 'an id, an issuer, or issuer:account')
    .argument('[code]', 'the code you used ("-" reads it from stdin)')
    .option('--number <n>', 'pick code #n of the current set instead of typing it')
    .option('--note <text>', 'why or where, e.g. "signed in on the new laptop"')
    .action(
      async (
        query: string,
        typed: string | undefined,
        options: { number?: string; note?: string },
        command: Command,
      ) => {
        const session = sessionFor(command);
        if ((typed === undefined) === (options.number === undefined)) {
          throw new VaultError(
            'INVALID_INPUT',
            'Give the code you used, or --number N to pick one; not both.',
          );
        }
        const code = typed === '-' ? (await readAllStdin(session.terminal)).trim() : typed;
        const { account, result } = await session.withVault((vault) => {
          const account = vault.accounts.resolve(query);
          let target: CodeTarget;
          if (code !== undefined) target = { code };
          else {
            const number = Number(options.number);
            const setId = vault.backupCodes.status(account.id).currentSetId;
            if (setId === null) {
              throw new VaultError(
                'NOT_FOUND',
                `${accountFullName(account)} has no current backup codes.`,
              );
            }
            target = { setId, number };
          }
          return { account, result: vault.backupCodes.use(account.id, target, options.note) };
        });
        const out = session.output;
        if (out.json) return out.data({ account: accountRef(account), ...result });
        out.note(
          `Marked ${result.code} used (${formatDayTime(result.usedAt)}). ${accountFullName(account)}: ${remainingText(result.status)}.`,
        );
        warnAbout(out, result.status, account);
      },
    );

  codes
    .command('undo')
    .description('take back the last code marked used (a mistaken mark)')
    .argument('<account>', 'an id, an issuer, or issuer:account')
    .action(async (query: string, _options: unknown, command: Command) => {
      const session = sessionFor(command);
      const { account, result } = await session.withVault((vault) => {
        const account = vault.accounts.resolve(query);
        return { account, result: vault.backupCodes.undo(account.id) };
      });
      const out = session.output;
      if (out.json) return out.data({ account: accountRef(account), ...result });
      out.note(
        `Unmarked ${result.code} (it had been marked used ${formatDayTime(result.usedAt)}). ${accountFullName(account)}: ${remainingText(result.status)}.`,
      );
    });

  codes
    .command('history')
    .description('when codes were added, replaced, shown, copied, used and unmarked')
    .argument('<account>', 'an id, an issuer, or issuer:account')
    .action(async (query: string, _options: unknown, command: Command) => {
      const session = sessionFor(command);
      const { account, history } = await session.withVault((vault) => {
        const account = vault.accounts.resolve(query);
        return { account, history: vault.backupCodes.usageHistory(account.id) };
      });
      const out = session.output;
      if (out.json) return out.data({ account: accountRef(account), ...history });
      out.line(`${accountFullName(account)}:`);
      for (const summary of history.summaries) {
        out.line(`  ${summary.label ? `"${summary.label}": ` : ''}${summary.text}`);
      }
      if (history.events.length === 0) return out.note('No backup-code history yet.');
      for (const event of history.events) {
        out.line(`  ${formatDayTime(event.at)}  ${describeEvent(event)}`);
      }
    });

  codes
    .command('status')
    .description('remaining codes per account (all accounts with codes, or one)')
    .argument('[account]', 'an id, an issuer, or issuer:account')
    .action(async (query: string | undefined, _options: unknown, command: Command) => {
      const session = sessionFor(command);
      const rows = await session.withVault((vault) => {
        if (query !== undefined) {
          const account = vault.accounts.resolve(query);
          return [{ account, status: vault.backupCodes.status(account.id) }];
        }
        const accounts = new Map(vault.accounts.list().map((account) => [account.id, account]));
        return vault.backupCodes
          .statusAll()
          .flatMap((status) => {
            const account = accounts.get(status.accountId);
            return account ? [{ account, status }] : [];
          })
          .sort((a, b) => accountFullName(a.account).localeCompare(accountFullName(b.account)));
      });
      const out = session.output;
      if (out.json) {
        return out.data(
          rows.map(({ account, status }) => ({ account: accountRef(account), ...status })),
        );
      }
      if (rows.length === 0) return out.note('No account has backup codes yet.');
      out.table(
        ['ACCOUNT', 'LEFT', 'STATE', 'ISSUED'],
        rows.map(({ account, status }) => [
          accountFullName(account),
          status.total === 0 ? '-' : `${status.remaining}/${status.total}`,
          levelWord(status.level),
          status.issuedAt === null ? '-' : formatDay(status.issuedAt),
        ]),
      );
    });
};
