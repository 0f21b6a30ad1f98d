import type { Command } from 'commander';
import { CliSession, type GlobalOptions } from './session.js';
import type { Terminal } from './terminal.js';

/** Each command module exports one of these; `program.ts` lists them. */
export type CommandModule = (
  program: Command,
  sessionFor: (command: Command) => CliSession,
) => void;

export function sessionFactory(terminal: Terminal): (command: Command) => CliSession {
  return (command) => new CliSession(terminal, command.optsWithGlobals<GlobalOptions>());
}
