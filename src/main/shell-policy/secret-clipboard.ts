/**
 * What Sparekey puts on the clipboard when it copies a code, a backup code, a
 * password or a setup key: the text, plus the marks password managers use
 * (KeePassXC, KeePass) so that clipboard managers and the system's clipboard
 * history leave it out:
 *
 * - Windows: `ExcludeClipboardContentFromMonitorProcessing` (any data: no
 *   clipboard history, no cloud sync, ignored by clipboard monitors), and the
 *   DWORD 0 formats `CanIncludeInClipboardHistory` and
 *   `CanUploadToCloudClipboard` (Microsoft's "Cloud Clipboard and Clipboard
 *   History Formats").
 * - macOS: `org.nspasteboard.ConcealedType` (the nspasteboard.org convention
 *   that macOS clipboard managers honour); KeePassXC puts the text under it.
 * - Linux (X11 and Wayland): `x-kde-passwordManagerHint` = `secret` (Klipper,
 *   and the managers that followed it: CopyQ, wl-clip-persist, …).
 *
 * Electron (44 and later) writes all of them with the text in one atomic
 * `clipboard.write([new ClipboardItem(entry)])`, raw platform formats under
 * `electron application/osclipboard;format="…"`. A plain function: unit-tested
 * without Electron.
 */

/** A payload as ClipboardItem takes it: a string is written as UTF-8, bytes as they are. */
export type ClipboardPayload = string | Uint8Array;

/** Electron's name for a raw platform clipboard format. */
export function rawClipboardFormat(name: string): string {
  return `electron application/osclipboard;format="${name}"`;
}

const DWORD_ZERO = new Uint8Array(4);

function secretMarks(text: string, platform: NodeJS.Platform): Record<string, ClipboardPayload> {
  switch (platform) {
    case 'win32':
      return {
        [rawClipboardFormat('ExcludeClipboardContentFromMonitorProcessing')]: new Uint8Array([1]),
        [rawClipboardFormat('CanIncludeInClipboardHistory')]: DWORD_ZERO,
        [rawClipboardFormat('CanUploadToCloudClipboard')]: DWORD_ZERO,
      };
    case 'darwin':
      return { [rawClipboardFormat('org.nspasteboard.ConcealedType')]: text };
    default:
      return { [rawClipboardFormat('x-kde-passwordManagerHint')]: 'secret' };
  }
}

/** The clipboard entry for a copied secret on `platform`: the text and its platform's marks. */
export function secretClipboardEntry(
  text: string,
  platform: NodeJS.Platform,
): Record<string, ClipboardPayload> {
  return { 'text/plain': text, ...secretMarks(text, platform) };
}
