import { Command } from 'commander';
import { sessionFactory, type CommandModule } from './command-kit.js';
import { addCommand } from './commands/add.js';
import { codeCommand } from './commands/code.js';
import { contactsCommand } from './commands/contacts.js';
import { healthCommand } from './commands/health.js';
import { codesCommand } from './commands/codes.js';
import { generateCommand } from './commands/generate.js';
import { exportCommand } from './commands/export.js';
import { importCommand } from './commands/import.js';
import { initCommand } from './commands/init.js';
import { listCommand } from './commands/list.js';
import { methodsCommand } from './commands/methods.js';
import { passwdCommand } from './commands/passwd.js';
import { recoveryCommand } from './commands/recovery.js';
import { passwordCommand } from './commands/password.js';
import { removeCommand } from './commands/remove.js';
import { removedCommand } from './commands/removed.js';
import { showCommand } from './commands/show.js';
import { sheetCommand } from './commands/sheet.js';
import { backupCommand, restoreCommand, verifyCommand } from './commands/backup.js';
import type { Terminal } from './terminal.js';

/** Every command of the CLI, in the order `--help` lists them. */
const COMMANDS: CommandModule[] = [
  initCommand,
  addCommand,
  listCommand,
  showCommand,
  codeCommand,
  codesCommand,
  passwordCommand,
  generateCommand,
  removeCommand,
  removedCommand,
  healthCommand,
  sheetCommand,
  backupCommand,
  restoreCommand,
  verifyCommand,
  contactsCommand,
  methodsCommand,
  recoveryCommand,
  importCommand,
  exportCommand,
  passwdCommand,
];

export function buildProgram(terminal: Terminal, version: string): Command {
  const program = new Command('sparekey')
    .description(
      'Sparekey: authenticator seeds, backup codes and recovery contacts, in an encrypted vault.',
    )
    .version(version)
    .option(
      '--vault <path>',
      "the vault file (default: $SPAREKEY_VAULT, else the desktop app's vault)",
    )
    .option('--json', 'print data as JSON')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (text) => terminal.stdout.write(text),
      writeErr: (text) => terminal.stderr.write(text),
    })
    .exitOverride();
  program.addHelpText(
    'after',
    `
Passwords are never taken from arguments: the vault password comes from
SPAREKEY_PASSWORD or a hidden prompt; a new one from SPAREKEY_NEW_PASSWORD
(passwd) or a prompt that asks twice; an account's password (add
--password-prompt, password set) from SPAREKEY_ACCOUNT_PASSWORD or a prompt
that asks twice; an imported file's from SPAREKEY_IMPORT_PASSWORD or a prompt;
an encrypted export's from SPAREKEY_EXPORT_PASSWORD or a prompt that asks twice.

Also read: SPAREKEY_CHROMIUM (the browser for sheet --pdf), SPAREKEY_DEBUG=1
(the details of unexpected errors), NO_COLOR (no colour even on a terminal).
Data goes to stdout, messages to stderr; piped, lists are tab-separated rows.

Exit codes: 0 done; 1 bad input, not found, ambiguous or refused;
2 wrong password; 3 vault damaged, not a vault, or from a newer Sparekey.`,
  );
  const sessionFor = sessionFactory(terminal);
  for (const register of COMMANDS) register(program, sessionFor);
  // Subcommands (e.g. `password set`) too: errors are returned as exit codes, output goes to the terminal.
  const configure = (parent: Command): void => {
    for (const command of parent.commands) {
      command.exitOverride().configureOutput(program.configureOutput());
      configure(command);
    }
  };
  configure(program);
  return program;
}
