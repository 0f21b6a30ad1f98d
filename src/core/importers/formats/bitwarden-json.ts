import { z } from 'zod';
import { utf8 } from '../../crypto/bytes.js';
import {
  aesCbcOpen,
  argon2id,
  hkdfExpandSha256,
  hmacSha256,
  pbkdf2,
  sameMac,
  sha256Digest,
} from '../../crypto/interop.js';
import { EntryCollector } from '../entries.js';
import { base64Bytes } from '../encoding.js';
import type { FileContent } from '../file-content.js';
import type { Importer, ReadResult } from '../import-types.js';
import { kdfTooCostly } from '../limits.js';
import { collectBitwardenItems } from './bitwarden-items.js';

/**
 * Bitwarden's JSON export: unencrypted, or password-protected (the whole export
 * as one EncString `2.iv|ciphertext|mac`, AES-256-CBC with HMAC-SHA256, under a
 * key stretched with HKDF from PBKDF2-SHA256 or Argon2id of the password).
 */

const PBKDF2 = 0;
/**
 * The most Bitwarden lets anyone set (its clients' MAXIMUM_PBKDF2_ITERATIONS,
 * MAXIMUM_ARGON2_ITERATIONS, _MEMORY in MiB and _PARALLELISM).
 */
export const BITWARDEN_MAX = {
  pbkdf2Iterations: 2_000_000,
  argon2Iterations: 10,
  argon2MemoryMiB: 1024,
  argon2Parallelism: 16,
} as const;
const ARGON2ID = 1;

const ExportSchema = z
  .object({
    encrypted: z.boolean().optional(),
    passwordProtected: z.boolean().optional(),
    folders: z.array(z.object({ id: z.string(), name: z.string() }).loose()).nullish(),
    collections: z.array(z.object({ id: z.string(), name: z.string() }).loose()).nullish(),
    items: z.array(z.unknown()).optional(),
  })
  .loose();

const ProtectedSchema = z.object({
  salt: z.string().min(1),
  kdfType: z.number().int(),
  kdfIterations: z.number().int(),
  kdfMemory: z.number().int().nullish(),
  kdfParallelism: z.number().int().nullish(),
  encKeyValidation_DO_NOT_EDIT: z.string(),
  data: z.string(),
});
type Protected = z.infer<typeof ProtectedSchema>;

interface StretchedKey {
  encKey: Uint8Array;
  macKey: Uint8Array;
}

async function masterKey(
  file: FileContent,
  spec: Protected,
  password: string,
): Promise<Uint8Array> {
  if (spec.kdfType === PBKDF2) {
    if (spec.kdfIterations < 1) throw file.damaged('its PBKDF2 iteration count is out of range');
    if (spec.kdfIterations > BITWARDEN_MAX.pbkdf2Iterations) {
      throw kdfTooCostly(
        file,
        'Bitwarden',
        `${spec.kdfIterations.toLocaleString('en')} PBKDF2 iterations`,
        `${BITWARDEN_MAX.pbkdf2Iterations.toLocaleString('en')}`,
      );
    }
    return pbkdf2('sha256', password, utf8(spec.salt), spec.kdfIterations);
  }
  if (spec.kdfType === ARGON2ID) {
    const memoryMiB = spec.kdfMemory ?? 0;
    const lanes = spec.kdfParallelism ?? 0;
    if (spec.kdfIterations < 1 || memoryMiB < 1 || lanes < 1) {
      throw file.damaged('its Argon2id parameters are out of range');
    }
    if (
      spec.kdfIterations > BITWARDEN_MAX.argon2Iterations ||
      memoryMiB > BITWARDEN_MAX.argon2MemoryMiB ||
      lanes > BITWARDEN_MAX.argon2Parallelism
    ) {
      throw kdfTooCostly(
        file,
        'Bitwarden',
        `Argon2id with ${memoryMiB} MiB, ${spec.kdfIterations} passes and ${lanes} lanes`,
        `${BITWARDEN_MAX.argon2MemoryMiB} MiB, ${BITWARDEN_MAX.argon2Iterations} passes, ${BITWARDEN_MAX.argon2Parallelism} lanes`,
      );
    }
    return argon2id(password, sha256Digest(utf8(spec.salt)), {
      memoryKiB: memoryMiB * 1024,
      passes: spec.kdfIterations,
      lanes,
    });
  }
  throw file.damaged(`it uses an unknown key derivation (kdfType ${spec.kdfType})`);
}

