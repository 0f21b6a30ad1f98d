import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { Option } from 'commander';
import type { CodeBlockPreview } from '../../shared/backup-codes.js';
import { formatDay } from '../../shared/dates.js';
import { VaultError } from '../../shared/errors.js';
import { accountFullName } from '../../shared/account-names.js';
import type { CliSession } from '../session.js';
import { parseDate } from '../session.js';
import { askYesNo, isInteractive, readAllStdin } from '../terminal.js';
import type { Output } from '../output.js';
import type { Vault } from '../../core/index.js';

interface AddOptions {
  file?: string;
  issued?: string;
  label?: string;
  replace?: boolean;
  keepOld?: boolean;
  yes?: boolean;
}

function readBlockFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new VaultError(
      'IO_ERROR',
      `Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}.`,
    );
  }
}

/** What was found, for the person to check: every code, then what is doubtful or left out. */
function showPreview(out: Output, preview: CodeBlockPreview): void {
  out.note(`Found ${preview.codes.length} codes:`);
  preview.codes.forEach((found, index) => {
    out.note(
      `  ${String(index + 1).padStart(3)}  ${found.code}${found.doubt ? `  (${found.doubt})` : ''}`,
    );
  });
  for (const item of preview.ignored) {
    out.note(`  Left out line ${item.line}: "${item.text}" ${item.reason}.`);
  }
  for (const doubt of preview.doubts) out.note(`  Check: ${doubt}`);
}

async function confirm(
  session: CliSession,
  canAsk: boolean,
  question: string,
  refusal: string,
): Promise<boolean> {
  if (!canAsk) throw new VaultError('REFUSED', refusal);
  return askYesNo(session.terminal, question);
}

export function registerCodesAdd(codes: Command, sessionFor: (command: Command) => CliSession) {
  codes
    .command('add')
    .description('add backup codes to an account from the text a site shows (a file, or stdin)')
    .argument('<account>', 'an id, an issuer, or issuer:account')
    .option('--file <path>', 'read the codes from this file (else from stdin)')
    .option('--issued <date>', 'when the site issued them, YYYY-MM-DD (default: today)')
    .option('--label <text>', 'a label for this set, e.g. "printed copy in the drawer"')
    .addOption(
      new Option('--replace', 'the site replaced the old codes (they stop counting)').conflicts(
        'keepOld',
      ),
    )
    .option('--keep-old', 'the old codes still work too')
    .option('-y, --yes', 'save without asking even when some codes need checking')
    .action(async (query: string, options: AddOptions, command: Command) => {
      const session = sessionFor(command);
      const out = session.output;
      const issuedAt =
        options.issued === undefined ? undefined : parseDate(options.issued, '--issued');
      // Questions need the terminal's input, which a block read from stdin has used up.
      const canAsk = isInteractive(session.terminal) && options.file !== undefined;
      const result = await session.withVault(async (vault: Vault) => {
        const account = vault.accounts.resolve(query);
        let text: string;
        if (options.file !== undefined) text = readBlockFile(options.file);
        else {
          if (isInteractive(session.terminal)) {
            out.note('Paste the codes as the site shows them, then press Ctrl-D:');
          }
          text = await readAllStdin(session.terminal);
        }
        if (text.trim() === '') {
          throw new VaultError('INVALID_INPUT', 'No text: give --file, or the codes on stdin.');
        }
        const preview = vault.backupCodes.preview(text, account.id);
        showPreview(out, preview);
        if (preview.codes.length === 0) {
          throw new VaultError('INVALID_INPUT', 'No backup codes were found in the text.');
        }
        const name = accountFullName(account);
        let replace: boolean | undefined;
        if (preview.existing !== null && preview.existing.currentSets > 0) {
          if (options.replace) replace = true;
          else if (options.keepOld) replace = false;
          else {
            const { total, remaining } = preview.existing;
            replace = await confirm(
              session,
              canAsk,
              `${name} already has ${total} codes (${remaining} unused). Did the site replace them?`,
              `${name} already has ${total} backup codes (${remaining} unused). Add --replace if the site replaced them (the usual case), or --keep-old if they still work.`,
            );
          }
        }
        if (!preview.sure && !options.yes) {
          const save = await confirm(
            session,
            canAsk,
            `Save these ${preview.codes.length} codes?`,
            'Not saved: some of what was found needs checking (see above). If the codes listed are right, run again with --yes.',
          );
          if (!save) throw new VaultError('REFUSED', 'Nothing was saved.');
        }
        const added = vault.backupCodes.add(account.id, {
          codes: preview.codes.map((found) => found.code),
          issuedAt,
          label: options.label,
          replace,
        });
        return { account, added, name };
      });
      const { added, name } = result;
      if (out.json) return out.data(added);
      const label = added.set.label ? ` "${added.set.label}"` : '';
      out.note(
        `Saved ${added.set.total} backup codes${label} for ${name}, issued ${formatDay(added.set.issuedAt)}.`,
      );
      if (added.replacedSetIds.length > 0) {
        out.note('The previous codes are marked replaced: they no longer count as usable.');
      }
    });
}
