/** Recovery sheets: the vocabulary shared by the core, the CLI and the UI. */

export const SHEET_PAPERS = ['a4', 'letter'] as const;
export type SheetPaper = (typeof SHEET_PAPERS)[number];

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