/** Opens a type-2 EncString; null when its MAC does not match (wrong key or edited data). */
function openEncString(file: FileContent, text: string, key: StretchedKey): Uint8Array | null {
  const match = /^2\.([^|]+)\|([^|]+)\|([^|]+)$/.exec(text.trim());
  const [iv, ciphertext, mac] = (match?.slice(1) ?? []).map((part) => base64Bytes(part));
  if (!iv || !ciphertext || !mac) throw file.damaged('its encrypted data is malformed');
  if (!sameMac(hmacSha256(key.macKey, Buffer.concat([iv, ciphertext])), mac)) return null;
  return aesCbcOpen(key.encKey, iv, ciphertext);
}

async function decrypt(file: FileContent, json: unknown, password: string): Promise<unknown> {
  const parsed = ProtectedSchema.safeParse(json);
  if (!parsed.success) throw file.damaged('its key-derivation parameters or data are missing');
  const master = await masterKey(file, parsed.data, password);
  const key = {
    encKey: hkdfExpandSha256(master, 'enc', 32),
    macKey: hkdfExpandSha256(master, 'mac', 32),
  };
  master.fill(0);
  try {
    if (openEncString(file, parsed.data.encKeyValidation_DO_NOT_EDIT, key) === null) {
      throw file.wrongPassword();
    }
    return file.decryptedJson(openEncString(file, parsed.data.data, key), 'data');
  } finally {
    key.encKey.fill(0);
    key.macKey.fill(0);
  }
}

function convert(file: FileContent, json: unknown, encrypted: boolean): ReadResult {
  const parsed = ExportSchema.safeParse(json);
  if (!parsed.success || parsed.data.items === undefined) {
    throw file.damaged('its list of items is missing or malformed');
  }
  if (parsed.data.encrypted) {
    throw file.damaged(
      'it is encrypted with a Bitwarden account key, which only Bitwarden can read; export again as "JSON" or "JSON (Encrypted)" with a file password',
    );
  }
  const names = new Map(
    [...(parsed.data.folders ?? []), ...(parsed.data.collections ?? [])].map((f) => [f.id, f.name]),
  );
  const collector = new EntryCollector();
  collectBitwardenItems(
    parsed.data.items,
    (item) =>
      [item.folderId, ...(item.collectionIds ?? [])]
        .map((id) => (id ? names.get(id) : undefined))
        .filter((name): name is string => name !== undefined),
    collector,
  );
  return collector.result({
    description: `Bitwarden JSON export${encrypted ? ' (password-protected)' : ''}`,
  });
}

export const bitwardenJsonImporter: Importer = {
  format: 'bitwarden-json',
  label: 'Bitwarden JSON export',
  detect: (file) =>
    file.hasJsonKeys('items', 'encrypted') ||
    file.hasJsonKeys('items', 'folders') ||
    file.hasJsonKeys('passwordProtected', 'encKeyValidation_DO_NOT_EDIT'),
  open: (file) => {
    const json = file.requireJson() as Record<string, unknown> | null;
    if (typeof json !== 'object' || json === null)
      throw file.damaged('it is not a Bitwarden export');
    const encrypted = json.passwordProtected === true;
    return {
      encrypted,
      read: async (password) =>
        encrypted
          ? convert(file, await decrypt(file, json, password ?? ''), true)
          : convert(file, json, false),
    };
  },
};
