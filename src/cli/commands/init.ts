import type { CommandModule } from '../command-kit.js';
import { newPassword } from '../passwords.js';
import { Vault } from '../../core/index.js';

export const initCommand: CommandModule = (program, sessionFor) => {
  program
    .command('init')
    .description('create a new, empty vault (password from SPAREKEY_PASSWORD or asked twice)')
    .action(async (_options, command) => {
      const session = sessionFor(command);
      const password = await newPassword(session.terminal, 'SPAREKEY_PASSWORD');
      const vault = await Vault.create(session.vaultPath, password, {
        counterMemory: session.counterMemory,
      });
      vault.close();
      if (session.output.json) session.output.data({ created: session.vaultPath });
      else session.output.note(`Created an empty vault at ${session.vaultPath}.`);
    });
};
