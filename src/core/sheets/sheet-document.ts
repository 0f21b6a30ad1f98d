import type { SheetPaper } from '../../shared/sheets.js';
import type { PrintableCodeSet } from '../backup-codes/printable-codes.js';

/** Everything one account's part of a sheet shows, gathered from one snapshot of the vault. */
export interface SheetAccount {
  id: string;
  issuer: string;
  accountName: string;
  url: string;
  seed: SheetSeed | null;
  /** Current (not replaced) sets of backup codes, newest first. */
  codeSets: SheetCodeSet[];
  /** "SMS to +44 7700 900123 (work mobile)", "Authenticator app: Aegis on Pixel 8". */
  methods: string[];
  /** "me@example.com (personal)". */
  recoveryContacts: string[];
  supportUrl: string;
  recoveryNotes: string;
}

export interface SheetSeed {
  /** Exactly the otpauth:// URI the QR code holds. */
  uri: string;
  /** Base32, in groups of four. */
  groupedSecret: string;
  /** "TOTP, SHA1, 6 digits, every 30 s". */
  description: string;
}

/** A current set of backup codes with their text, as the backup codes feature gives it. */
export type SheetCodeSet = PrintableCodeSet;

export interface SheetDocument {
  accounts: SheetAccount[];
  printedAt: number;
  paper: SheetPaper;
  includeUsed: boolean;
  /** The whole vault ("emergency kit") rather than chosen accounts. */
  wholeVault: boolean;
}
