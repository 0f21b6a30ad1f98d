import { z } from 'zod';
import { aesGcmOpen, GCM_TAG_LENGTH, scrypt } from '../../crypto/interop.js';
import { buildEntry, otpTypeOf, EntryCollector, parseEntry, seedFrom } from '../entries.js';
import { base64Bytes, hexBytes } from '../encoding.js';
import type { FileContent } from '../file-content.js';
import type { Importer, ReadResult } from '../import-types.js';
import { kdfTooCostly } from '../limits.js';

/**
 * Aegis Authenticator's vault export: `{version: 1, header: {slots, params}, db}`,
 * db being the content (versions 1 to 3) in plain JSON, or Base64 AES-256-GCM
 * under a master key that each password slot holds, sealed with an scrypt key.
 */

const CryptParamsSchema = z.object({ nonce: z.string(), tag: z.string() });
const SlotSchema = z
  .object({
    type: z.number(),
    key: z.string(),
    key_params: CryptParamsSchema,
    n: z.number().int().optional(),
    r: z.number().int().optional(),
    p: z.number().int().optional(),
    salt: z.string().optional(),
  })
  .loose();
const VaultFileSchema = z.object({
  version: z.number(),
  header: z.object({
    slots: z.array(SlotSchema).nullable(),
    params: CryptParamsSchema.nullable(),
  }),
  db: z.union([z.string(), z.record(z.string(), z.unknown())]),
});
const ContentSchema = z
  .object({
    version: z.number().int(),
    entries: z.array(z.unknown()),
    groups: z.array(z.object({ uuid: z.string(), name: z.string() }).loose()).optional(),
  })
  .loose();
const EntrySchema = z
  .object({
    type: z.string(),
    name: z.string().nullish(),
    issuer: z.string().nullish(),
    note: z.string().nullish(),
    group: z.string().nullish(),
    groups: z.array(z.string()).optional(),
    info: z
      .object({
        secret: z.string(),
        algo: z.string().optional(),
        digits: z.number().int().optional(),
        period: z.number().int().optional(),
        counter: z.number().int().optional(),
      })
      .loose(),
  })
  .loose();

export const AEGIS_FILE_VERSION = 1;
export const AEGIS_CONTENT_VERSIONS = [1, 2, 3];
export const AEGIS_PASSWORD_SLOT = 1;
/** Aegis writes every password slot with scrypt N = 2^15, r = 8, p = 1 (SCryptParameters); never more. */
export const AEGIS_MAX_SCRYPT = { N: 2 ** 15, r: 8, p: 1 } as const;

type VaultFile = z.infer<typeof VaultFileSchema>;

function readVaultFile(file: FileContent): VaultFile {
  const parsed = VaultFileSchema.safeParse(file.requireJson());
  if (!parsed.success) throw file.damaged('its header or content is missing or malformed');
  if (parsed.data.version !== AEGIS_FILE_VERSION) {
    throw file.damaged(
      `it is an Aegis file of version ${parsed.data.version}; Sparekey reads version 1`,
    );
  }
  return parsed.data;
}

async function decryptContent(
  file: FileContent,
  vault: VaultFile,
  password: string,
): Promise<unknown> {
  const slots = (vault.header.slots ?? []).filter((slot) => slot.type === AEGIS_PASSWORD_SLOT);
  if (slots.length === 0) {
    throw file.damaged('it has no password slot (export it from Aegis with a password)');
  }
  let masterKey: Uint8Array | null = null;
  for (const slot of slots) {
    const salt = hexBytes(slot.salt ?? '');
    const key = hexBytes(slot.key);
    const nonce = hexBytes(slot.key_params.nonce);
    const tag = hexBytes(slot.key_params.tag);
    const { n = 0, r = 0, p = 0 } = slot;
    if (!salt || !key || !nonce || !tag || tag.length !== GCM_TAG_LENGTH) {
      throw file.damaged('a password slot is malformed');
    }
    if (n < 2 || (n & (n - 1)) !== 0 || r < 1 || p < 1) {
      throw file.damaged('a password slot has unusable scrypt parameters');
    }
    if (n > AEGIS_MAX_SCRYPT.N || r > AEGIS_MAX_SCRYPT.r || p > AEGIS_MAX_SCRYPT.p) {
      throw kdfTooCostly(
        file,
        'Aegis',
        `scrypt N = ${n}, r = ${r}, p = ${p}`,
        `N = 2^15, r = 8, p = 1`,
      );
    }
    const slotKey = await scrypt(password, salt, { N: n, r, p });
    masterKey = aesGcmOpen(slotKey, nonce, Buffer.concat([key, tag]));
    slotKey.fill(0);
    if (masterKey !== null) break;
  }
  if (masterKey === null) throw file.wrongPassword();
  const params = vault.header.params;
  const nonce = hexBytes(params?.nonce ?? '');
  const tag = hexBytes(params?.tag ?? '');
  const sealed = typeof vault.db === 'string' ? base64Bytes(vault.db) : null;
  if (!nonce || !tag || !sealed) throw file.damaged('its encrypted content is malformed');
  const plaintext = aesGcmOpen(masterKey, nonce, Buffer.concat([sealed, tag]));
  masterKey.fill(0);
  return file.decryptedJson(plaintext, 'encrypted content');
}

function convert(file: FileContent, content: unknown, encrypted: boolean): ReadResult {
  const parsed = ContentSchema.safeParse(content);
  if (!parsed.success) throw file.damaged('its list of entries is missing or malformed');
  const { version, entries, groups = [] } = parsed.data;
  if (!AEGIS_CONTENT_VERSIONS.includes(version)) {
    throw file.damaged(`its content version ${version} is not one Sparekey reads (1 to 3)`);
  }
  const groupNames = new Map(groups.map((group) => [group.uuid, group.name]));
  const collector = new EntryCollector();
  collector.each(
    entries,
    (raw) => raw.issuer,
    (raw, label) => {
      const entry = parseEntry(EntrySchema, raw);
      const type = otpTypeOf(entry.type);
      const warnings: string[] = [];
      const tags: string[] = [];
      if (entry.group) tags.push(entry.group);
      for (const uuid of entry.groups ?? []) {
        const name = groupNames.get(uuid);
        if (name !== undefined) tags.push(name);
        else warnings.push(`it refers to a group that is not in the file (${uuid})`);
      }
      return buildEntry(label, {
        issuer: entry.issuer,
        accountName: entry.name,
        notes: entry.note,
        tags,
        warnings,
        seed: seedFrom({
          type,
          secret: entry.info.secret,
          algorithm: entry.info.algo,
          digits: entry.info.digits,
          period: entry.info.period,
          counter: entry.info.counter,
        }),
      });
    },
  );
  return collector.result({
    description: `Aegis vault${encrypted ? ' (encrypted)' : ''}, content version ${version}`,
  });
}

export const aegisImporter: Importer = {
  format: 'aegis',
  label: 'Aegis vault',
  detect: (file) => file.hasJsonKeys('header', 'db'),
  open: (file) => {
    const vault = readVaultFile(file);
    const encrypted = typeof vault.db === 'string';
    return {
      encrypted,
      read: async (password) => {
        if (!encrypted) return convert(file, vault.db, false);
        return convert(file, await decryptContent(file, vault, password ?? ''), true);
      },
    };
  },
};
