import type { AccountSummary, OtpSeed } from '../../shared/domain.js';

/** An account with its seed, read for an explicit export. */
export interface ExportAccount {
  account: AccountSummary;
  seed: OtpSeed;
}

/** An account an export leaves out, and why. */
export interface NotExported {
  accountId: string;
  issuer: string;
  accountName: string;
  reason: string;
}
