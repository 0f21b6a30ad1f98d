/** Loaded when needed, not for every command. */
const qrcode = async () => (await import('qrcode')).default;

/**
 * QR codes as PNG images, with the `qrcode` library. Medium error correction
 * keeps a Google Authenticator transfer of ten accounts scannable from a screen.
 */
const OPTIONS = { errorCorrectionLevel: 'M', margin: 4, scale: 6 } as const;

export async function qrPng(text: string): Promise<Uint8Array> {
  return new Uint8Array(await (await qrcode()).toBuffer(text, { ...OPTIONS, type: 'png' }));
}

export async function qrPngDataUrl(text: string): Promise<string> {
  return (await qrcode()).toDataURL(text, { ...OPTIONS, type: 'image/png' });
}
