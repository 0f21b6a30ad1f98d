import { VaultError } from '../shared/errors.js';
import { askHidden, isInteractive, type Terminal } from './terminal.js';

/**
 * The vault password: SPAREKEY_PASSWORD, else a hidden prompt on a terminal,
 * else a clear error. Passwords are never taken from command arguments.
 */
export async function vaultPassword(
  terminal: Terminal,
  prompt = 'Vault password: ',
): Promise<string> {
  const fromEnv = terminal.env.SPAREKEY_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!isInteractive(terminal)) {
    throw new VaultError(
      'INVALID_INPUT',
      'No password: set SPAREKEY_PASSWORD, or run the command in a terminal to be asked for it.',
    );
  }
  return askHidden(terminal, prompt);
}

/**
 * A new password (for `init` and `passwd`): from `envName`, else asked twice on a
 * terminal, else a clear error.
 */
export async function newPassword(terminal: Terminal, envName: string): Promise<string> {
  const fromEnv = terminal.env[envName];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!isInteractive(terminal)) {
    throw new VaultError(
      'INVALID_INPUT',
      `No new password: set ${envName}, or run the command in a terminal to be asked for it.`,
    );
  }
  const first = await askHidden(terminal, 'New vault password: ');
  const second = await askHidden(terminal, 'Repeat the new password: ');
  if (first !== second)
    throw new VaultError('INVALID_INPUT', 'The two passwords differ; nothing was changed.');
  return first;
}
