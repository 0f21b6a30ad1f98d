import type { z } from 'zod';
import { OTP_TYPES, type OtpSeed, type OtpType } from '../../shared/domain.js';
import { invalidInput, isVaultError } from '../../shared/errors.js';
import { cleanAccountFields, cleanUrl } from '../accounts/account-input.js';
import { MAX_PASSWORD_LENGTH } from '../../shared/input-limits.js';
import {
  encodeBase32Secret,
  MIN_RECOMMENDED_SECRET_BITS,
  readBase32Secret,
} from '../otp/base32-secret.js';
import { makeSeed, type SeedInput } from '../otp/seed.js';
import type { EntryNote, ImportedEntry, ImportedLogin, ReadResult } from './import-types.js';

/** What a converter knows about one entry; missing text fields are empty. */
export interface EntryFields {
  issuer?: string | null | undefined;
  accountName?: string | null | undefined;
  url?: string | null | undefined;
  notes?: string | null | undefined;
  tags?: readonly (string | null | undefined)[] | undefined;
  seed: OtpSeed | null;
  login?: ImportedLogin | null | undefined;
  warnings?: string[] | undefined;
}

/** "entry 3 (GitHub)" — 1-based, with a name when there is one. */
export function entryLabel(index: number, name?: string | null): string {
  const shown = (name ?? '').trim().slice(0, 60);
  return shown ? `entry ${index + 1} (${shown})` : `entry ${index + 1}`;
}

/**
 * Validates an entry the way the vault will (names, notes, tags, URL, login),
 * so a commit never fails half-way; throws INVALID_INPUT naming the problem.
 * An address that is not a web address is not kept, and the entry says so.
 */
export function buildEntry(label: string, fields: EntryFields): ImportedEntry {
  const warnings = [...(fields.warnings ?? [])];
  if (fields.seed) warnings.push(...secretWarnings(fields.seed.secret));
  let url = '';
  try {
    url = cleanUrl(fields.url ?? '');
  } catch {
    warnings.push(`the address "${fields.url}" was not kept: it is not a web address`);
  }
  const clean = cleanAccountFields({
    issuer: fields.issuer ?? '',
    accountName: fields.accountName ?? '',
    url,
    notes: fields.notes ?? '',
    tags: (fields.tags ?? []).filter((tag): tag is string => typeof tag === 'string'),
  });
  let login: ImportedLogin | null = null;
  if (fields.login) {
    if (fields.login.password.length > MAX_PASSWORD_LENGTH) {
      throw invalidInput(`the password is longer than ${MAX_PASSWORD_LENGTH} characters`);
    }
    const urls: string[] = [];
    for (const address of fields.login.urls) {
      try {
        const cleaned = cleanUrl(address);
        if (cleaned !== '' && cleaned !== clean.url && !urls.includes(cleaned)) urls.push(cleaned);
      } catch {
        warnings.push(`the address "${address}" was not kept: it is not a web address`);
      }
    }
    const username = fields.login.username.trim();
    if (username !== '' || fields.login.password !== '' || urls.length > 0) {
      login = { username, password: fields.login.password, urls };
    }
  }
  return { label, ...clean, seed: fields.seed, login, warnings };
}

/** What the preview says of a working key that is short or of an odd length, as phrases. */
function secretWarnings(secret: string): string[] {
  const { bytes, characters, leftoverBits, oddLength } = readBase32Secret(secret);
  const warnings: string[] = [];
  if (bytes.length * 8 < MIN_RECOMMENDED_SECRET_BITS) {
    warnings.push(
      `its setup key is ${bytes.length * 8} bits long, under the ${MIN_RECOMMENDED_SECRET_BITS} bits RFC 4226 asks for (kept as it is)`,
    );
  }
  if (oddLength) {
    warnings.push(
      `its setup key has ${characters} characters, a length no whole number of bytes gives (its last ${leftoverBits} bits are ignored, as other apps ignore them)`,
    );
  }
  return warnings;
}

/** The type of a seed as another app names it (any case); other kinds are refused by name. */
export function otpTypeOf(name: string): OtpType {
  const type = name.trim().toLowerCase();
  if (!(OTP_TYPES as readonly string[]).includes(type)) {
    throw invalidInput(`${name} codes are not supported by Sparekey`);
  }
  return type as OtpType;
}

/** A seed from its parts; the secret as Base32 text or raw bytes. Throws INVALID_INPUT. */
export function seedFrom(
  input: Omit<SeedInput, 'secret'> & { secret: string | Uint8Array },
): OtpSeed {
  const secret = typeof input.secret === 'string' ? input.secret : encodeBase32Secret(input.secret);
  if (secret.length === 0) throw invalidInput('the secret is empty');
  return makeSeed({ ...input, secret });
}

/** What a value of the file is, in words (never the value itself: it may be a secret). */
function kindOfValue(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return 'text';
    case 'number':
    case 'bigint':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'object':
      return 'a group of fields';
    default:
      return 'something else';
  }
}

