import { VaultError } from '../../shared/errors.js';
import { paperForLocale, SHEET_PAPERS, type SheetPaper } from '../../shared/sheets.js';
import { accountFullName } from '../../shared/account-names.js';
import { renderPdf } from '../browser-pdf.js';
import type { CommandModule } from '../command-kit.js';
import { resolve } from 'node:path';
import { writePrivateFile } from '../../core/index.js';

interface SheetOptions {
  all?: boolean;
  out?: string;
  pdf?: boolean;
  paper?: string;
  includeUsed?: boolean;
}

/** US Letter where the locale says so (US, Canada, Mexico…), else A4. */
export function defaultPaper(env: NodeJS.ProcessEnv): SheetPaper {
  return paperForLocale(env.LC_ALL || env.LC_PAPER || env.LANG || '');
}

function parsePaper(value: string | undefined, env: NodeJS.ProcessEnv): SheetPaper {
  if (value === undefined) return defaultPaper(env);
  const paper = value.trim().toLowerCase().replace(/^us-?/, '');
  if ((SHEET_PAPERS as readonly string[]).includes(paper)) return paper as SheetPaper;
  throw new VaultError('INVALID_INPUT', `--paper takes a4 or letter, not "${value}".`);
}

export const sheetCommand: CommandModule = (program, sessionFor) => {
  program
    .command('sheet')
    .description(
      'write a print-ready recovery sheet (codes, seed QR code, methods, contacts, notes) for accounts or, with --all, the whole vault',
    )
    .argument('[account...]', 'ids, issuers, or issuer:account')
    .option('--all', 'every account: the emergency kit')
    .option(
      '--out <file>',
      'a new file to write it to (mode 0600; an existing file is never replaced); "-" for standard output',
    )
    .option('--pdf', 'write a PDF, made with an installed Chromium or Chrome (else HTML)')
    .option('--paper <size>', 'a4 or letter (default: from the locale)')
    .option('--include-used', 'list used codes too (struck through, with dates)')
    .action(async (queries: string[], options: SheetOptions, command) => {
      const session = sessionFor(command);
      if (options.all && queries.length > 0) {
        throw new VaultError('INVALID_INPUT', 'Name accounts or use --all, not both.');
      }
      if (!options.all && queries.length === 0) {
        throw new VaultError(
          'INVALID_INPUT',
          'Say which accounts to print, or --all for every one.',
        );
      }
      if (options.out === undefined) {
        throw new VaultError(
          'REFUSED',
          'A recovery sheet holds your backup codes and seeds, so it is written only where you say: --out FILE (or --out - for standard output).',
        );
      }
      const out = options.out;
      const paper = parsePaper(options.paper, session.terminal.env);
      const includeUsed = Boolean(options.includeUsed);
      const result = await session.withVault(async (vault) => {
        const accounts = options.all ? null : queries.map((query) => vault.accounts.resolve(query));
        const sheet = await vault.sheets.render(
          accounts === null ? { all: true } : { accountIds: accounts.map((a) => a.id) },
          { paper, includeUsed },
        );
        const content = options.pdf
          ? await renderPdf(sheet.html, paper, session.terminal.env)
          : Buffer.from(sheet.html, 'utf8');
        let file = '-';
        if (out === '-') session.terminal.stdout.write(content);
        else {
          file = resolve(out);
          writePrivateFile(file, content);
        }
        vault.sheets.markPrinted(sheet.accountIds, {
          paper,
          includeUsed,
          printedAt: sheet.printedAt,
        });
        const labels = new Map(vault.accounts.list().map((a) => [a.id, accountFullName(a)]));
        return {
          file,
          format: options.pdf ? 'pdf' : 'html',
          paper,
          printedAt: sheet.printedAt,
          accounts: sheet.accountIds.map((id) => ({ id, label: labels.get(id) ?? id })),
        };
      });
      const what =
        result.accounts.length === 1
          ? `the recovery sheet for ${result.accounts[0]?.label}`
          : `a recovery sheet for ${result.accounts.length} accounts`;
      if (session.output.json && out !== '-') {
        session.output.data(result);
      } else {
        session.output.note(
          `Wrote ${what} (${result.format.toUpperCase()}, ${paper === 'a4' ? 'A4' : 'US Letter'})${out === '-' ? '' : ` to ${result.file}`}. Anyone holding it can get into ${result.accounts.length === 1 ? 'that account' : 'those accounts'}: keep it safe, and delete the file once printed.`,
        );
      }
    });
};
