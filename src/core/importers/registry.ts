import { VaultError } from '../../shared/errors.js';
import type { ImportFormat } from '../../shared/import-export.js';
import type { FileContent } from './file-content.js';
import type { Importer } from './import-types.js';
import { aegisImporter } from './formats/aegis.js';
import { andOtpImporter } from './formats/andotp.js';
import { bitwardenCsvImporter } from './formats/bitwarden-csv.js';
import { bitwardenJsonImporter } from './formats/bitwarden-json.js';
import { enteEncryptedImporter } from './formats/ente-encrypted.js';
import { freeOtpPlusImporter } from './formats/freeotp-plus.js';
import { googleMigrationImporter, otpauthLinksImporter } from './formats/otpauth-links.js';
import { kdbxImporter } from './formats/kdbx.js';
import { lastPassImporter } from './formats/lastpass.js';
import { onePassword1puxImporter } from './formats/onepassword-1pux.js';
import { protonPassImporter } from './formats/proton-pass.js';
import { steamMaFileImporter } from './formats/steam-mafile.js';
import { protonImporter } from './formats/proton.js';
import { qrImageImporter } from './formats/qr-image.js';
import { stratumImporter } from './formats/stratum.js';
import { twoFasImporter } from './formats/two-fas.js';

/**
 * Every importer, in the order detection asks them: formats with a magic header
 * or distinctive keys first, andOTP's headerless binary and plain text last.
 */
export const IMPORTERS: readonly Importer[] = [
  qrImageImporter,
  kdbxImporter,
  onePassword1puxImporter,
  protonPassImporter,
  stratumImporter,
  aegisImporter,
  twoFasImporter,
  bitwardenJsonImporter,
  enteEncryptedImporter,
  freeOtpPlusImporter,
  protonImporter,
  steamMaFileImporter,
  lastPassImporter,
  andOtpImporter,
  bitwardenCsvImporter,
  googleMigrationImporter,
  otpauthLinksImporter,
];

export function importerFor(format: ImportFormat): Importer {
  const importer = IMPORTERS.find((candidate) => candidate.format === format);
  if (importer === undefined) throw new Error(`No importer for ${format}`);
  return importer;
}

/** The importer a file's content belongs to; INVALID_INPUT naming the file when none claims it. */
export function detectImporter(file: FileContent): Importer {
  const importer = IMPORTERS.find((candidate) => candidate.detect(file));
  if (importer !== undefined) return importer;
  if (file.bytes.length === 0) throw file.damaged('it is empty');
  if (file.looksLikeJson && file.json === undefined) file.requireJson();
  if (/\.mafile$/i.test(file.name) && !file.looksLikeJson) {
    throw file.damaged(
      'it looks like an encrypted Steam Desktop Authenticator maFile; remove the encryption in Steam Desktop Authenticator (Manage Encryption) and import the maFile again',
    );
  }
  if (Buffer.from(file.bytes.subarray(0, 16)).toString('latin1') === 'SQLite format 3\u0000') {
    throw withReason(
      file.damaged('it is an SQLite database, such as a Sparekey vault, not an export'),
      'vault-file',
    );
  }
  // No advice for one front end in the message: the CLI adds "--format", the app its own words.
  throw withReason(
    file.damaged(
      'its content is not a format Sparekey reads (otpauth:// links, Google Authenticator transfers, QR code images, KeePass, Aegis, 2FAS, Bitwarden, Ente Auth, andOTP, FreeOTP+, Proton Authenticator, Stratum, LastPass Authenticator, Steam Desktop Authenticator, 1Password .1pux, Proton Pass)',
    ),
    'unknown-format',
  );
}

/** The refusal with `details.reason`, which front ends turn into their own advice. */
function withReason(error: VaultError, reason: 'vault-file' | 'unknown-format'): VaultError {
  return new VaultError(error.code, error.message, { ...error.details, reason });
}
