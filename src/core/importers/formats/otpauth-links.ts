import { EntryCollector } from '../entries.js';
import type { FileContent } from '../file-content.js';
import type { Importer, OpenedFile } from '../import-types.js';
import { collectUriEntries, isCommentLine, splitUriText } from '../uri-entries.js';

/** The start of the first line that is neither blank nor a `#` comment. */
function firstLink(file: FileContent): string {
  const text = file.text ?? '';
  const line = text.split(/\r?\n|\r/, 200).find((candidate) => {
    const trimmed = candidate.trim();
    return trimmed !== '' && !isCommentLine(trimmed);
  });
  return (line ?? '').trimStart().slice(0, 32).toLowerCase();
}

function openLinks(file: FileContent): OpenedFile {
  const text = file.requireText();
  return {
    encrypted: false,
    read: () => {
      const collector = new EntryCollector();
      const batchParts = collectUriEntries(splitUriText(text), collector);
      const ente = /[?&]codeDisplay=/i.test(text);
      return Promise.resolve(
        collector.result({
          batchParts,
          ...(ente ? { description: 'Ente Auth plain export (otpauth:// links)' } : {}),
        }),
      );
    },
  };
}

/** `otpauth://` links, one a line or comma-separated: plain exports of Ente Auth, Aegis and others. */
export const otpauthLinksImporter: Importer = {
  format: 'otpauth',
  label: 'otpauth:// links',
  detect: (file) => firstLink(file).startsWith('otpauth://'),
  open: openLinks,
};

/** Google Authenticator transfer links (`otpauth-migration://offline?data=…`), as text. */
export const googleMigrationImporter: Importer = {
  format: 'google-migration',
  label: 'Google Authenticator transfer links',
  detect: (file) => firstLink(file).startsWith('otpauth-migration://'),
  open: openLinks,
};
