import { z } from 'zod';
import { invalidInput } from '../../../shared/errors.js';
import { parseOtpauthUri } from '../../otp/otpauth.js';
import { buildEntry, type EntryCollector, parseEntry, seedFrom } from '../entries.js';
import type { ImportedEntry } from '../import-types.js';

/** A Bitwarden item, as its JSON export holds it and as a CSV row is turned into. */
export const BitwardenItemSchema = z
  .object({
    type: z.number().int(),
    name: z.string().nullish(),
    notes: z.string().nullish(),
    folderId: z.string().nullish(),
    collectionIds: z.array(z.string().nullable()).nullish(),
    fields: z
      .array(
        z
          .object({
            name: z.string().nullish(),
            value: z.string().nullish(),
            type: z.number().int(),
          })
          .loose(),
      )
      .nullish(),
    login: z
      .object({
        username: z.string().nullish(),
        password: z.string().nullish(),
        totp: z.string().nullish(),
        uris: z.array(z.object({ uri: z.string().nullish() }).loose()).nullish(),
        fido2Credentials: z.array(z.unknown()).nullish(),
      })
      .loose()
      .nullish(),
  })
  .loose();
export type BitwardenItem = z.infer<typeof BitwardenItemSchema>;

const LOGIN = 1;
const ITEM_KINDS: Record<number, string> = {
  2: 'a secure note',
  3: 'a card',
  4: 'an identity',
  5: 'an SSH key',
};
const HIDDEN_FIELD = 1;
const LINKED_FIELD = 3;

/**
 * Bitwarden's `login.totp`: an otpauth:// URI, `steam://SECRET`, or a bare Base32
 * secret (TOTP, SHA1, 6 digits, 30 s), kept as given (Bitwarden, like Sparekey,
 * drops the leftover bits of a key of any length).
 */
function totpOf(totp: string): {
  seed: ReturnType<typeof seedFrom>;
  issuer: string;
  accountName: string;
} {
  const text = totp.trim();
  if (/^otpauth:\/\//i.test(text)) {
    const parsed = parseOtpauthUri(text);
    return { seed: parsed.seed, issuer: parsed.issuer, accountName: parsed.accountName };
  }
  const steam = /^steam:\/\//i.test(text);
  const secret = steam ? text.slice('steam://'.length) : text;
  if (secret.trim() === '') throw invalidInput('its TOTP secret is empty');
  return {
    seed: seedFrom({ type: steam ? 'steam' : 'totp', secret }),
    issuer: '',
    accountName: '',
  };
}

function fieldNotes(item: BitwardenItem, warnings: string[]): string {
  const lines: string[] = [];
  for (const field of item.fields ?? []) {
    const name = field.name?.trim() || 'unnamed field';
    if (field.type === HIDDEN_FIELD) {
      warnings.push(
        `its hidden field "${name}" was not imported (hidden values are not put in notes)`,
      );
    } else if (field.type === LINKED_FIELD) {
      warnings.push(`its linked field "${name}" was not imported`);
    } else {
      lines.push(`${name}: ${field.value ?? ''}`);
    }
  }
  return lines.length > 0 ? `Fields from Bitwarden:\n${lines.join('\n')}` : '';
}

export function bitwardenEntry(
  label: string,
  item: BitwardenItem,
  tags: string[],
  warnings: string[] = [],
): ImportedEntry {
  const login = item.login ?? {};
  const totp = login.totp?.trim() ? totpOf(login.totp) : null;
  const uris = (login.uris ?? []).map((uri) => uri.uri?.trim() ?? '').filter((uri) => uri !== '');
  if ((login.fido2Credentials ?? []).length > 0) {
    warnings.push('its passkey was not imported (Sparekey does not store passkeys)');
  }
  const notes = [item.notes?.trim() ?? '', fieldNotes(item, warnings)].filter(Boolean).join('\n\n');
  return buildEntry(label, {
    issuer: item.name?.trim() || totp?.issuer,
    accountName: login.username?.trim() || totp?.accountName,
    url: uris[0],
    notes,
    tags,
    warnings,
    seed: totp?.seed ?? null,
    login: { username: login.username ?? '', password: login.password ?? '', urls: uris.slice(1) },
  });
}

/** Converts Bitwarden items: logins become accounts; cards, notes and identities are skipped, said so. */
export function collectBitwardenItems(
  items: readonly unknown[],
  tagsOf: (item: BitwardenItem) => string[],
  collector: EntryCollector,
  warningsOf: (item: BitwardenItem) => string[] = () => [],
): void {
  collector.each(
    items,
    (raw) => raw.name,
    (raw, label) => {
      const item = parseEntry(BitwardenItemSchema, raw);
      if (item.type !== LOGIN) {
        collector.skip(
          label,
          `skipped: not a login (${ITEM_KINDS[item.type] ?? `item type ${item.type}`})`,
        );
        return [];
      }
      return bitwardenEntry(label, item, tagsOf(item), warningsOf(item));
    },
  );
}
