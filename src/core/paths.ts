import { homedir } from 'node:os';
import { join } from 'node:path';
import { COUNTER_MEMORY_FILE } from './storage/counter-memory.js';

export const APP_FOLDER_NAME = 'Sparekey';
export const DEFAULT_VAULT_FILE = 'vault.sparekey';

/**
 * The per-user app-data folder Electron's `app.getPath('userData')` uses for an
 * app named Sparekey, computed without Electron so the CLI and the desktop app
 * share one default vault.
 */
export function appDataFolder(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32')
    return join(env.APPDATA || join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_FOLDER_NAME);
}

/** Where this computer remembers each vault's highest write counter (never inside a vault). */
export function counterMemoryPath(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  return join(appDataFolder(platform, env, home), COUNTER_MEMORY_FILE);
}

export function defaultVaultPath(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  return join(appDataFolder(platform, env, home), DEFAULT_VAULT_FILE);
}
