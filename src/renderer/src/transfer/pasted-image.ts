import type { ClipboardEvent } from 'react';

/** The image in a paste (a screenshot of a QR code), if there is one. */
export function pastedImage(event: ClipboardEvent): File | null {
  const files = [...event.clipboardData.files];
  return files.find((file) => file.type.startsWith('image/')) ?? null;
}
