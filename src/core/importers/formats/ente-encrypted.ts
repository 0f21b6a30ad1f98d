import { z } from 'zod';
import { fromUtf8 } from '../../crypto/bytes.js';
import { argon2id } from '../../crypto/interop.js';
import { EntryCollector } from '../entries.js';
import { base64Bytes } from '../encoding.js';
import type { Importer } from '../import-types.js';
import { describeBytes, kdfTooCostly } from '../limits.js';
import { collectUriEntries, splitUriText } from '../uri-entries.js';

/**
 * Ente Auth's encrypted export: `{version: 1, kdfParams: {memLimit, opsLimit, salt},
 * encryptedData, encryptionNonce}`. The key is libsodium's crypto_pwhash (Argon2id
 * v1.3, one lane, memLimit bytes, opsLimit passes); the data is one
 * XChaCha20-Poly1305 secretstream message (encryptionNonce is the stream header)
 * holding otpauth:// links, one a line, whatever its tag.
 */

const ExportSchema = z.object({
  version: z.number().int(),
  kdfParams: z.object({
    memLimit: z.number().int(),
    opsLimit: z.number().int(),
    salt: z.string(),
  }),
  encryptedData: z.string(),
  encryptionNonce: z.string(),
});

/**
 * Ente derives its export key with libsodium's "sensitive" strength: 1 GiB and
 * 4 passes, or on a small device a quarter of the memory and four times the
 * passes, halving memory and doubling passes again while memory fails. So it
 * never writes more than 1 GiB, nor more than 4 GiB × passes of work.
 */
export const ENTE_MAX = { memoryBytes: 1024 ** 3, work: 4 * 1024 ** 3 } as const;

export const enteEncryptedImporter: Importer = {
  format: 'ente-encrypted',
  label: 'Ente Auth encrypted export',
  detect: (file) => file.hasJsonKeys('kdfParams', 'encryptedData', 'encryptionNonce'),
  open: (file) => {
    const parsed = ExportSchema.safeParse(file.requireJson());
    if (!parsed.success) throw file.damaged('its key-derivation parameters or data are missing');
    const spec = parsed.data;
    if (spec.version !== 1) {
      throw file.damaged(
        `it is an Ente export of version ${spec.version}; Sparekey reads version 1`,
      );
    }
    const { memLimit, opsLimit } = spec.kdfParams;
    if (memLimit < 8192 || opsLimit < 1) {
      throw file.damaged('its key-derivation parameters are out of range');
    }
    if (memLimit > ENTE_MAX.memoryBytes || memLimit * opsLimit > ENTE_MAX.work) {
      throw kdfTooCostly(
        file,
        'Ente Auth',
        `Argon2id with ${describeBytes(memLimit)} and ${opsLimit} passes`,
        '1 GiB, and 4 GiB × passes in all: 1 GiB × 4, 256 MiB × 16, …',
      );
    }
    const salt = base64Bytes(spec.kdfParams.salt);
    const data = base64Bytes(spec.encryptedData);
    const header = base64Bytes(spec.encryptionNonce);
    if (!salt || !data || !header) throw file.damaged('its encrypted data is not Base64');
    return {
      encrypted: true,
      read: async (password) => {
        // Loaded when needed: libsodium's WebAssembly is not worth starting for every command.
        const { default: sodium } = await import('libsodium-wrappers');
        await sodium.ready;
        if (header.length !== sodium.crypto_secretstream_xchacha20poly1305_HEADERBYTES) {
          throw file.damaged('its encryption header has the wrong length');
        }
        if (data.length < sodium.crypto_secretstream_xchacha20poly1305_ABYTES) {
          throw file.damaged('its encrypted data is truncated');
        }
        const key = await argon2id(password ?? '', salt, {
          memoryKiB: Math.floor(memLimit / 1024),
          passes: opsLimit,
          lanes: 1,
        });
        const state = sodium.crypto_secretstream_xchacha20poly1305_init_pull(header, key);
        key.fill(0);
        // The whole export is one message: it authenticates as one chunk or not at
        // all, so a cut or a second chunk cannot pass. Ente tags it final, but other
        // writers of the format (and older Ente builds) leave the default tag, which
        // libsodium decrypts just the same.
        const pulled = sodium.crypto_secretstream_xchacha20poly1305_pull(state, data, null);
        if (!pulled) throw file.wrongPassword(true);
        let text: string;
        try {
          text = fromUtf8(pulled.message);
        } catch {
          throw file.damaged('its decrypted data is not text');
        } finally {
          pulled.message.fill(0);
        }
        const collector = new EntryCollector();
        const batchParts = collectUriEntries(splitUriText(text), collector);
        return collector.result({ batchParts });
      },
    };
  },
};
