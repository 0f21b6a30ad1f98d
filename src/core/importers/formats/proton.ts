import { z } from 'zod';
import { parseOtpauthUri } from '../../otp/otpauth.js';
import { buildEntry, EntryCollector, parseEntry, seedFrom } from '../entries.js';
import type { Importer } from '../import-types.js';

/** Proton Authenticator's JSON export: `{version, entries: [{content: {uri, entry_type, name}, note}]}`. */

const EntrySchema = z
  .object({
    content: z
      .object({ uri: z.string(), entry_type: z.string().nullish(), name: z.string().nullish() })
      .loose(),
    note: z.string().nullish(),
  })
  .loose();

const FileSchema = z.object({ version: z.number().int(), entries: z.array(z.unknown()) }).loose();

export const protonImporter: Importer = {
  format: 'proton',
  label: 'Proton Authenticator export',
  detect: (file) => {
    const json = file.json as { entries?: unknown } | undefined;
    const first = Array.isArray(json?.entries)
      ? (json.entries[0] as Record<string, unknown>)
      : undefined;
    return typeof first === 'object' && first !== null && 'content' in first;
  },
  open: (file) => {
    const parsed = FileSchema.safeParse(file.requireJson());
    if (!parsed.success) throw file.damaged('its list of entries is missing or malformed');
    return {
      encrypted: false,
      read: () => {
        const collector = new EntryCollector();
        collector.each(
          parsed.data.entries,
          (raw) => (raw.content as Record<string, unknown> | null)?.name,
          (raw, label) => {
            const entry = parseEntry(EntrySchema, raw);
            const uri = entry.content.uri.trim();
            if (/^steam:\/\//i.test(uri)) {
              return buildEntry(label, {
                issuer: 'Steam',
                accountName: entry.content.name,
                notes: entry.note,
                seed: seedFrom({ type: 'steam', secret: uri.slice(8) }),
              });
            }
            const parsedUri = parseOtpauthUri(uri);
            return buildEntry(label, {
              issuer: parsedUri.issuer,
              accountName: parsedUri.accountName || entry.content.name,
              notes: entry.note,
              seed: parsedUri.seed,
            });
          },
        );
        return Promise.resolve(
          collector.result({
            description: `Proton Authenticator export, version ${parsed.data.version}`,
          }),
        );
      },
    };
  },
};
