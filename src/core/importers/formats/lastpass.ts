import { z } from 'zod';
import { buildEntry, EntryCollector, parseEntry, seedFrom } from '../entries.js';
import type { Importer } from '../import-types.js';

/**
 * LastPass Authenticator's export (Settings › Transfer accounts › Export to
 * file): `{version, accounts: [{issuerName, userName, secret, timeStep, digits,
 * algorithm, folderData: {folderId}}], folders: [{id, name}]}`, TOTP only. A
 * folder other than the default one ("Other accounts", id 0) becomes a tag.
 */

const AccountSchema = z
  .object({
    issuerName: z.string().nullish(),
    originalIssuerName: z.string().nullish(),
    userName: z.string().nullish(),
    originalUserName: z.string().nullish(),
    secret: z.string(),
    timeStep: z.number().int().optional(),
    digits: z.number().int().optional(),
    algorithm: z.string().optional(),
    folderData: z.object({ folderId: z.number().int().nullish() }).loose().nullish(),
  })
  .loose();

const FileSchema = z
  .object({
    version: z.number().int().optional(),
    accounts: z.array(z.unknown()),
    folders: z.array(z.object({ id: z.number().int(), name: z.string() }).loose()).nullish(),
  })
  .loose();

const DEFAULT_FOLDER = 0;

export const lastPassImporter: Importer = {
  format: 'lastpass',
  label: 'LastPass Authenticator export',
  detect: (file) => {
    const json = file.json as { accounts?: unknown } | undefined;
    const first = Array.isArray(json?.accounts)
      ? (json.accounts[0] as Record<string, unknown> | undefined)
      : undefined;
    return (
      typeof first === 'object' &&
      first !== null &&
      'secret' in first &&
      ('issuerName' in first || 'timeStep' in first)
    );
  },
  open: (file) => {
    const parsed = FileSchema.safeParse(file.requireJson());
    if (!parsed.success) throw file.damaged('its list of accounts is missing or malformed');
    const folders = new Map((parsed.data.folders ?? []).map((folder) => [folder.id, folder.name]));
    return {
      encrypted: false,
      read: () => {
        const collector = new EntryCollector();
        collector.each(
          parsed.data.accounts,
          (raw) => raw.issuerName,
          (raw, label) => {
            const account = parseEntry(AccountSchema, raw);
            const folderId = account.folderData?.folderId ?? DEFAULT_FOLDER;
            const folder = folderId === DEFAULT_FOLDER ? undefined : folders.get(folderId);
            return buildEntry(label, {
              issuer: account.issuerName,
              accountName: account.userName,
              tags: folder ? [folder] : [],
              seed: seedFrom({
                secret: account.secret,
                algorithm: account.algorithm,
                digits: account.digits,
                period: account.timeStep,
              }),
            });
          },
        );
        return Promise.resolve(
          collector.result({
            description: `LastPass Authenticator export${parsed.data.version === undefined ? '' : `, version ${parsed.data.version}`}`,
          }),
        );
      },
    };
  },
};
