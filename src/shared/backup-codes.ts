/**
 * Backup codes as the core, the CLI and the UI see them. Pure data: no Node,
 * no DOM, no Electron. Code texts appear only in the types that say so
 * (a reveal, a copy, a parse preview); everything else carries state only.
 */
import type { HistoryEvent } from './history.js';

/** How an account's backup codes stand: none stored, enough, few left, or none left. */
export type CodesLevel = 'none' | 'ok' | 'low' | 'exhausted';

/**
 * The backup-code state of one account, for the health rules, recovery sheets
 * and the UI. Counts are over the account's current (not replaced) sets.
 */
export interface CodesStatus {
  accountId: string;
  /** The newest current set, or null when the account has none. */
  currentSetId: string | null;
  /** Every current set, newest first (more than one only when the user kept old codes). */
  currentSetIds: string[];
  total: number;
  remaining: number;
  used: number;
  /** The low-codes warning shows when `remaining` is at or below this (and above 0). */
  threshold: number;
  level: CodesLevel;
  /** When the site issued the newest current set (epoch ms), or null. */
  issuedAt: number | null;
  /** The last add, replace, use or undo on any of the account's sets (epoch ms), or null. */
  changedAt: number | null;
}

export type CodeSetState = 'current' | 'replaced';

/** One code of a set, without its text. */
export interface CodeState {
  /** 1-based position in the set, as the site listed it. */
  number: number;
  /** Characters in the code (ignoring spaces and dashes), for drawing a masked grid. */
  length: number;
  usedAt: number | null;
  note: string;
}

/** A set of codes as listed: state and dates, no code text. */
export interface CodeSetView {
  id: string;
  accountId: string;
  label: string;
  state: CodeSetState;
  /** When the site issued the codes (epoch ms); the day they were added unless told otherwise. */
  issuedAt: number;
  addedAt: number;
  replacedAt: number | null;
  total: number;
  used: number;
  remaining: number;
  codes: CodeState[];
}

/** A code with its text, returned only by an explicit reveal or copy (both are recorded). */
export interface RevealedCode extends CodeState {
  /** Exactly as the site issued it, e.g. `1234 5678` or `abcde-12345`. */
  code: string;
}

export interface RevealedCodeSet extends Omit<CodeSetView, 'codes'> {
  codes: RevealedCode[];
}

/** A code found in a pasted block. */
export interface FoundCode {
  /** As it appears in the block (inner spaces and dashes kept). */
  code: string;
  /** Lower case, without spaces or dashes: what matching compares. */
  normalized: string;
  /** 1-based line of the block it was found on. */
  line: number;
  /** Why this one is uncertain, or null. */
  doubt: string | null;
}

/** Something that looked like a code but was left out, and why. */
export interface IgnoredText {
  text: string;
  line: number;
  reason: string;
}

export interface DuplicateCode {
  code: string;
  /** Every line it appears on, the first one being the one kept. */
  lines: number[];
}

/** What the parser found in a pasted block. */
export interface ParsedCodeBlock {
  codes: FoundCode[];
  duplicates: DuplicateCode[];
  ignored: IgnoredText[];
  /** True when nothing is in doubt; otherwise ask the person before saving. */
  sure: boolean;
  /** Plain sentences saying what is uncertain (empty when sure). */
  doubts: string[];
}

/** How a pasted block relates to what the account already holds. */
export interface ExistingCodes {
  /** The account's current sets: how many, and their codes. */
  currentSets: number;
  total: number;
  remaining: number;
  /** Found codes that are already in a current set / in a replaced set. */
  inCurrentSet: number;
  inReplacedSet: number;
}

export interface CodeBlockPreview extends ParsedCodeBlock {
  /** Present when the preview was for an account. */
  existing: ExistingCodes | null;
}

export interface AddCodeSetResult {
  set: CodeSetView;
  /** The sets this one replaced (now `replaced`). */
  replacedSetIds: string[];
  status: CodesStatus;
}

/** A code just marked used (or unmarked by undo). */
export interface CodeUseResult {
  setId: string;
  number: number;
  code: string;
  usedAt: number;
  note: string;
  status: CodesStatus;
}

/** Why a use was refused; carried in the REFUSED error's details. */
export type CodeRefusalReason = 'already-used' | 'replaced' | 'no-match';

export interface CodeSuggestion {
  setId: string;
  number: number;
  /** Edits (insertions, deletions, substitutions, swaps of neighbours) between the typed code and this one. */
  distance: number;
  usedAt: number | null;
}

/** One line of a code set's usage summary: "used 4 of 10: 12 Jan 2026, 3 Mar 2026". */
export interface CodeUsageSummary {
  setId: string;
  label: string;
  total: number;
  used: number;
  /** When each used code was used, oldest first. */
  usedAt: number[];
  text: string;
}

export interface CodeHistory {
  /** One per current set. */
  summaries: CodeUsageSummary[];
  /** Every backup-code event of the account, oldest first. */
  events: HistoryEvent[];
}
