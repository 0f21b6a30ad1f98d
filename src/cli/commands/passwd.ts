import { Option } from 'commander';
import { read } from 'read';
import { type OldBackupsChoice, OLD_BACKUPS_CHOICES } from '../../shared/backups.js';
import { VaultError } from '../../shared/errors.js';
import type { CommandModule } from '../command-kit.js';
import { newPassword } from '../passwords.js';
import { isInteractive, type Terminal } from '../terminal.js';
import { backups, reportOldBackups } from '../backup-report.js';

/** Asks what to do with the backups that would still open with the old password (Enter: re-encrypt). */
async function askChoice(terminal: Terminal, count: number): Promise<OldBackupsChoice> {
  const answer = await read({
    prompt: `${backups(count)} in the backups folder open with the current password, and would still open with it after the change. Re-encrypt ${count === 1 ? 'it' : 'them'} under the new password, delete ${count === 1 ? 'it' : 'them'}, or keep ${count === 1 ? 'it' : 'them'} as ${count === 1 ? 'it is' : 'they are'}? [R/d/k] `,
    input: terminal.stdin,
    output: terminal.stderr,
  }).catch((error: unknown) => {
    if (error instanceof Error && /canceled/i.test(error.message)) {
      throw new VaultError('REFUSED', 'Cancelled; nothing was changed.');
    }
    throw error;
  });
  const text = String(answer).trim().toLowerCase();
  if (text === '' || text === 'r' || text === 're-encrypt' || text === 'reencrypt') {
    return 'reencrypt';
  }
  if (text === 'd' || text === 'delete') return 'delete';
  if (text === 'k' || text === 'keep') return 'keep';
  throw new VaultError(
    'INVALID_INPUT',
    `"${String(answer).trim()}" is not one of the answers (r, d or k); nothing was changed.`,
  );
}

export const passwdCommand: CommandModule = (program, sessionFor) => {
  program
    .command('passwd')
    .description(
      "change the vault's password and its key (new one from SPAREKEY_NEW_PASSWORD or asked twice)",
    )
    .addOption(
      new Option(
        '--backups <choice>',
        'the backups that open with the old password: reencrypt them under the new one, delete them, or keep them (asked on a terminal; keep otherwise)',
      ).choices([...OLD_BACKUPS_CHOICES]),
    )
    .action(async (options: { backups?: OldBackupsChoice }, command) => {
      const session = sessionFor(command);
      const out = session.output;
      const vault = session.openLocked();
      try {
        const current = await session.passwordFor(vault, 'Current vault password: ');
        // Unlocked first: a format-1 vault is upgraded, and the backups are told apart with its key.
        await vault.unlock(current);
        session.reportOpening(vault);
        const next = await newPassword(session.terminal, 'SPAREKEY_NEW_PASSWORD');
        const count = vault.backups.oldBackupsPreview().underCurrentKey.length;
        const choice =
          options.backups ??
          (count > 0 && isInteractive(session.terminal)
            ? await askChoice(session.terminal, count)
            : 'keep');
        const oldKey = await vault.rotateKey(current, next);
        out.note('Password changed. The old password no longer opens this vault.');
        const report = await vault.backups.afterPasswordChange(oldKey, choice);
        if (out.json) out.data({ changed: true, backups: report });
        reportOldBackups(session, report, vault.backups.folder());
      } finally {
        vault.close();
      }
    });
};
