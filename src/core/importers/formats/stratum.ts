import { z } from 'zod';
import { invalidInput } from '../../../shared/errors.js';
import { fromUtf8 } from '../../crypto/bytes.js';
import { aesCbcOpen, aesGcmOpen, argon2id, pbkdf2 } from '../../crypto/interop.js';
import { buildEntry, EntryCollector, parseEntry, seedFrom } from '../entries.js';
import type { FileContent } from '../file-content.js';
import type { Importer, ReadResult } from '../import-types.js';

/**
 * Stratum (formerly Authenticator Pro) backups. Plain: JSON with `Authenticators`,
 * `Categories` and `AuthenticatorCategories`. Encrypted: the header
 * "AUTHENTICATORPRO", a 16-byte salt, a 12-byte IV and AES-256-GCM under Argon2id
 * (64 MiB, 3 passes, 4 lanes); the legacy header "AuthenticatorPro" is followed by
 * a 20-byte salt, a 16-byte IV and AES-256-CBC under PBKDF2-HMAC-SHA1 (64,000 rounds).
 */

const HEADER = 'AUTHENTICATORPRO';
const LEGACY_HEADER = 'AuthenticatorPro';

const TYPES: Record<number, 'hotp' | 'totp' | 'steam' | undefined> = {
  1: 'hotp',
  2: 'totp',
  4: 'steam',
};
const TYPE_NAMES: Record<number, string> = { 3: 'mOTP', 5: 'Yandex' };
const ALGORITHMS: Record<number, string> = { 0: 'SHA1', 1: 'SHA256', 2: 'SHA512' };

const AuthenticatorSchema = z
  .object({
    Type: z.number().int(),
    Issuer: z.string().nullish(),
    Username: z.string().nullish(),
    Secret: z.string(),
    Algorithm: z.number().int().default(0),
    Digits: z.number().int().optional(),
    Period: z.number().int().optional(),
    Counter: z.number().int().optional(),
  })
  .loose();

const BackupSchema = z
  .object({
    Authenticators: z.array(z.unknown()),
    Categories: z.array(z.object({ Id: z.string(), Name: z.string() }).loose()).nullish(),
    AuthenticatorCategories: z
      .array(z.object({ CategoryId: z.string(), AuthenticatorSecret: z.string() }).loose())
      .nullish(),
  })
  .loose();

function headerOf(bytes: Uint8Array): string {
  return Buffer.from(bytes.subarray(0, HEADER.length)).toString('latin1');
}

function convert(file: FileContent, json: unknown, encrypted: boolean): ReadResult {
  const parsed = BackupSchema.safeParse(json);
  if (!parsed.success) throw file.damaged('its list of authenticators is missing or malformed');
  const categories = new Map((parsed.data.Categories ?? []).map((c) => [c.Id, c.Name]));
  const tagsBySecret = new Map<string, string[]>();
  for (const link of parsed.data.AuthenticatorCategories ?? []) {
    const name = categories.get(link.CategoryId);
    if (name === undefined) continue;
    tagsBySecret.set(link.AuthenticatorSecret, [
      ...(tagsBySecret.get(link.AuthenticatorSecret) ?? []),
      name,
    ]);
  }
  const collector = new EntryCollector();
  collector.each(
    parsed.data.Authenticators,
    (raw) => raw.Issuer,
    (raw, label) => {
      const entry = parseEntry(AuthenticatorSchema, raw);
      const type = TYPES[entry.Type];
      if (type === undefined) {
        throw invalidInput(
          `${TYPE_NAMES[entry.Type] ?? `type ${entry.Type}`} codes are not supported by Sparekey`,
        );
      }
      const algorithm = ALGORITHMS[entry.Algorithm];
      if (algorithm === undefined)
        throw invalidInput(`its algorithm (${entry.Algorithm}) is unknown`);
      return buildEntry(label, {
        issuer: entry.Issuer,
        accountName: entry.Username,
        tags: tagsBySecret.get(entry.Secret) ?? [],
        seed: seedFrom({
          type,
          secret: entry.Secret,
          algorithm,
          digits: entry.Digits,
          period: entry.Period,
          counter: entry.Counter,
        }),
      });
    },
  );
  return collector.result({
    description: `Stratum / Authenticator Pro backup${encrypted ? ' (encrypted)' : ''}`,
  });
}

async function decrypt(file: FileContent, password: string): Promise<unknown> {
  const bytes = file.bytes;
  const legacy = headerOf(bytes) === LEGACY_HEADER;
  const saltLength = legacy ? 20 : 16;
  const ivLength = legacy ? 16 : 12;
  const start = HEADER.length;
  if (bytes.length < start + saltLength + ivLength + 16) throw file.damaged('it is truncated');
  const salt = bytes.subarray(start, start + saltLength);
  const iv = bytes.subarray(start + saltLength, start + saltLength + ivLength);
  const data = bytes.subarray(start + saltLength + ivLength);
  const key = legacy
    ? await pbkdf2('sha1', password, salt, 64_000)
    : await argon2id(password, salt, { memoryKiB: 64 * 1024, passes: 3, lanes: 4 });
  const plaintext = legacy ? aesCbcOpen(key, iv, data) : aesGcmOpen(key, iv, data);
  key.fill(0);
  if (plaintext === null) throw file.wrongPassword(true);
  if (!legacy) return file.decryptedJson(plaintext, 'content');
  try {
    return JSON.parse(fromUtf8(plaintext)) as unknown;
  } catch {
    // CBC without a MAC: a wrong password usually fails the padding, but not always.
    throw file.wrongPassword(true);
  } finally {
    plaintext.fill(0);
  }
}

export const stratumImporter: Importer = {
  format: 'stratum',
  label: 'Stratum / Authenticator Pro backup',
  detect: (file) => {
    const header = headerOf(file.bytes);
    if (header === HEADER || header === LEGACY_HEADER) return true;
    return file.hasJsonKeys('Authenticators');
  },
  open: (file) => {
    const header = headerOf(file.bytes);
    if (header === HEADER || header === LEGACY_HEADER) {
      return {
        encrypted: true,
        read: async (password) => convert(file, await decrypt(file, password ?? ''), true),
      };
    }
    const json = file.requireJson();
    return { encrypted: false, read: () => Promise.resolve(convert(file, json, false)) };
  },
};
