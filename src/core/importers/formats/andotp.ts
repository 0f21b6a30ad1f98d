import { z } from 'zod';
import { fromUtf8 } from '../../crypto/bytes.js';
import {
  aesGcmOpen,
  GCM_TAG_LENGTH,
  passwordBytes,
  pbkdf2,
  sha256Digest,
} from '../../crypto/interop.js';
import { buildEntry, otpTypeOf, EntryCollector, parseEntry, seedFrom } from '../entries.js';
import type { FileContent } from '../file-content.js';
import type { Importer, ReadResult } from '../import-types.js';

/**
 * andOTP's backup: a JSON array of entries, or that array encrypted with
 * AES-256-GCM. The current format starts with the PBKDF2-HMAC-SHA1 round count
 * (4 bytes, big-endian) and a 12-byte salt, then the 12-byte nonce; the old one
 * is only nonce and ciphertext, under SHA-256 of the password.
 */

const SALT_LENGTH = 12;
const NONCE_LENGTH = 12;
/**
 * andOTP picks its PBKDF2 round count at random between 140,000 and 160,000
 * (Constants.PBKDF2_MIN/MAX_ITERATIONS) and writes it in the file's first four
 * bytes. A larger count is not andOTP's current format: the file is then read
 * as the old one (no key derivation), never derived with that count.
 */
export const ANDOTP_MAX_ROUNDS = 160_000;

const EntrySchema = z
  .object({
    secret: z.string(),
    issuer: z.string().nullish(),
    label: z.string().nullish(),
    type: z.string(),
    algorithm: z.string().optional(),
    digits: z.number().int().optional(),
    period: z.number().int().optional(),
    counter: z.number().int().optional(),
    tags: z.array(z.string()).nullish(),
    note: z.string().nullish(),
  })
  .loose();

function convert(entries: unknown[], encrypted: boolean): ReadResult {
  const collector = new EntryCollector();
  collector.each(
    entries,
    (raw) => raw.issuer,
    (raw, label) => {
      const entry = parseEntry(EntrySchema, raw);
      const type = otpTypeOf(entry.type);
      // Old andOTP files have no issuer field: the label is "Issuer - account".
      let issuerName = entry.issuer ?? '';
      let accountName = entry.label ?? '';
      if (entry.issuer == null && accountName.includes(' - ')) {
        issuerName = accountName.slice(0, accountName.indexOf(' - '));
        accountName = accountName.slice(accountName.indexOf(' - ') + 3);
      }
      return buildEntry(label, {
        issuer: issuerName,
        accountName,
        notes: entry.note,
        tags: entry.tags ?? [],
        seed: seedFrom({
          type,
          secret: entry.secret,
          algorithm: entry.algorithm,
          digits: entry.digits,
          period: entry.period,
          counter: entry.counter,
        }),
      });
    },
  );
  return collector.result({ description: `andOTP backup${encrypted ? ' (encrypted)' : ''}` });
}

function parseDecrypted(plaintext: Uint8Array): unknown[] | null {
  try {
    const json = JSON.parse(fromUtf8(plaintext)) as unknown;
    return Array.isArray(json) ? json : null;
  } catch {
    return null;
  } finally {
    plaintext.fill(0);
  }
}

async function decrypt(file: FileContent, password: string): Promise<unknown[]> {
  const bytes = file.bytes;
  const rounds = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
  const headerLength = 4 + SALT_LENGTH;
  if (rounds >= 1 && rounds <= ANDOTP_MAX_ROUNDS) {
    const key = await pbkdf2('sha1', password, bytes.subarray(4, headerLength), rounds);
    const plaintext = aesGcmOpen(
      key,
      bytes.subarray(headerLength, headerLength + NONCE_LENGTH),
      bytes.subarray(headerLength + NONCE_LENGTH),
    );
    key.fill(0);
    if (plaintext !== null) {
      const entries = parseDecrypted(plaintext);
      if (entries === null) throw file.damaged('its decrypted content is not an andOTP entry list');
      return entries;
    }
  }
  // The old format: SHA-256 of the password as the key, no salt.
  const oldKey = sha256Digest(passwordBytes(password));
  const plaintext = aesGcmOpen(
    oldKey,
    bytes.subarray(0, NONCE_LENGTH),
    bytes.subarray(NONCE_LENGTH),
  );
  oldKey.fill(0);
  if (plaintext === null) throw file.wrongPassword(true);
  const entries = parseDecrypted(plaintext);
  if (entries === null) throw file.damaged('its decrypted content is not an andOTP entry list');
  return entries;
}

/** Binary files that are something else, recognised by their first bytes: never andOTP. */
const OTHER_BINARY_FORMATS = [
  'SQLite format 3\u0000',
  'PK\u0003\u0004',
  '%PDF',
  'GIF8',
  'RIFF',
  '\u001f\u008b',
];

function isOtherBinary(bytes: Uint8Array): boolean {
  const start = Buffer.from(bytes.subarray(0, 16)).toString('latin1');
  return OTHER_BINARY_FORMATS.some((magic) => start.startsWith(magic));
}

function isPlainList(json: unknown): json is unknown[] {
  const first = Array.isArray(json) ? (json[0] as Record<string, unknown> | undefined) : undefined;
  return typeof first === 'object' && first !== null && 'secret' in first && 'type' in first;
}

export const andOtpImporter: Importer = {
  format: 'andotp',
  label: 'andOTP backup',
  detect: (file) =>
    isPlainList(file.json) ||
    // Encrypted backups have no header: binary, and long enough for a nonce and a tag.
    (file.text === null &&
      file.bytes.length >= 4 + SALT_LENGTH + NONCE_LENGTH + GCM_TAG_LENGTH &&
      !isOtherBinary(file.bytes)),
  open: (file) => {
    if (file.text !== null) {
      const json = file.requireJson();
      if (!Array.isArray(json)) throw file.damaged('it is not an andOTP entry list');
      return { encrypted: false, read: () => Promise.resolve(convert(json, false)) };
    }
    if (file.bytes.length < NONCE_LENGTH + GCM_TAG_LENGTH) throw file.damaged('it is truncated');
    return {
      encrypted: true,
      read: async (password) => convert(await decrypt(file, password ?? ''), true),
    };
  },
};
