import { z } from 'zod';
import { parseOtpauthUri } from '../../otp/otpauth.js';
import { buildEntry, EntryCollector, entryLabel, parseEntry, seedFrom } from '../entries.js';
import type { FileContent } from '../file-content.js';
import type { Importer, ReadResult } from '../import-types.js';
import { zipNames, zipText } from '../zip-archive.js';

/**
 * 1Password's export (`.1pux`): a ZIP whose `export.data` is JSON,
 * `accounts[].vaults[].items[]`. An item's one-time password is a section field
 * whose value is `{totp: …}` (an otpauth:// link, or a bare Base32 key as
 * 1Password also accepts). Logins keep their username and password (the
 * `loginFields` designated so), URLs, notes and tags; other section fields go
 * to the notes unless concealed. Items in the trash are skipped; items with
 * neither a login nor a one-time password (cards, notes…) are skipped, said so.
 */

const DATA = 'export.data';
const LOGIN = '001';
const PASSWORD = '005';
const CATEGORIES: Record<string, string> = {
  '002': 'a credit card',
  '003': 'a secure note',
  '004': 'an identity',
  '006': 'a document',
};

const FieldSchema = z
  .object({
    title: z.string().nullish(),
    id: z.string().nullish(),
    value: z.record(z.string(), z.unknown()).nullish(),
  })
  .loose();

const ItemSchema = z
  .object({
    uuid: z.string().nullish(),
    state: z.string().nullish(),
    categoryUuid: z.string().nullish(),
    overview: z
      .object({
        title: z.string().nullish(),
        url: z.string().nullish(),
        urls: z.array(z.object({ url: z.string().nullish() }).loose()).nullish(),
        tags: z.array(z.string()).nullish(),
      })
      .loose()
      .nullish(),
    details: z
      .object({
        notesPlain: z.string().nullish(),
        password: z.string().nullish(),
        loginFields: z
          .array(
            z.object({ value: z.string().nullish(), designation: z.string().nullish() }).loose(),
          )
          .nullish(),
        sections: z
          .array(
            z
              .object({ title: z.string().nullish(), fields: z.array(FieldSchema).nullish() })
              .loose(),
          )
          .nullish(),
      })
      .loose()
      .nullish(),
  })
  .loose();

const DataSchema = z
  .object({
    accounts: z.array(
      z
        .object({
          vaults: z.array(
            z
              .object({
                attrs: z.object({ name: z.string().nullish() }).loose().nullish(),
                items: z.array(z.unknown()),
              })
              .loose(),
          ),
        })
        .loose(),
    ),
  })
  .loose();

type Item = z.infer<typeof ItemSchema>;

