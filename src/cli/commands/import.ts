import { Option } from 'commander';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { VaultError } from '../../shared/errors.js';
import {
  IMPORT_FORMATS,
  type ImportFormat,
  type ImportPreview,
} from '../../shared/import-export.js';
import { accountFullName } from '../../shared/account-names.js';
import { otpDescription } from '../account-format.js';
import type { CommandModule } from '../command-kit.js';
import type { Output } from '../output.js';
import { passwordFromEnvOrPrompt } from '../passwords.js';
import { askYesNo, isInteractive, type Terminal } from '../terminal.js';
import {
  describeBytes,
  fileProblem,
  MAX_IMPORT_FILE_BYTES,
  previewOf,
  type ImportFileInput,
} from '../../core/index.js';

interface ImportOptions {
  format?: ImportFormat;
  keyFile?: string;
  dryRun?: boolean;
  yes?: boolean;
  skipUnreadable?: boolean;
}

/** The file's size is checked before it is read: a huge file is refused without loading it. */
function readImportFile(path: string): ImportFileInput {
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    if (size > MAX_IMPORT_FILE_BYTES) {
      throw new VaultError(
        'INVALID_INPUT',
        `${basename(path)} cannot be imported: it is ${describeBytes(size)}, larger than any export file (Sparekey reads up to ${describeBytes(MAX_IMPORT_FILE_BYTES)}).`,
        { file: basename(path) },
      );
    }
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof VaultError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new VaultError('NOT_FOUND', `There is no file at ${path}.`);
    if (code === 'EISDIR')
      throw new VaultError('INVALID_INPUT', `${path} is a folder, not a file.`);
    throw new VaultError(
      'IO_ERROR',
      `Cannot read ${path}: ${fileProblem(error, 'read')}.`,
      undefined,
      {
        cause: error,
      },
    );
  }
  return { name: basename(path), bytes: new Uint8Array(bytes) };
}

function filePassword(terminal: Terminal, name: string): Promise<string> {
  return passwordFromEnvOrPrompt(
    terminal,
    'SPAREKEY_IMPORT_PASSWORD',
    `Password for ${name}: `,
    `${name} is encrypted: set SPAREKEY_IMPORT_PASSWORD, or run the command in a terminal to be asked for its password.`,
  );
}

/** The preview, file by file: what will be added, what is already there, skipped, or unreadable. */
function printPreview(out: Output, preview: ImportPreview): void {
  for (const file of preview.files) {
    out.line(`${file.name}: ${file.description}`);
    const rows: string[][] = [];
    for (const entry of preview.entries.filter((item) => item.file === file.name)) {
      const tags = entry.tags.length > 0 ? `, tags: ${entry.tags.join(', ')}` : '';
      const login = entry.hasLogin ? ', with login' : '';
      rows.push(
        entry.duplicateOf
          ? [
              'duplicate',
              accountFullName(entry),
              entry.duplicateOf.accountId
                ? `already in the vault as ${accountFullName(entry.duplicateOf)}`
                : `same seed as ${accountFullName(entry.duplicateOf)} above`,
            ]
          : ['add', accountFullName(entry), `${otpDescription(entry.otp)}${tags}${login}`],
      );
      for (const warning of entry.warnings) rows.push(['', '', `note: ${warning}`]);
    }
    for (const note of preview.skipped.filter((item) => item.file === file.name)) {
      rows.push(['skipped', note.label, note.reason.replace(/^skipped: /, '')]);
    }
    for (const note of preview.failed.filter((item) => item.file === file.name)) {
      rows.push(['FAILED', note.label, note.reason]);
    }
    if (rows.length > 0)
      out.table(
        ['  ACTION', 'ENTRY', 'DETAILS'],
        rows.map(([a = '', ...rest]) => [`  ${a}`, ...rest]),
      );
    else out.line('  (no entries)');
  }
  const acrossFiles = preview.failed.filter(
    (note) => !preview.files.some((file) => file.name === note.file),
  );
  for (const note of acrossFiles) out.line(`FAILED  ${note.label} (${note.file}): ${note.reason}`);
}

function summary(preview: ImportPreview): string {
  const duplicates = preview.entries.length - preview.toImport;
  const parts = [
    duplicates > 0 ? `${duplicates} duplicate${duplicates === 1 ? '' : 's'}` : '',
    preview.skipped.length > 0 ? `${preview.skipped.length} skipped` : '',
    preview.failed.length > 0 ? `${preview.failed.length} could not be read` : '',
  ].filter(Boolean);
  const accounts = `${preview.toImport} account${preview.toImport === 1 ? '' : 's'}`;
  return parts.length > 0 ? `${accounts} to import (${parts.join(', ')})` : `${accounts} to import`;
}