/** What a schema's expected type is, in words. */
const EXPECTED_KIND: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  bigint: 'a number',
  boolean: 'true or false',
  object: 'a group of fields',
  array: 'a list',
  record: 'a group of fields',
  map: 'a group of fields',
  null: 'empty (null)',
};

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let found = value;
  for (const key of path) {
    if (typeof found !== 'object' || found === null) return undefined;
    found = (found as Record<PropertyKey, unknown>)[key];
  }
  return found;
}

function bound(value: number | bigint): string {
  return Number(value).toLocaleString('en');
}

/** One zod issue as a phrase about the entry's field; none of zod's own text. */
function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  const where =
    issue.path.length > 0 ? `its "${issue.path.map(String).join('.')}" field` : 'the entry';
  switch (issue.code) {
    case 'invalid_type': {
      const found = valueAt(value, issue.path);
      if (found === undefined) return `${where} is missing`;
      const expected = EXPECTED_KIND[issue.expected] ?? 'of another kind';
      return typeof found === 'number' && issue.expected === 'int'
        ? `${where} should be a whole number`
        : `${where} should be ${expected}, not ${kindOfValue(found)}`;
    }
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? `${where} is empty`
          : `${where} is shorter than ${bound(issue.minimum)} characters`;
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return `${where} has fewer than ${bound(issue.minimum)} items`;
      }
      return `${where} should be ${issue.inclusive === false ? 'above' : 'at least'} ${bound(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'string') {
        return `${where} is longer than ${bound(issue.maximum)} characters`;
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return `${where} has more than ${bound(issue.maximum)} items`;
      }
      return `${where} should be ${issue.inclusive === false ? 'below' : 'at most'} ${bound(issue.maximum)}`;
    case 'invalid_value': {
      const choices = issue.values.filter(
        (choice): choice is string | number | boolean =>
          typeof choice === 'string' || typeof choice === 'number' || typeof choice === 'boolean',
      );
      return choices.length > 0 && choices.length <= 8
        ? `${where} should be one of ${choices.map(String).join(', ')}`
        : `${where} holds a value Sparekey does not know`;
    }
    case 'invalid_union':
      return `${where} is not in any form Sparekey knows`;
    case 'unrecognized_keys':
      return `${where} has fields Sparekey does not know`;
    case 'invalid_format':
    case 'not_multiple_of':
    default:
      return `${where} is not in the form Sparekey expects`;
  }
}

/**
 * The first problem zod found in `value`, as a phrase in Sparekey's words:
 * `its "digits" field should be a number, not text`. The value is never echoed.
 */
export function describeSchemaError(error: z.ZodError, value: unknown): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'its structure is not as expected';
  return describeIssue(issue, value);
}

/** Parses one entry against its schema; throws INVALID_INPUT describing the first problem. */
export function parseEntry<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidInput(describeSchemaError(parsed.error, value));
  return parsed.data;
}

/** Collects a file's entries: each converted on its own, a failure recorded with its reason. */
export class EntryCollector {
  readonly entries: ImportedEntry[] = [];
  readonly skipped: EntryNote[] = [];
  readonly failed: EntryNote[] = [];

  /** Runs `convert`; a VaultError it throws becomes this entry's failure. */
  add(label: string, convert: () => ImportedEntry | ImportedEntry[]): void {
    const converted = this.attempt(label, convert);
    if (converted === undefined) return;
    if (Array.isArray(converted)) for (const entry of converted) this.entries.push(entry);
    else this.entries.push(converted);
  }

  /** Runs `fn`; a VaultError it throws becomes the failure of `label`, and the result is undefined. */
  attempt<T>(label: string, fn: () => T): T | undefined {
    try {
      return fn();
    } catch (error) {
      if (!isVaultError(error)) throw error;
      this.failed.push({ label, reason: error.message.replace(/\.$/, '') });
      return undefined;
    }
  }

  /**
   * Converts each raw entry of a list on its own, labelled "entry N (name)" with
   * the name `nameOf` finds in it (the entry is not validated yet: any shape).
   */
  each(
    items: readonly unknown[],
    nameOf: (raw: Record<string, unknown>) => unknown,
    convert: (raw: unknown, label: string) => ImportedEntry | ImportedEntry[],
  ): void {
    items.forEach((raw, index) => {
      const name =
        typeof raw === 'object' && raw !== null ? nameOf(raw as Record<string, unknown>) : null;
      const label = entryLabel(index, typeof name === 'string' ? name : null);
      this.add(label, () => convert(raw, label));
    });
  }

  skip(label: string, reason: string): void {
    this.skipped.push({ label, reason });
  }

  fail(label: string, reason: string): void {
    this.failed.push({ label, reason });
  }

  result(extra: Partial<ReadResult> = {}): ReadResult {
    return {
      entries: this.entries,
      skipped: this.skipped,
      failed: this.failed,
      batchParts: [],
      ...extra,
    };
  }
}
