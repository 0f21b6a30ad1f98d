import { z } from 'zod';
import { parseOtpauthUri } from '../../otp/otpauth.js';
import { buildEntry, EntryCollector, entryLabel, parseEntry, seedFrom } from '../entries.js';
import type { FileContent } from '../file-content.js';
import type { Importer, ReadResult } from '../import-types.js';
import { decryptPgpMessage, isArmoredPgpMessage } from '../pgp-message.js';
import { isZip, zipNames, zipText } from '../zip-archive.js';

/**
 * Proton Pass's export: `data.json` on its own, in a ZIP as `Proton Pass/data.json`
 * (with attached files beside it), or either of those as an OpenPGP message
 * encrypted with a passphrase (Proton's "PGP-encrypted" export; OpenPGP.js,
 * Proton's own library, decrypts it). Logins become accounts with their
 * e-mail or username, password, URLs, note and one-time password (`totpUri`, or
 * a one-time-password extra field); the vault's name is a tag. Items in the
 * trash are skipped, and so are notes, aliases and cards without a one-time password.
 */

const ZIP_DATA = 'Proton Pass/data.json';
const TRASHED = 2;

const ExtraFieldSchema = z
  .object({
    fieldName: z.string().nullish(),
    type: z.string().nullish(),
    data: z
      .object({ totpUri: z.string().nullish(), content: z.string().nullish() })
      .loose()
      .nullish(),
  })
  .loose();

const ItemSchema = z
  .object({
    state: z.number().int().nullish(),
    aliasEmail: z.string().nullish(),
    data: z
      .object({
        type: z.string(),
        metadata: z.object({ name: z.string().nullish(), note: z.string().nullish() }).loose(),
        extraFields: z.array(ExtraFieldSchema).nullish(),
        content: z
          .object({
            itemEmail: z.string().nullish(),
            itemUsername: z.string().nullish(),
            username: z.string().nullish(),
            password: z.string().nullish(),
            urls: z.array(z.string()).nullish(),
            totpUri: z.string().nullish(),
            passkeys: z.array(z.unknown()).nullish(),
          })
          .loose()
          .nullish(),
      })
      .loose(),
  })
  .loose();

const ExportSchema = z
  .object({
    version: z.string().nullish(),
    encrypted: z.boolean().nullish(),
    vaults: z.record(
      z.string(),
      z.object({ name: z.string().nullish(), items: z.array(z.unknown()) }).loose(),
    ),
  })
  .loose();

type Item = z.infer<typeof ItemSchema>;

const KINDS: Record<string, string> = {
  note: 'a note',
  alias: 'an alias',
  creditCard: 'a card',
  identity: 'an identity',
  sshKey: 'an SSH key',
  wifi: 'a Wi-Fi network',
};

