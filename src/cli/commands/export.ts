import { Option } from 'commander';
import { VaultError } from '../../shared/errors.js';
import {
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportOutcome,
  PLAINTEXT_EXPORT_FORMATS,
} from '../../shared/import-export.js';
import { accountFullName } from '../../shared/account-names.js';
import type { CommandModule } from '../command-kit.js';
import { exportPassword } from '../passwords.js';
import { askYesNo, isInteractive } from '../terminal.js';
import { copyVault, type SeedExportFormat } from '../../core/index.js';

interface ExportOptions {
  format: ExportFormat;
  out: string;
  yes?: boolean;
}

const WHAT: Record<ExportFormat, string> = {
  sparekey: 'an encrypted copy of the vault',
  otpauth: 'otpauth:// links',
  aegis: 'an Aegis vault file (unencrypted)',
  'aegis-encrypted': 'an encrypted Aegis vault file',
  'google-qr': 'Google Authenticator transfer QR codes',
  kdbx: 'a KeePass database (KDBX 4) for KeePassXC or KeePass',
};

export const exportCommand: CommandModule = (program, sessionFor) => {
  program
    .command('export')
    .description('export seeds to another app, or an encrypted copy of the vault')
    .argument(
      '[accounts...]',
      'the accounts to export (ids, issuers or issuer:account); all when none',
    )
    .addOption(
      new Option('--format <format>', 'what to write')
        .choices(EXPORT_FORMATS)
        .makeOptionMandatory(),
    )
    .requiredOption(
      '--out <path>',
      'the file to create (for google-qr, a folder for the PNG files)',
    )
    .option('-y, --yes', 'write an unencrypted export without asking')
    .action(async (queries: string[], options: ExportOptions, command) => {
      const session = sessionFor(command);
      const { format, out } = options;
      if (format === 'sparekey' && queries.length > 0) {
        throw new VaultError(
          'INVALID_INPUT',
          'The sparekey format copies the whole vault; leave out the account names.',
        );
      }
      const plaintext = PLAINTEXT_EXPORT_FORMATS.includes(format);
      if (plaintext && !options.yes && !isInteractive(session.terminal)) {
        throw new VaultError(
          'REFUSED',
          `Not writing ${WHAT[format]}: it holds your seeds unencrypted, so anyone who reads ${out} can generate your codes. Add --yes to write it anyway.`,
        );
      }
      const password =
        format === 'aegis-encrypted'
          ? await exportPassword(session.terminal)
          : format === 'kdbx'
            ? await exportPassword(session.terminal, 'the KeePass database')
            : undefined;

      const outcome = await session.withVault(async (vault): Promise<ExportOutcome | null> => {
        if (format === 'sparekey') {
          const copy = await copyVault(vault, out);
          return {
            format,
            files: [copy.path],
            exported: vault.accounts.list().length,
            notExported: [],
          };
        }
        const accountIds =
          queries.length > 0 ? queries.map((query) => vault.accounts.resolve(query).id) : undefined;
        if (plaintext && !options.yes) {
          const count = vault.exports.select(accountIds).accounts.length;
          const sure = await askYesNo(
            session.terminal,
            `This writes the seeds of ${count} account${count === 1 ? '' : 's'} UNENCRYPTED to ${out}: anyone who reads it can generate your codes. Continue?`,
          );
          if (!sure) return null;
        }
        return vault.exports.writeFile(format as SeedExportFormat, out, { accountIds, password });
      });
      if (outcome === null) throw new VaultError('REFUSED', 'Nothing was exported.');

      const output = session.output;
      if (output.json) output.data(outcome);
      if (format === 'sparekey') {
        output.note(`Copied the vault to ${out}; it opens with the vault's password.`);
      } else {
        const where = outcome.files.length === 1 ? out : `${outcome.files.length} files in ${out}`;
        output.note(
          `Wrote ${outcome.exported} account${outcome.exported === 1 ? '' : 's'} as ${WHAT[format]} to ${where} (readable by you only).`,
        );
        if (plaintext) output.note('Delete it once it has been imported where it is going.');
      }
      for (const left of outcome.notExported) {
        output.note(`Not exported: ${accountFullName(left)}: ${left.reason}.`);
      }
    });
};
