import { z } from 'zod';
import { aesGcmOpen, pbkdf2 } from '../../crypto/interop.js';
import { parseOtpauthUri } from '../../otp/otpauth.js';
import { buildEntry, otpTypeOf, EntryCollector, parseEntry, seedFrom } from '../entries.js';
import { base64Bytes } from '../encoding.js';
import type { FileContent } from '../file-content.js';
import type { Importer, ReadResult } from '../import-types.js';

/**
 * 2FAS Authenticator's backup (`.2fas`), schemas 1 to 4. Encrypted backups hold
 * `servicesEncrypted` and `reference` as `ciphertext:salt:iv` (Base64), AES-256-GCM
 * under PBKDF2-HMAC-SHA256 (10,000 rounds); the reference decrypts to a known
 * text, which tells a wrong password from a damaged file.
 */

export const TWOFAS_PBKDF2_ROUNDS = 10_000;
export const TWOFAS_SCHEMAS = [1, 2, 3, 4];

const BackupSchema = z
  .object({
    schemaVersion: z.number().int(),
    services: z.array(z.unknown()).default([]),
    servicesEncrypted: z.string().optional(),
    reference: z.string().optional(),
    groups: z.array(z.object({ id: z.string(), name: z.string() }).loose()).nullish(),
  })
  .loose();

/** The documented defaults fill what a schema leaves out (schema 1 stores only the secret). */
const ServiceSchema = z
  .object({
    name: z.string().nullish(),
    secret: z.string(),
    groupId: z.string().nullish(),
    notes: z.string().nullish(),
    otp: z
      .object({
        account: z.string().nullish(),
        issuer: z.string().nullish(),
        label: z.string().nullish(),
        link: z.string().nullish(),
        digits: z.number().int().default(6),
        period: z.number().int().default(30),
        algorithm: z.string().default('SHA1'),
        tokenType: z.string().default('TOTP'),
        counter: z.number().int().default(0),
      })
      .loose()
      .default({ digits: 6, period: 30, algorithm: 'SHA1', tokenType: 'TOTP', counter: 0 }),
  })
  .loose();

type Backup = z.infer<typeof BackupSchema>;

/** The account name in the label of the otpauth link 2FAS kept, or '' when it has none or does not parse. */
function linkAccountName(link: string | null | undefined): string {
  if (!link) return '';
  try {
    return parseOtpauthUri(link).accountName;
  } catch {
    return '';
  }
}

function sealedParts(
  file: FileContent,
  text: string,
): { data: Uint8Array; salt: Uint8Array; iv: Uint8Array } {
  const [data, salt, iv] = text.split(':').map((part) => base64Bytes(part));
  if (!data || !salt || !iv) throw file.damaged('its encrypted part is malformed');
  return { data, salt, iv };
}

async function decrypt(file: FileContent, backup: Backup, password: string): Promise<unknown> {
  const services = sealedParts(file, backup.servicesEncrypted ?? '');
  const key = await pbkdf2('sha256', password, services.salt, TWOFAS_PBKDF2_ROUNDS);
  let referenceOpened = false;
  if (backup.reference !== undefined) {
    const reference = sealedParts(file, backup.reference);
    const referenceKey = Buffer.from(reference.salt).equals(Buffer.from(services.salt))
      ? key
      : await pbkdf2('sha256', password, reference.salt, TWOFAS_PBKDF2_ROUNDS);
    if (aesGcmOpen(referenceKey, reference.iv, reference.data) === null) throw file.wrongPassword();
    referenceOpened = true;
  }
  const plaintext = aesGcmOpen(key, services.iv, services.data);
  key.fill(0);
  if (plaintext === null && !referenceOpened) throw file.wrongPassword();
  return file.decryptedJson(plaintext, 'encrypted services');
}

function convert(
  file: FileContent,
  backup: Backup,
  services: unknown,
  encrypted: boolean,
): ReadResult {
  if (!Array.isArray(services)) throw file.damaged('its list of services is malformed');
  const groups = new Map((backup.groups ?? []).map((group) => [group.id, group.name]));
  const collector = new EntryCollector();
  collector.each(
    services,
    (raw) => raw.name,
    (raw, label) => {
      const service = parseEntry(ServiceSchema, raw);
      const otp = service.otp;
      const type = otpTypeOf(otp.tokenType);
      const labelName = otp.label?.includes(':')
        ? otp.label.slice(otp.label.indexOf(':') + 1)
        : otp.label;
      // 2FAS keeps the link it was set up from; its label names the account when the fields are empty.
      const group = service.groupId ? groups.get(service.groupId) : undefined;
      return buildEntry(label, {
        issuer: otp.issuer || service.name,
        accountName: otp.account || labelName || linkAccountName(otp.link),
        notes: service.notes,
        tags: group ? [group] : [],
        warnings:
          service.groupId && group === undefined
            ? [`it refers to a group that is not in the file (${service.groupId})`]
            : [],
        seed: seedFrom({
          type,
          secret: service.secret,
          algorithm: otp.algorithm,
          digits: otp.digits,
          period: otp.period,
          counter: otp.counter,
        }),
      });
    },
  );
  return collector.result({
    description: `2FAS backup${encrypted ? ' (encrypted)' : ''}, schema ${backup.schemaVersion}`,
  });
}

export const twoFasImporter: Importer = {
  format: '2fas',
  label: '2FAS backup',
  detect: (file) =>
    file.hasJsonKeys('schemaVersion', 'services') ||
    file.hasJsonKeys('schemaVersion', 'servicesEncrypted'),
  open: (file) => {
    const parsed = BackupSchema.safeParse(file.requireJson());
    if (!parsed.success)
      throw file.damaged('its services or schema version are missing or malformed');
    const backup = parsed.data;
    if (!TWOFAS_SCHEMAS.includes(backup.schemaVersion)) {
      throw file.damaged(
        `it uses 2FAS schema ${backup.schemaVersion}; Sparekey reads schemas 1 to 4`,
      );
    }
    const encrypted =
      typeof backup.servicesEncrypted === 'string' && backup.servicesEncrypted !== '';
    return {
      encrypted,
      read: async (password) =>
        encrypted
          ? convert(file, backup, await decrypt(file, backup, password ?? ''), true)
          : convert(file, backup, backup.services, false),
    };
  },
};