function totpOf(text: string) {
  if (/^otpauth:\/\//i.test(text)) return parseOtpauthUri(text);
  return { seed: seedFrom({ secret: text }), issuer: '', accountName: '' };
}

function itemTotps(item: Item): { name: string; uri: string }[] {
  const found: { name: string; uri: string }[] = [];
  const main = item.data.content?.totpUri?.trim();
  if (main) found.push({ name: 'its one-time password', uri: main });
  for (const field of item.data.extraFields ?? []) {
    const uri = field.type === 'totp' ? field.data?.totpUri?.trim() : undefined;
    if (uri) found.push({ name: `its field "${field.fieldName?.trim() || 'unnamed'}"`, uri });
  }
  return found;
}

function convertItem(label: string, item: Item, vaultName: string, collector: EntryCollector) {
  if (item.state === TRASHED) {
    collector.skip(label, 'skipped: it is in the trash');
    return;
  }
  const totps = itemTotps(item);
  if (item.data.type !== 'login' && totps.length === 0) {
    collector.skip(
      label,
      `skipped: not a login and no one-time password (${KINDS[item.data.type] ?? item.data.type})`,
    );
    return;
  }
  collector.add(label, () => {
    const [first, ...others] = totps;
    let totp: ReturnType<typeof totpOf> | null = null;
    if (first) {
      try {
        totp = totpOf(first.uri);
      } catch (error) {
        if (error instanceof Error) error.message = `${first.name}: ${error.message}`;
        throw error;
      }
    }
    const warnings = others.map(
      (other) =>
        `${other.name} was not imported (Sparekey keeps one seed an account; ${first?.name ?? ''} was)`,
    );
    const notes: string[] = [];
    for (const field of item.data.extraFields ?? []) {
      if (field.type === 'totp') continue;
      const name = field.fieldName?.trim() || 'unnamed field';
      const value = field.data?.content ?? '';
      if (value === '') continue;
      if (field.type === 'hidden') {
        warnings.push(
          `its hidden field "${name}" was not imported (hidden values are not put in notes)`,
        );
      } else notes.push(`${name}: ${value}`);
    }
    if ((item.data.content?.passkeys ?? []).length > 0) {
      warnings.push('its passkey was not imported (Sparekey does not store passkeys)');
    }
    const content = item.data.content ?? {};
    // Before Proton Pass 1.18 a login had one `username`; since, an e-mail and a username.
    const username =
      content.itemUsername?.trim() || content.itemEmail?.trim() || content.username?.trim() || '';
    const urls = (content.urls ?? []).map((url) => url.trim()).filter(Boolean);
    return buildEntry(label, {
      issuer: item.data.metadata.name?.trim() || totp?.issuer,
      accountName: username || totp?.accountName,
      url: urls[0],
      notes: [
        item.data.metadata.note?.trim() ?? '',
        notes.length > 0 ? `Fields from Proton Pass:\n${notes.join('\n')}` : '',
      ]
        .filter(Boolean)
        .join('\n\n'),
      tags: vaultName ? [vaultName] : [],
      warnings,
      seed: totp?.seed ?? null,
      login: { username, password: content.password ?? '', urls: urls.slice(1) },
    });
  });
}

function convert(file: FileContent, text: string, encrypted: boolean): ReadResult {
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    throw file.damaged('its data.json is not valid JSON; the file is truncated or was edited');
  }
  const parsed = ExportSchema.safeParse(json);
  if (!parsed.success) throw file.damaged('its vaults are missing or malformed');
  if (parsed.data.encrypted === true) {
    throw file.damaged(
      'it is an old Proton Pass export encrypted item by item; export again from Proton Pass (as JSON or ZIP, with or without PGP encryption)',
    );
  }
  const collector = new EntryCollector();
  let index = 0;
  for (const vault of Object.values(parsed.data.vaults)) {
    for (const raw of vault.items) {
      const name = (raw as { data?: { metadata?: { name?: unknown } } } | null)?.data?.metadata
        ?.name;
      const label = entryLabel(index++, typeof name === 'string' ? name : null);
      const item = collector.attempt(label, () => parseEntry(ItemSchema, raw));
      if (item !== undefined) convertItem(label, item, vault.name?.trim() ?? '', collector);
    }
  }
  return collector.result({
    description: `Proton Pass export${encrypted ? ' (PGP-encrypted)' : ''}${parsed.data.version ? `, version ${parsed.data.version}` : ''}`,
  });
}

/** data.json's text from the bytes: a ZIP with it, or the JSON itself. */
function dataJson(file: FileContent, bytes: Uint8Array): string {
  if (isZip(bytes)) {
    const inner = file.withBytes(bytes);
    return zipText(inner, ZIP_DATA);
  }
  const text = file.withBytes(bytes).text;
  if (text === null) throw file.damaged('its decrypted content is neither a ZIP nor JSON');
  return text;
}

function looksLikeExport(json: unknown): boolean {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return false;
  const { vaults, version } = json as { vaults?: unknown; version?: unknown };
  return typeof vaults === 'object' && vaults !== null && typeof version === 'string';
}

export const protonPassImporter: Importer = {
  format: 'proton-pass',
  label: 'Proton Pass export',
  detect: (file) =>
    looksLikeExport(file.json) ||
    zipNames(file.bytes).includes(ZIP_DATA) ||
    isArmoredPgpMessage(file.text),
  open: (file) => {
    if (isArmoredPgpMessage(file.text)) {
      return {
        encrypted: true,
        read: async (password) =>
          convert(file, dataJson(file, await decryptPgpMessage(file, password ?? '')), true),
      };
    }
    const text = dataJson(file, file.bytes);
    return { encrypted: false, read: () => Promise.resolve(convert(file, text, false)) };
  },
};
