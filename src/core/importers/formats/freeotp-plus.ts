import { z } from 'zod';
import { buildEntry, otpTypeOf, EntryCollector, parseEntry, seedFrom } from '../entries.js';
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
  detect: (file) => file.hasJsonKeys('tokens', 'tokenOrder'),
  open: (file) => {
    const parsed = FileSchema.safeParse(file.requireJson());
    if (!parsed.success) throw file.damaged('its list of tokens is missing or malformed');
    return {
      encrypted: false,
      read: () => {
        const collector = new EntryCollector();
        collector.each(
          parsed.data.tokens,
          (raw) => raw.issuerExt,
          (raw, label) => {
            const token = parseEntry(TokenSchema, raw);
            const issuerName = token.issuerExt || token.issuerInt || '';
            let type = otpTypeOf(token.type);
            if (type === 'totp' && issuerName.toLowerCase() === 'steam' && token.digits === 5) {
              type = 'steam';
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
          },
        );
        return Promise.resolve(collector.result());
      },
    };
  },
};
