/** Recovery sheets: the vocabulary shared by the core, the CLI and the UI. */

export const SHEET_PAPERS = ['a4', 'letter'] as const;
export type SheetPaper = (typeof SHEET_PAPERS)[number];

/** US Letter where the locale's region uses it (US, Canada, Mexico…), else A4: `en_US.UTF-8` and `en-US` alike. */
export function paperForLocale(locale: string): SheetPaper {
  return /[_-](US|CA|MX|PH|CL|CO|VE|PR|GT|CR|SV|NI|PA|DO)\b/.test(locale) ? 'letter' : 'a4';
}

export interface SheetOptions {
  paper: SheetPaper;
  /** List the used backup codes (struck through, with the date) below the unused ones; else leave them out. */
  includeUsed: boolean;
}

/** A print-ready sheet: one self-contained HTML document (inline CSS and SVG, no script, nothing fetched). */
export interface RenderedSheet {
  /** Holds the account's secrets: write it only where the user chose. */
  html: string;
  title: string;
  /** The accounts on it, in print order. */
  accountIds: string[];
  /** The date printed on it (epoch ms); pass it to markSheetPrinted. */
  printedAt: number;
  paper: SheetPaper;
  /** The policy the document carries in a meta tag, for a window that sets it as a header too. */
  contentSecurityPolicy: string;
}

/** When an account's sheet was last printed. */
export interface SheetPrint {
  accountId: string;
  printedAt: number;
  paper: SheetPaper;
  includeUsed: boolean;
}

/** A sheet saved as PDF from the desktop app: where the user chose, or nothing when they cancelled. */
export type SheetSaveResult =
  | { saved: false }
  | {
      saved: true;
      /** The name of the file written (the user chose its folder). */
      fileName: string;
      /** The accounts on it, now recorded as printed. */
      accountIds: string[];
      printedAt: number;
    };

/** A sheet sent to the printer from the desktop app: recorded as printed only if the user printed it. */
export interface SheetPrintResult {
  printed: boolean;
  accountIds: string[];
  printedAt: number;
}
