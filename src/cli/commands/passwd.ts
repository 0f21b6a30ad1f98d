import type { CommandModule } from '../command-kit.js';
import { newPassword, vaultPassword } from '../passwords.js';

export const passwdCommand: CommandModule = (program, sessionFor) => {
  program
    .command('passwd')
    .description("change the vault's password (new one from SPAREKEY_NEW_PASSWORD or asked twice)")
    .action(async (_options, command) => {
      const session = sessionFor(command);
      const vault = session.openLocked();
      try {
        const current = await vaultPassword(session.terminal, 'Current vault password: ');
        const next = await newPassword(session.terminal, 'SPAREKEY_NEW_PASSWORD');
        await vault.changePassword(current, next);
      } finally {
        vault.close();
      }
      session.output.note('Password changed. The old password no longer opens this vault.');
    });
};
