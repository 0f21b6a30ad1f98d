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
 * A password being set: from the variable `envName`, else asked twice on a
 * terminal (hidden), else a clear error naming the variable.
 */
async function enteredTwice(
  terminal: Terminal,
  envName: string,
  what: string,
  prompts: [string, string],
): Promise<string> {
  const fromEnv = terminal.env[envName];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!isInteractive(terminal)) {
    throw new VaultError(
      'INVALID_INPUT',
      `No ${what}: set ${envName}, or run the command in a terminal to be asked for it.`,
    );
  }
  const first = await askHidden(terminal, prompts[0]);
  if (first === '')
    throw new VaultError('INVALID_INPUT', 'Nothing was entered; nothing was changed.');
  const second = await askHidden(terminal, prompts[1]);
  if (first !== second)
    throw new VaultError('INVALID_INPUT', 'The two entries differ; nothing was changed.');
  return first;
}

/** A new vault password (for `init` and `passwd`). */
export function newPassword(terminal: Terminal, envName: string): Promise<string> {
  return enteredTwice(terminal, envName, 'new password', [
    'New vault password: ',
    'Repeat the new password: ',
  ]);
}

/** An account's password to store (for `add --password-prompt` and `password set`). */
export function accountPassword(terminal: Terminal, label: string): Promise<string> {
  return enteredTwice(terminal, 'SPAREKEY_ACCOUNT_PASSWORD', `password for ${label}`, [
    `Password for ${label}: `,
    'Repeat it: ',
  ]);
}
