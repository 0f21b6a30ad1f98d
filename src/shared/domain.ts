/**
 * Domain types: the plain data that crosses between the core, the CLI and the UI.
 * Pure TypeScript: no Node, no DOM, no Electron.
 */

export const OTP_TYPES = ['totp', 'hotp', 'steam'] as const;
export type OtpType = (typeof OTP_TYPES)[number];

export const OTP_ALGORITHMS = ['SHA1', 'SHA256', 'SHA512'] as const;
export type OtpAlgorithm = (typeof OTP_ALGORITHMS)[number];

/** Steam Guard codes are always 5 characters of this alphabet. */
export const STEAM_DIGITS = 5;
export const MIN_DIGITS = 6;
export const MAX_DIGITS = 8;

/** Everything needed to compute codes, secret included. Lives in the main process only. */
export interface OtpSeed {
  type: OtpType;
  /**
   * The setup key as the person or the file gave it: Base32 of any length, any
   * case, spaces or dashes between groups and `=` padding kept, surrounding
   * space trimmed (a Steam key given in base64 is kept as Base32). Records
   * written before keys were kept as typed hold the canonical form (upper case,
   * no separators, no padding), which is one of these. Codes use its bytes
   * (leftover bits dropped); exports write its characters upper-cased without
   * separators or padding.
   */
  secret: string;
  algorithm: OtpAlgorithm;
  digits: number;
  /** Seconds per step (TOTP and Steam). */
  period: number;
  /** Next HOTP counter to use (HOTP only; 0 otherwise). */
  counter: number;
}

/** What the UI and the CLI may know about a seed without seeing the secret. */
export type OtpSummary = Pick<OtpSeed, 'type' | 'algorithm' | 'digits' | 'period'>;

/** An account as listed: no secrets. */
export interface AccountSummary {
  id: string;
  issuer: string;
  accountName: string;
  url: string;
  notes: string;
  /** Free labels (an imported app's groups become tags). */
  tags: string[];
  /** Epoch milliseconds. */
  createdAt: number;
  updatedAt: number;
  otp: OtpSummary | null;
}

export interface AccountInput {
  issuer: string;
  accountName?: string | undefined;
  url?: string | undefined;
  notes?: string | undefined;
  tags?: string[] | undefined;
}

/** The codes shown for one account at one instant. */
export interface CodeView {
  accountId: string;
  type: OtpType;
  /** The code for the current step; for HOTP, null until one is generated on request. */
  current: string | null;
  /** The code for the previous and next steps (TOTP/Steam), for a drifting clock or the last seconds. */
  previous: string | null;
  next: string | null;
  /** Seconds per step, and how many are left in the current one (TOTP/Steam). */
  period: number;
  secondsRemaining: number;
  /** Epoch milliseconds the code was computed for. */
  at: number;
}
