import { z } from 'zod';
import { buildEntry, EntryCollector, parseEntry, seedFrom } from '../entries.js';
import type { Importer } from '../import-types.js';

/**
 * Steam Desktop Authenticator's `.maFile`: one Steam account as JSON, its
 * `shared_secret` in base64 (Steam's own form), with the account name and the
 * revocation code (kept in the notes: it is how a lost authenticator is removed
 * from the account). Encrypted maFiles are not JSON; the registry names them.
 */

const MaFileSchema = z
  .object({
    shared_secret: z.string().min(1),
    account_name: z.string().nullish(),
    revocation_code: z.string().nullish(),
    Session: z
      .object({ SteamID: z.union([z.number(), z.string()]).nullish() })
      .loose()
      .nullish(),
  })
  .loose();

export const steamMaFileImporter: Importer = {
  format: 'steam-mafile',
  label: 'Steam Desktop Authenticator maFile',
  detect: (file) => file.hasJsonKeys('shared_secret', 'account_name'),
  open: (file) => {
    const json = file.requireJson();
    return {
      encrypted: false,
      read: () => {
        const collector = new EntryCollector();
        collector.each(
          [json],
          (raw) => raw.account_name,
          (raw, label) => {
            const maFile = parseEntry(MaFileSchema, raw);
            const revocation = maFile.revocation_code?.trim();
            return buildEntry(label, {
              issuer: 'Steam',
              accountName: maFile.account_name,
              url: 'https://store.steampowered.com/login/',
              notes: revocation ? `Steam revocation code: ${revocation}` : '',
              seed: seedFrom({ type: 'steam', secret: maFile.shared_secret }),
            });
          },
        );
        return Promise.resolve(collector.result());
      },
    };
  },
};
