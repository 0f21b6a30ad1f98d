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

/** The password protecting an encrypted export (`--format aegis-encrypted` or `kdbx`). */
export function exportPassword(terminal: Terminal, what = 'the Aegis export'): Promise<string> {
  return enteredTwice(terminal, 'SPAREKEY_EXPORT_PASSWORD', `password for ${what}`, [
    `Password for ${what}: `,
    'Repeat it: ',
  ]);
}
