import { basename } from 'node:path';
import type { FileExportFormat } from '../../../shared/contract/file-methods.js';
import type { Handlers } from '../../../shared/contract/index.js';
import { VaultError } from '../../../shared/errors.js';
import type { AppSession } from '../app-session.js';
import type { DesktopServices, SaveFileRequest } from '../desktop-services.js';
import { needDesktop } from './desktop-handlers.js';
import { replacePrivateFile, type Vault } from '../../../core/index.js';

type ExportFileHandlers = Pick<Handlers, 'exportToFile'>;

const SAVE_DIALOGS: Record<
  FileExportFormat,
  Omit<SaveFileRequest, 'defaultName'> & { extension: string }
> = {
  otpauth: {
    title: 'Export otpauth:// links (unencrypted)',
    extension: 'txt',
    filters: [{ name: 'Text files', extensions: ['txt'] }],
  },
  aegis: {
    title: 'Export an Aegis vault file (unencrypted)',
    extension: 'json',
    filters: [{ name: 'Aegis vault (JSON)', extensions: ['json'] }],
  },
  'aegis-encrypted': {
    title: 'Export an encrypted Aegis vault file',
    extension: 'json',
    filters: [{ name: 'Aegis vault (JSON)', extensions: ['json'] }],
  },
};

/** The file's text and what went in, before anything is asked or written. */
async function exportText(
  vault: Vault,
  format: FileExportFormat,
  accountIds: string[] | undefined,
  password: string | undefined,
) {
  const result =
    format === 'otpauth'
      ? vault.exports.otpauthText(accountIds)
      : await vault.exports.aegisJson(accountIds, format === 'aegis' ? undefined : password);
  if (result.accounts.length === 0) {
    throw new VaultError(
      'REFUSED',
      'None of these accounts has an authenticator seed to export. No file was written.',
    );
  }
  return result;
}

/**
 * Export to a file the user picks in the OS save dialog: the export is built
 * first (a refusal asks nothing), then the dialog; a cancel writes nothing.
 */
export function exportFileHandlers(
  session: AppSession,
  desktop: DesktopServices | undefined,
): ExportFileHandlers {
  return {
    exportToFile: async ({ format, accountIds, password }) => {
      const shell = needDesktop(desktop, 'Saving an export to a file belongs to the desktop app.');
      const vault = session.unlocked();
      const result = await exportText(vault, format, accountIds, password);
      const notExported = result.notExported.map(({ issuer, accountName, reason }) => ({
        issuer,
        accountName,
        reason,
      }));
      const { extension, ...dialog } = SAVE_DIALOGS[format];
      const day = new Date(session.clock.now()).toISOString().slice(0, 10);
      const path = await shell.chooseSavePath({
        ...dialog,
        defaultName: `sparekey-export-${day}.${extension}`,
      });
      const exported = result.accounts.length;
      if (path === null) return { saved: false, fileName: null, exported: 0, notExported };
      // The vault may have locked while the dialog was open: nothing leaves a locked vault.
      session.unlocked();
      replacePrivateFile(path, result.text);
      return { saved: true, fileName: basename(path), exported, notExported };
    },
  };
}
