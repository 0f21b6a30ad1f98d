import { isVaultError } from '../../../shared/errors.js';
import { imageKind, readQrCodes } from '../../qr/read-qr.js';
import { EntryCollector } from '../entries.js';
import type { Importer } from '../import-types.js';
import { collectUriEntries } from '../uri-entries.js';

/** QR codes in PNG or JPEG images: otpauth:// codes and Google Authenticator transfer codes. */
export const qrImageImporter: Importer = {
  format: 'qr-image',
  label: 'QR code image',
  detect: (file) => imageKind(file.bytes) !== null,
  open: (file) => ({
    encrypted: false,
    read: async () => {
      let codes;
      try {
        codes = await readQrCodes(file.bytes);
      } catch (error) {
        if (isVaultError(error)) throw file.damaged(error.message, error.cause);
        throw error;
      }
      if (codes.length === 0) throw file.damaged('no QR code was found in the image');
      const collector = new EntryCollector();
      const batchParts = collectUriEntries(
        codes.map((code, index) => ({
          label: codes.length > 1 ? `QR code ${index + 1}` : 'the QR code',
          text: code.text,
        })),
        collector,
      );
      return collector.result({
        batchParts,
        description: `${imageKind(file.bytes) === 'png' ? 'PNG' : 'JPEG'} image with ${codes.length} QR code${codes.length === 1 ? '' : 's'}`,
      });
    },
  }),
};
