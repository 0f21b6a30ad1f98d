import { compactBase32Secret } from '../otp/base32-secret.js';
import { toHex, utf8 } from '../crypto/bytes.js';
import { aesGcmSeal, GCM_TAG_LENGTH, scrypt } from '../crypto/interop.js';
import type { Random } from '../random.js';
import type { ExportAccount } from './export-types.js';

/**
 * Aegis Authenticator's vault file, exactly as Aegis writes it (file version 1,
 * content version 3 with groups), so Aegis on a phone imports it. Encrypted: a
 * random master key seals the content with AES-256-GCM; one password slot holds
 * the master key sealed under scrypt (N = 2^15, r = 8, p = 1) of the password.
 */

export const AEGIS_SCRYPT = { N: 2 ** 15, r: 8, p: 1 } as const;
const AEGIS_CONTENT_VERSION = 3;
const NONCE_LENGTH = 12;

/** A random (version 4) UUID from the vault's randomness. */
export function randomUuid(random: Random): string {
  const bytes = random.bytes(16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = toHex(bytes);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function aegisContent(accounts: readonly ExportAccount[], random: Random): unknown {
  const groups = new Map<string, string>();
  for (const { account } of accounts) {
    for (const tag of account.tags) if (!groups.has(tag)) groups.set(tag, randomUuid(random));
  }
  return {
    version: AEGIS_CONTENT_VERSION,
    entries: accounts.map(({ account, seed }) => ({
      type: seed.type,
      uuid: randomUuid(random),
      name: account.accountName,
      issuer: account.issuer,
      note: account.notes,
      favorite: false,
      icon: null,
      icon_mime: null,
      icon_hash: null,
      info:
        seed.type === 'hotp'
          ? {
              secret: compactBase32Secret(seed.secret),
              algo: seed.algorithm,
              digits: seed.digits,
              counter: seed.counter,
            }
          : {
              secret: compactBase32Secret(seed.secret),
              algo: seed.algorithm,
              digits: seed.digits,
              period: seed.period,
            },
      groups: account.tags.map((tag) => groups.get(tag)),
      archived: false,
    })),
    groups: [...groups].map(([name, uuid]) => ({ uuid, name })),
  };
}

function cryptParams(nonce: Uint8Array, sealed: Uint8Array) {
  return { nonce: toHex(nonce), tag: toHex(sealed.subarray(sealed.length - GCM_TAG_LENGTH)) };
}

/** The Aegis vault file as JSON text; encrypted when a password is given. */
export async function aegisVaultFile(
  accounts: readonly ExportAccount[],
  random: Random,
  password?: string,
): Promise<string> {
  const content = aegisContent(accounts, random);
  if (password === undefined) {
    return JSON.stringify(
      { version: 1, header: { slots: null, params: null }, db: content },
      null,
      4,
    );
  }
  const masterKey = random.bytes(32);
  const salt = random.bytes(32);
  const slotKey = await scrypt(password, salt, AEGIS_SCRYPT);
  const slotNonce = random.bytes(NONCE_LENGTH);
  const sealedKey = aesGcmSeal(slotKey, slotNonce, masterKey);
  const dbNonce = random.bytes(NONCE_LENGTH);
  const plaintext = utf8(JSON.stringify(content));
  const sealedDb = aesGcmSeal(masterKey, dbNonce, plaintext);
  plaintext.fill(0);
  masterKey.fill(0);
  slotKey.fill(0);
  return JSON.stringify(
    {
      version: 1,
      header: {
        slots: [
          {
            type: 1,
            uuid: randomUuid(random),
            key: toHex(sealedKey.subarray(0, sealedKey.length - GCM_TAG_LENGTH)),
            key_params: cryptParams(slotNonce, sealedKey),
            n: AEGIS_SCRYPT.N,
            r: AEGIS_SCRYPT.r,
            p: AEGIS_SCRYPT.p,
            salt: toHex(salt),
            repaired: true,
            is_backup: false,
          },
        ],
        params: cryptParams(dbNonce, sealedDb),
      },
      db: Buffer.from(sealedDb.subarray(0, sealedDb.length - GCM_TAG_LENGTH)).toString('base64'),
    },
    null,
    4,
  );
}