/** A `{totp}` value: an otpauth link or a bare key. */
function totpSeed(value: string) {
  const text = value.trim();
  if (/^otpauth:\/\//i.test(text)) return parseOtpauthUri(text);
  return { seed: seedFrom({ secret: text }), issuer: '', accountName: '' };
}

function fieldText(value: Record<string, unknown>): { text: string; concealed: boolean } | null {
  for (const key of ['string', 'url', 'email', 'phone', 'menu']) {
    const text = value[key];
    if (typeof text === 'string') return { text, concealed: false };
  }
  if (typeof value.concealed === 'string') return { text: value.concealed, concealed: true };
  return null;
}

function convertItem(label: string, item: Item, collector: EntryCollector): void {
  const title = item.overview?.title?.trim() ?? '';
  if (item.state === 'trashed') {
    collector.skip(label, 'skipped: it is in the trash');
    return;
  }
  const isLogin = item.categoryUuid === LOGIN || item.categoryUuid === PASSWORD;
  const hasTotp = (item.details?.sections ?? []).some((section) =>
    (section.fields ?? []).some((field) => {
      const totp = field.value?.totp;
      return typeof totp === 'string' && totp.trim() !== '';
    }),
  );
  if (!isLogin && !hasTotp) {
    const kind =
      CATEGORIES[item.categoryUuid ?? ''] ?? `category ${item.categoryUuid ?? 'unknown'}`;
    collector.skip(label, `skipped: not a login and no one-time password (${kind})`);
    return;
  }
  collector.add(label, () => {
    const warnings: string[] = [];
    const notesFields: string[] = [];
    let totp: ReturnType<typeof totpSeed> | null = null;
    let totpField = '';
    for (const section of item.details?.sections ?? []) {
      for (const field of section.fields ?? []) {
        const name = field.title?.trim() || field.id || 'unnamed field';
        const value = field.value ?? {};
        if (typeof value.totp === 'string') {
          if (value.totp.trim() === '') continue;
          if (totp !== null) {
            warnings.push(
              `its one-time password "${name}" was not imported (Sparekey keeps one seed an account; "${totpField}" was)`,
            );
            continue;
          }
          try {
            totp = totpSeed(value.totp);
          } catch (error) {
            if (error instanceof Error)
              error.message = `its one-time password "${name}": ${error.message}`;
            throw error;
          }
          totpField = name;
          continue;
        }
        const shown = fieldText(value);
        if (shown === null || shown.text === '') continue;
        if (shown.concealed) {
          warnings.push(
            `its concealed field "${name}" was not imported (concealed values are not put in notes)`,
          );
        } else {
          notesFields.push(`${name}: ${shown.text}`);
        }
      }
    }
    const loginFields = item.details?.loginFields ?? [];
    const username = loginFields.find((field) => field.designation === 'username')?.value ?? '';
    const password =
      loginFields.find((field) => field.designation === 'password')?.value ??
      item.details?.password ??
      '';
    const urls = [
      item.overview?.url ?? '',
      ...(item.overview?.urls ?? []).map((entry) => entry.url ?? ''),
    ]
      .map((url) => url.trim())
      .filter((url, index, all) => url !== '' && all.indexOf(url) === index);
    const notes = [
      item.details?.notesPlain?.trim() ?? '',
      notesFields.length > 0 ? `Fields from 1Password:\n${notesFields.join('\n')}` : '',
    ]
      .filter(Boolean)
      .join('\n\n');
    return buildEntry(label, {
      issuer: title || totp?.issuer,
      accountName: username.trim() || totp?.accountName,
      url: urls[0],
      notes,
      tags: [...(item.overview?.tags ?? []), ...(item.state === 'archived' ? ['Archived'] : [])],
      warnings,
      seed: totp?.seed ?? null,
      login: { username, password, urls: urls.slice(1) },
    });
  });
}

function convert(file: FileContent, json: unknown): ReadResult {
  const parsed = DataSchema.safeParse(json);
  if (!parsed.success) throw file.damaged(`its ${DATA} has no accounts and vaults`);
  const collector = new EntryCollector();
  let index = 0;
  for (const account of parsed.data.accounts) {
    for (const vault of account.vaults) {
      for (const raw of vault.items) {
        // Some exports wrap each item as {item: …}.
        const candidate =
          typeof raw === 'object' && raw !== null && 'item' in raw
            ? (raw as { item: unknown }).item
            : raw;
        const title = (candidate as { overview?: { title?: unknown } } | null)?.overview?.title;
        const label = entryLabel(index++, typeof title === 'string' ? title : null);
        const item = collector.attempt(label, () => parseEntry(ItemSchema, candidate));
        if (item !== undefined) convertItem(label, item, collector);
      }
    }
  }
  return collector.result({ description: '1Password export (.1pux)' });
}

export const onePassword1puxImporter: Importer = {
  format: '1password-1pux',
  label: '1Password export (.1pux)',
  detect: (file) => zipNames(file.bytes).includes(DATA),
  open: (file) => {
    const text = zipText(file, DATA);
    let json: unknown;
    try {
      json = JSON.parse(text) as unknown;
    } catch {
      throw file.damaged(`its ${DATA} is not valid JSON; the file is truncated or was edited`);
    }
    return { encrypted: false, read: () => Promise.resolve(convert(file, json)) };
  },
};
