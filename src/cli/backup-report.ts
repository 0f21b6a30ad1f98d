import { describeLeftBackup, type OldBackupsReport } from '../shared/backups.js';
import type { CliSession } from './session.js';
import { listBackupFiles } from '../core/index.js';

/** "1 backup", "3 backups" */
export const backups = (n: number) => `${n} backup${n === 1 ? '' : 's'}`;

/** Says on stderr what became of the backups made before a password change (`passwd`, `backup --reencrypt`). */
export function reportOldBackups(
  session: CliSession,
  report: OldBackupsReport,
  folder: string,
): void {
  const out = session.output;
  const { reencrypted, deleted, kept, left } = report;
  if (reencrypted.length > 0) {
    out.note(
      `Re-encrypted ${backups(reencrypted.length)} in ${folder} under the new password; the old password no longer opens ${reencrypted.length === 1 ? 'it' : 'them'}.`,
    );
  }
  if (deleted.length > 0) {
    out.note(
      `Deleted ${backups(deleted.length)} that opened with the old password (their bytes overwritten first).`,
    );
  }
  if (kept.length > 0) {
    out.note(
      `Warning: ${backups(kept.length)} in ${folder} still open with the old password. To re-encrypt ${kept.length === 1 ? 'it' : 'them'} under the new password, run \`sparekey backup --reencrypt\` (it asks for the old password, or reads SPAREKEY_OLD_PASSWORD); or delete ${kept.length === 1 ? 'it' : 'them'}.`,
    );
  }
  for (const file of left) out.note(`Left ${file.path}: ${describeLeftBackup(file)}`);
  if (deleted.length > 0 && listBackupFiles(session.vaultPath).length === 0) {
    out.note('No backup of the vault is left: make one now with `sparekey backup`.');
  }
}
