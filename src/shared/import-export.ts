/**
 * Import and export vocabulary shared by the core, the CLI and the UI.
 * Pure TypeScript: no Node, no DOM, no Electron. Nothing here carries a secret.
 */
import type { OtpSummary } from './domain.js';

/** Every file format Sparekey reads. Detected from the content; `--format` forces one. */
export const IMPORT_FORMATS = [
  'otpauth',
  'google-migration',
  'qr-image',
  'aegis',
  '2fas',
  'bitwarden-json',
  'bitwarden-csv',
  'ente-encrypted',
  'andotp',
  'freeotp-plus',
  'proton',
  'stratum',
  'kdbx',
  'steam-mafile',
  'lastpass',
  '1password-1pux',
  'proton-pass',
] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Every format Sparekey writes. */
export const EXPORT_FORMATS = [
  'sparekey',
  'otpauth',
  'aegis',
  'aegis-encrypted',
  'google-qr',
  'kdbx',
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The shortest password an encrypted export accepts (in characters). */
export const MIN_EXPORT_PASSWORD_LENGTH = 8;

/** Formats that put seeds on disk unencrypted: they warn first. */
export const PLAINTEXT_EXPORT_FORMATS: readonly ExportFormat[] = ['otpauth', 'aegis', 'google-qr'];

/** An entry that was not imported, and why ("skipped: not a login", "the secret is not Base32"). */
export interface ImportNote {
  file: string;
  /** Which entry: "entry 3 (GitHub)", "line 4", "QR code 2". */
  label: string;
  reason: string;
}

/** The account an entry duplicates: one already in the vault, or an earlier entry of the same import. */
export interface DuplicateOf {
  /** The vault account's id; null when the duplicate is an earlier entry of this import. */
  accountId: string | null;
  issuer: string;
  accountName: string;
}

/** One entry of a preview, as the UI and the CLI show it: never the secret or the password. */
export interface ImportPreviewEntry {
  file: string;
  issuer: string;
  accountName: string;
  otp: OtpSummary | null;
  tags: string[];
  url: string;
  hasNotes: boolean;
  /** A username or password comes with it (Bitwarden logins). */
  hasLogin: boolean;
  duplicateOf: DuplicateOf | null;
  /** What of the entry does not carry over (a hidden field, a non-web URI…). */
  warnings: string[];
}

export interface ImportPreviewFile {
  name: string;
  format: ImportFormat;
  /** "Aegis vault (encrypted)", "2FAS backup, schema 4". */
  description: string;
  encrypted: boolean;
  entries: number;
  duplicates: number;
  skipped: number;
  failed: number;
}

/** What an import will do, before it does it. */
export interface ImportPreview {
  files: ImportPreviewFile[];
  entries: ImportPreviewEntry[];
  skipped: ImportNote[];
  failed: ImportNote[];
  /** How many accounts a commit adds (entries that are not duplicates). */
  toImport: number;
}

export interface ImportOutcome {
  /** Ids of the accounts added. */
  imported: string[];
  duplicates: number;
  /** Entries of the preview the person chose to leave out. */
  leftOut: number;
  skipped: number;
  failed: number;
}

/** What an export wrote. */
export interface ExportOutcome {
  format: ExportFormat;
  files: string[];
  exported: number;
  /** Accounts left out, and why (a Steam seed has no place in a Google Authenticator transfer…). */
  notExported: { accountId: string; issuer: string; accountName: string; reason: string }[];
}
