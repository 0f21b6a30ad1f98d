import type { Handlers } from '../../../shared/contract/index.js';
import type { AppSession } from '../app-session.js';
import type { DesktopServices } from '../desktop-services.js';
import { accountHandlers } from './account-handlers.js';
import { healthHandlers } from './health-handlers.js';
import { recoveryHandlers } from './recovery-handlers.js';
import { backupCodeHandlers } from './backup-code-handlers.js';
import { loginHandlers } from './login-handlers.js';
import { importHandlers } from './import-handlers.js';
import { desktopHandlers } from './desktop-handlers.js';
import { settingsHandlers } from './settings-handlers.js';
import { vaultHandlers } from './vault-handlers.js';
import { sheetHandlers } from './sheet-handlers.js';
import { exportFileHandlers } from './export-file-handlers.js';
import { sheetOutputHandlers } from './sheet-output-handlers.js';

/**
 * The one handler table, used by the Electron IPC and by the e2e test host alike.
 * `desktop` (clipboard, auto-lock, notifications) is given by the Electron shell
 * and the test host; without it the desktop-only methods are refused.
 */
export function createHandlers(session: AppSession, desktop?: DesktopServices): Handlers {
  return {
    ...vaultHandlers(session),
    ...accountHandlers(session),
    ...recoveryHandlers(session),
    ...healthHandlers(session),
    ...backupCodeHandlers(session),
    ...loginHandlers(session),
    ...importHandlers(session),
    ...settingsHandlers(session, desktop),
    ...desktopHandlers(session, desktop),
    ...sheetHandlers(session),
    ...exportFileHandlers(session, desktop),
    ...sheetOutputHandlers(session, desktop),
  };
}