/** The core's refusal, with what to do about it on the command line. */
function withCliAdvice(error: unknown): unknown {
  if (!(error instanceof VaultError)) return error;
  const advice =
    error.details?.reason === 'unknown-format'
      ? 'If you know what it is, name the format with --format.'
      : error.details?.reason === 'vault-file'
        ? 'Open a vault with --vault instead of importing it.'
        : null;
  return advice === null
    ? error
    : new VaultError(error.code, `${error.message} ${advice}`, error.details);
}

export const importCommand: CommandModule = (program, sessionFor) => {
  program
    .command('import')
    .description(
      'import accounts from other apps’ export files (a preview first, then all or nothing)',
    )
    .argument('<file...>', 'export files, QR code images or otpauth:// link lists')
    .addOption(
      new Option(
        '--format <format>',
        'read the files as this format instead of detecting it',
      ).choices(IMPORT_FORMATS),
    )
    .option(
      '--key-file <path>',
      'the key file of a KeePass database (with its password, or alone: press Enter at the password)',
    )
    .option('--dry-run', 'only show what would be imported; write nothing')
    .option('-y, --yes', 'import without asking')
    .option(
      '--skip-unreadable',
      'with --yes: import the readable entries even when some could not be read',
    )
    .action(async (paths: string[], options: ImportOptions, command) => {
      const session = sessionFor(command);
      const out = session.output;
      const files = paths.map(readImportFile);
      const keyFile = options.keyFile === undefined ? undefined : readImportFile(options.keyFile);
      const result = await session.withVault(async (vault) => {
        const plan = await vault.imports
          .preview(files, {
            format: options.format,
            // A KeePass database with only a key file: no password to ask for off a terminal.
            password: (name) =>
              keyFile !== undefined &&
              !isInteractive(session.terminal) &&
              !session.terminal.env.SPAREKEY_IMPORT_PASSWORD
                ? ''
                : filePassword(session.terminal, name),
            keyFile: () => keyFile?.bytes,
          })
          .catch((error: unknown) => {
            throw withCliAdvice(error);
          });
        const preview = previewOf(plan);
        if (!out.json) printPreview(out, preview);
        const failed = preview.failed.length;
        const unreadable = `${failed} entr${failed === 1 ? 'y' : 'ies'} could not be read (listed above)`;
        if (options.dryRun || preview.toImport === 0) {
          return { preview, outcome: null, reason: options.dryRun ? 'dry run' : 'nothing new' };
        }
        if (options.yes && failed > 0 && !options.skipUnreadable) {
          // Never half a file without a person saying so.
          return { preview, outcome: null, reason: 'unreadable' };
        }
        if (!options.yes) {
          if (!isInteractive(session.terminal)) {
            return { preview, outcome: null, reason: 'not confirmed' };
          }
          const question =
            failed > 0
              ? `${summary(preview)}; ${unreadable}. Import the rest?`
              : `${summary(preview)}. Import?`;
          if (!(await askYesNo(session.terminal, question))) {
            return { preview, outcome: null, reason: 'declined' };
          }
        }
        return { preview, outcome: vault.imports.commit(plan), reason: null };
      });

      const { preview, outcome, reason } = result;
      if (out.json) out.data({ ...preview, committed: outcome !== null, outcome });
      const failed = preview.failed.length;
      if (outcome !== null) {
        out.note(
          `Imported ${outcome.imported.length} account${outcome.imported.length === 1 ? '' : 's'}${failed > 0 ? `; ${failed} entr${failed === 1 ? 'y' : 'ies'} could not be read and ${failed === 1 ? 'was' : 'were'} not imported` : ''}.`,
        );
        return;
      }
      const because =
        reason === 'unreadable'
          ? 'Nothing was imported: fix the file, or add --skip-unreadable to import the readable entries.'
          : reason === 'not confirmed'
            ? 'Nothing was imported: add --yes to import without a terminal to confirm on.'
            : reason === 'declined'
              ? 'Nothing was imported.'
              : reason === 'dry run'
                ? `Dry run: ${summary(preview)}; nothing was written.`
                : `Nothing new to import: ${summary(preview)}.`;
      if (failed > 0 || reason === 'not confirmed' || reason === 'declined') {
        throw new VaultError(
          'REFUSED',
          failed > 0
            ? `${because} ${failed} entr${failed === 1 ? 'y' : 'ies'} could not be read.`
            : because,
        );
      }
      out.note(because);
    });
};
