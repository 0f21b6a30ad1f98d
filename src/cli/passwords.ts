import { VaultError } from '../shared/errors.js';
import { askHidden, isInteractive, type Terminal } from './terminal.js';

/**
 * A password from the environment variable `envName`, else a hidden prompt on a
 * terminal, else INVALID_INPUT with `missing`. Never from command arguments.
 */
export async function passwordFromEnvOrPrompt(
  terminal: Terminal,
  envName: string,
  prompt: string,
  missing: string,
): Promise<string> {
  const fromEnv = terminal.env[envName];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!isInteractive(terminal)) throw new VaultError('INVALID_INPUT', missing);
  return askHidden(terminal, prompt);
}

/**
 * The vault password: SPAREKEY_PASSWORD, else a hidden prompt on a terminal,
 * else a clear error. Passwords are never taken from command arguments.
 */
export function vaultPassword(terminal: Terminal, prompt = 'Vault password: '): Promise<string> {
  return passwordFromEnvOrPrompt(
    terminal,
    'SPAREKEY_PASSWORD',
    prompt,
    'No password: set SPAREKEY_PASSWORD, or run the command in a terminal to be asked for it.',
  );
}

/**
 * A new password (for `init` and `passwd`): from `envName`, else asked twice on a
 * terminal, else a clear error.
 */
export async function newPassword(
  terminal: Terminal,
  envName: string,
  prompt = 'New vault password: ',
): Promise<string> {
  const fromEnv = terminal.env[envName];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!isInteractive(terminal)) {
    throw new VaultError(
      'INVALID_INPUT',
      `No new password: set ${envName}, or run the command in a terminal to be asked for it.`,
    );
  }
  const first = await askHidden(terminal, prompt);
  const second = await askHidden(terminal, 'Repeat the new password: ');
  if (first !== second)
    throw new VaultError('INVALID_INPUT', 'The two passwords differ; nothing was changed.');
  return first;
}
