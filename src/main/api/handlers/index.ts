import type { Handlers } from '../../../shared/contract/index.js';
import type { AppSession } from '../app-session.js';
import { accountHandlers } from './account-handlers.js';
import { recoveryHandlers } from './recovery-handlers.js';
import { backupCodeHandlers } from './backup-code-handlers.js';
import { loginHandlers } from './login-handlers.js';
import { vaultHandlers } from './vault-handlers.js';
import { sheetHandlers } from './sheet-handlers.js';

/** The one handler table, used by the Electron IPC and by the e2e test host alike. */
export function createHandlers(session: AppSession): Handlers {
  return {
    ...vaultHandlers(session),
    ...accountHandlers(session),
    ...recoveryHandlers(session),
    ...backupCodeHandlers(session),
    ...loginHandlers(session),
    ...sheetHandlers(session),
  };
}
