import { z } from 'zod';
import { invalidInput } from '../../shared/errors.js';
import { parseOtpauthUri } from '../otp/otpauth.js';
import {
  isMigrationUri,
  MIGRATION_ALGORITHMS,
  MIGRATION_DIGITS,
  MIGRATION_TYPES,
  type MigrationOtp,
  parseMigrationUri,
} from '../otp/google-migration.js';
import { buildEntry, type EntryCollector, seedFrom } from './entries.js';
import type { BatchPart, ImportedEntry } from './import-types.js';

/** Ente Auth's `codeDisplay` parameter: its tags, note and trash flag. */
const EnteCodeDisplaySchema = z
  .object({
    tags: z.array(z.string()).optional(),
    note: z.string().optional(),
    trashed: z.boolean().optional(),
  })
  .loose();

/** One text that should be an authenticator link, with where it came from ("line 3", "QR code 2"). */
export interface UriItem {
  label: string;
  text: string;
}

/** A `#` comment line, as tools that save transfer links write them (extract_otp_secrets). */
export function isCommentLine(line: string): boolean {
  return line.trimStart().startsWith('#');
}

/**
 * Splits text into links: one a line, or several on a line separated by commas
 * (a comma inside a link stays part of it). Blank lines and `#` comment lines
 * are not entries.
 */
export function splitUriText(text: string): UriItem[] {
  const items: UriItem[] = [];
  text.split(/\r?\n|\r/).forEach((line, index) => {
    if (isCommentLine(line)) return;
    const parts = line
      .trim()
      .split(/,\s*(?=otpauth(?:-migration)?:\/\/)/i)
      .filter((part) => part.trim() !== '');
    parts.forEach((part, partIndex) =>
      items.push({
        label: parts.length > 1 ? `line ${index + 1}, link ${partIndex + 1}` : `line ${index + 1}`,
        text: part.trim(),
      }),
    );
  });
  return items;
}

function fromOtpauth(label: string, text: string): ImportedEntry | null {
  const parsed = parseOtpauthUri(text);
  const display = parsed.extra.codedisplay;
  let tags: string[] = [];
  let notes = '';
  if (display !== undefined) {
    let json: unknown;
    try {
      json = JSON.parse(display);
    } catch {
      throw invalidInput('its Ente "codeDisplay" parameter is not valid JSON');
    }
    const ente = EnteCodeDisplaySchema.safeParse(json);
    if (!ente.success) throw invalidInput('its Ente "codeDisplay" parameter is not as expected');
    if (ente.data.trashed) return null;
    tags = ente.data.tags ?? [];
    notes = ente.data.note ?? '';
  }
  return buildEntry(label, {
    issuer: parsed.issuer,
    accountName: parsed.accountName,
    notes,
    tags,
    seed: parsed.seed,
  });
}

/**
 * A transfer has separate issuer and name fields. Google puts "Issuer:account"
 * in the name when it came from such a label; that prefix is dropped only when
 * it repeats the issuer. With no issuer, the name is the name, colon and all
 * ("encoding: ¿äÄéÉ? (demo)" is not issuer "encoding").
 */
function migrationNames(otp: MigrationOtp): { issuer: string; accountName: string } {
  const issuer = otp.issuer.trim();
  const name = otp.name.trim();
  const colon = name.indexOf(':');
  if (issuer !== '' && colon >= 0 && name.slice(0, colon).trim() === issuer) {
    return { issuer, accountName: name.slice(colon + 1).trim() };
  }
  return { issuer, accountName: name };
}

export function fromMigrationOtp(label: string, otp: MigrationOtp): ImportedEntry {
  const algorithm = MIGRATION_ALGORITHMS[otp.algorithm];
  if (algorithm === undefined)
    throw invalidInput(`it uses an unknown algorithm (${otp.algorithm})`);
  if (algorithm === 'MD5') throw invalidInput('it uses MD5, which Sparekey does not support');
  const digits = MIGRATION_DIGITS[otp.digits];
  if (digits === undefined) throw invalidInput(`it has an unknown digit count (${otp.digits})`);
  const type = MIGRATION_TYPES[otp.type];
  if (type === undefined) throw invalidInput(`it has an unknown code type (${otp.type})`);
  if (otp.secret.length === 0) throw invalidInput('its secret is empty');
  return buildEntry(label, {
    ...migrationNames(otp),
    seed: seedFrom({ type, secret: otp.secret, algorithm, digits, counter: otp.counter }),
  });
}

/**
 * Converts links (otpauth:// and Google's otpauth-migration://) into entries,
 * one failure per link or account that cannot be read. Returns the Google
 * transfer batch parts seen, so that a missing part can be reported.
 */
export function collectUriEntries(
  items: readonly UriItem[],
  collector: EntryCollector,
): BatchPart[] {
  const parts: BatchPart[] = [];
  for (const { label, text } of items) {
    if (isMigrationUri(text)) {
      const payload = collector.attempt(label, () => parseMigrationUri(text));
      if (payload === undefined) continue;
      parts.push({
        batchId: payload.batchId,
        batchIndex: payload.batchIndex,
        batchSize: payload.batchSize,
      });
      if (payload.otpParameters.length === 0) {
        collector.fail(label, 'the Google Authenticator transfer holds no accounts');
      }
      payload.otpParameters.forEach((otp, index) => {
        const name = migrationNames(otp);
        const accountLabel = `${label}, account ${index + 1}${name.issuer || name.accountName ? ` (${name.issuer || name.accountName})` : ''}`;
        collector.add(accountLabel, () => fromMigrationOtp(accountLabel, otp));
      });
    } else if (/^otpauth:\/\//i.test(text)) {
      collector.add(label, () => {
        const entry = fromOtpauth(label, text);
        if (entry === null) {
          collector.skip(label, 'skipped: it is in Ente Auth’s trash');
          return [];
        }
        return entry;
      });
    } else {
      collector.fail(label, 'it is not an otpauth:// or otpauth-migration:// link');
    }
  }
  return parts;
}
