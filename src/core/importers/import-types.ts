import type { OtpSeed } from '../../shared/domain.js';
import type { ImportFormat } from '../../shared/import-export.js';
import type { FileContent } from './file-content.js';

/** One account as it comes out of another app's file, validated and ready to add. */
export interface ImportedEntry {
  /** Which entry of the file, for messages: "entry 3 (GitHub)", "line 4". */
  label: string;
  issuer: string;
  accountName: string;
  url: string;
  notes: string;
  tags: string[];
  seed: OtpSeed | null;
  /** The first factor, from password managers (Bitwarden). */
  login: ImportedLogin | null;
  /** What of the entry does not carry over, said before commit. */
  warnings: string[];
}

export interface ImportedLogin {
  username: string;
  password: string;
  /** Sign-in addresses besides the account's URL. */
  urls: string[];
}

/** An entry left out of the import, and why. */
export interface EntryNote {
  label: string;
  reason: string;
}

/** One part of a Google Authenticator transfer (one QR code), to check that a batch is complete. */
export interface BatchPart {
  batchId: number;
  /** 0-based. */
  batchIndex: number;
  batchSize: number;
}

/** What reading one file yields. Entries that could not be read are listed, never dropped. */
export interface ReadResult {
  entries: ImportedEntry[];
  skipped: EntryNote[];
  failed: EntryNote[];
  batchParts: BatchPart[];
  /** A more precise description than the importer's label, e.g. "2FAS backup, schema 4". */
  description?: string;
}

/** A file whose container was read: its entries, after decryption when it is encrypted. */
export interface OpenedFile {
  readonly encrypted: boolean;
  /**
   * Decrypts when needed and converts to entries. A wrong password throws
   * WRONG_PASSWORD naming the file; damaged content throws INVALID_INPUT naming
   * the file and what is wrong. A key file is for formats that take one (KeePass).
   */
  read(password: string | undefined, keyFile?: Uint8Array): Promise<ReadResult>;
}

/**
 * One file format, in Aegis's spirit: detect from content, then read (decrypt if
 * needed), then convert to entries with errors per entry.
 */
export interface Importer {
  readonly format: ImportFormat;
  /** For people: "Aegis vault", "Bitwarden CSV export". */
  readonly label: string;
  /** Claims a file from its content; cheap and never throws. */
  detect(file: FileContent): boolean;
  /** Reads the container; throws INVALID_INPUT naming the file when it is not this format or is damaged. */
  open(file: FileContent): OpenedFile;
}
