import QRCode from 'qrcode';

/**
 * QR codes as PNG images, with the `qrcode` library. Medium error correction
 * keeps a Google Authenticator transfer of ten accounts scannable from a screen.
 */
const OPTIONS = { errorCorrectionLevel: 'M', margin: 4, scale: 6 } as const;

export async function qrPng(text: string): Promise<Uint8Array> {
  return new Uint8Array(await QRCode.toBuffer(text, { ...OPTIONS, type: 'png' }));
}

export function qrPngDataUrl(text: string): Promise<string> {
  return QRCode.toDataURL(text, { ...OPTIONS, type: 'image/png' });
}
