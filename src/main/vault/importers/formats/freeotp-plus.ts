import { z } from 'zod';
import { invalidInput } from '../../../../shared/errors.js';
import { buildEntry, EntryCollector, entryLabel, parseEntry, seedFrom } from '../entries.js';
import type { Importer } from '../import-types.js';

/**
 * FreeOTP+'s JSON export: `{tokenOrder, tokens}`, each secret as signed bytes.
 * FreeOTP stores an HOTP counter one lower than the next one to use (it
 * increments before generating), so the next counter is the stored one plus one.
 */

const TokenSchema = z
  .object({
    type: z.string(),
    algo: z.string().optional(),
    digits: z.number().int().optional(),
    period: z.number().int().optional(),
    counter: z.number().int().optional(),
    issuerExt: z.string().nullish(),
    issuerInt: z.string().nullish(),
    label: z.string().nullish(),
    secret: z.array(z.number().int().min(-128).max(255)),
  })
  .loose();

const FileSchema = z.object({ tokens: z.array(z.unknown()) }).loose();

export const freeOtpPlusImporter: Importer = {
  format: 'freeotp-plus',
  label: 'FreeOTP+ export',
  detect: (file) => {
    const json = file.json as Record<string, unknown> | undefined;
    return typeof json === 'object' && json !== null && 'tokens' in json && 'tokenOrder' in json;
  },
  open: (file) => {
    const parsed = FileSchema.safeParse(file.requireJson());
    if (!parsed.success) throw file.damaged('its list of tokens is missing or malformed');
    return {
      encrypted: false,
      read: () => {
        const collector = new EntryCollector();
        parsed.data.tokens.forEach((raw, index) => {
          const issuer = (raw as { issuerExt?: unknown } | null)?.issuerExt;
          const label = entryLabel(index, typeof issuer === 'string' ? issuer : null);
          collector.add(label, () => {
            const token = parseEntry(TokenSchema, raw);
            const issuerName = token.issuerExt || token.issuerInt || '';
            let type = token.type.toLowerCase();
            if (type === 'totp' && issuerName.toLowerCase() === 'steam' && token.digits === 5) {
              type = 'steam';
            }
            if (type !== 'totp' && type !== 'hotp' && type !== 'steam') {
              throw invalidInput(`${token.type} codes are not supported by Sparekey`);
            }
            return buildEntry(label, {
              issuer: issuerName,
              accountName: token.label,
              seed: seedFrom({
                type,
                secret: Uint8Array.from(token.secret, (byte) => byte & 0xff),
                algorithm: token.algo,
                digits: token.digits,
                period: token.period,
                counter: type === 'hotp' ? (token.counter ?? -1) + 1 : undefined,
              }),
            });
          });
        });
        return Promise.resolve(collector.result());
      },
    };
  },
};
