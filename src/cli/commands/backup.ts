import { formatFileSize } from '../../shared/backups.js';
import { isVaultError, VaultError } from '../../shared/errors.js';
import type { CommandModule } from '../command-kit.js';
import { passwordFromEnvOrPrompt, vaultPassword } from '../passwords.js';
import { restoreVault, verifyVaultFile, listBackupFiles, systemClock } from '../../core/index.js';
import { reportOldBackups } from '../backup-report.js';

/** 2026-05-03 10:00:00 UTC */
function formatTime(at: number): string {
  return `${new Date(at).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

export const backupCommand: CommandModule = (program, sessionFor) => {
  program
    .command('backup')
    .description(
      'back the vault up now (encrypted, same password) into the backups folder beside it, or to --out',
    )
    .option('--out <file>', 'write the backup to this new file instead (not rotated)')
    .option('--list', 'list the backups in the backups folder, and what no backup holds yet')
    .option(
      '--reencrypt',
      're-encrypt under the current password the backups that open with an earlier one (asks for it, or reads SPAREKEY_OLD_PASSWORD)',
    )
    .action(async (options: { out?: string; list?: boolean; reencrypt?: boolean }, command) => {
      const session = sessionFor(command);
      const out = session.output;
      if ([options.list, options.reencrypt, options.out !== undefined].filter(Boolean).length > 1) {
        throw new VaultError(
          'INVALID_INPUT',
          'Use one of --list, --reencrypt and --out at a time.',
        );
      }
      if (options.reencrypt) {
        const { report, folder } = await session.withVault(async (vault) => {
          const earlier = vault.backups.oldBackupsPreview();
          const count = listBackupFiles(session.vaultPath).length - earlier.underCurrentKey.length;
          const old =
            count > 0
              ? await passwordFromEnvOrPrompt(
                  session.terminal,
                  'SPAREKEY_OLD_PASSWORD',
                  'The earlier password they open with: ',
                  'No earlier password: set SPAREKEY_OLD_PASSWORD, or run the command in a terminal to be asked for it.',
                )
              : '';
          return {
            report: await vault.backups.reencryptWithPassword(old),
            folder: vault.backups.folder(),
          };
        });
        if (out.json) return out.data(report);
        if (report.reencrypted.length === 0 && report.left.length === 0) {
          out.note(`Every backup in ${folder} opens with the vault's current password.`);
        }
        reportOldBackups(session, report, folder);
        return;
      }
      if (options.list) {
        const { status, files } = await session.withVault((vault) => ({
          status: vault.backups.status(),
          files: vault.backups.listWithPasswords(),
        }));
        if (out.json) return out.data({ status, backups: files });
        out.line(`Backups in ${status.folder}:`);
        if (files.length === 0) out.line('  none yet');
        for (const file of files) {
          const notes = [
            ...(file.kind === 'before-restore' ? ['the vault a restore replaced'] : []),
            ...(file.opensWith === 'earlier' ? ['opens with an earlier password'] : []),
          ];
          out.line(
            `  ${formatTime(file.at)}  ${formatFileSize(file.bytes).padStart(7)}  ${file.name}${notes.length > 0 ? `  (${notes.join('; ')})` : ''}`,
          );
        }
        out.line(
          status.unsavedChanges === 0
            ? 'Every change is in a backup.'
            : `${status.unsavedChanges} change${status.unsavedChanges === 1 ? ' is' : 's are'} in no backup yet.`,
        );
        return;
      }
      const result = await session.withVault((vault) => vault.backups.create({ out: options.out }));
      if (out.json) return out.data(result);
      out.note(
        `Backed up the vault to ${result.path} (${formatFileSize(result.bytes)}; all ${result.records} records decrypted to check it). It opens with the vault's current password.`,
      );
      if (result.removed.length > 0) {
        out.note(
          `Removed ${result.removed.length} older backup${result.removed.length === 1 ? '' : 's'} (the rotation keeps the last 10 and one a day for 30 days, unless the vault's settings say otherwise).`,
        );
      }
    });
};

export const restoreCommand: CommandModule = (program, sessionFor) => {
  program
    .command('restore')
    .description(
      'replace the vault with a backup (checked first; the replaced vault is kept in the backups folder)',
    )
    .argument('<file>', 'the backup file')
    .option('--force', 'replace the existing vault')
    .action(async (file: string, options: { force?: boolean }, command) => {
      const session = sessionFor(command);
      const password = await vaultPassword(session.terminal, "Backup's password: ");
      const result = await restoreVault({
        from: file,
        to: session.vaultPath,
        password,
        force: Boolean(options.force),
        clock: systemClock,
        vaultOptions: { counterMemory: session.counterMemory },
      });
      if (session.output.json) return session.output.data(result);
      session.output.note(
        `Restored ${result.from} to ${result.vaultPath} (all ${result.records} records decrypted to check it). It opens with the backup's password.`,
      );
      if (result.keptAs) session.output.note(`The vault it replaced is kept at ${result.keptAs}.`);
    });
};

export const verifyCommand: CommandModule = (program, sessionFor) => {
  program
    .command('verify')
    .description(
      'check a vault or a backup: SQLite integrity, and every record decrypts (exit 3 when damaged)',
    )
    .argument('[file]', 'the file to check (default: the vault)')
    .action(async (file: string | undefined, _options, command) => {
      const session = sessionFor(command);
      const path = file ?? session.vaultPath;
      const password = await vaultPassword(session.terminal);
      let report;
      try {
        report = await verifyVaultFile(path, password);
      } catch (error) {
        if (isVaultError(error) && error.code === 'VAULT_DAMAGED') {
          throw new VaultError(
            'VAULT_DAMAGED',
            `DAMAGED: ${error.message} Restore from a backup (sparekey backup --list, then sparekey restore FILE --force).`,
            error.details,
          );
        }
        throw error;
      }
      if (session.output.json) return session.output.data({ ok: true, path, ...report });
      session.output.line(
        `OK: ${path} is intact. The SQLite integrity check passed and all ${report.records} records decrypt.`,
      );
    });
};
