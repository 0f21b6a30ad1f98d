import type { CodesStatus } from '../../shared/backup-codes.js';
import type { AccountSummary } from '../../shared/domain.js';
import type { HealthFinding } from '../../shared/health.js';
import type { AccountRecovery, Contact } from '../../shared/recovery.js';
import type { ClockCheck } from '../clock-check/sntp.js';
import type { PasswordFacts } from '../logins/logins.js';
import type { VaultSettings } from '../settings/settings-schema.js';
import type { BackupState } from '../backups/backup-state.js';
import type { SheetPrintFacts } from '../sheets/sheets.js';

/**
 * Everything the rules look at, gathered once per check from one snapshot of
 * the vault. Rules are pure functions of it, so each can be tested at its edges
 * with an injected instant. Features add their own section here.
 */
export interface HealthSnapshot {
  /** The instant the check is for (epoch ms). */
  now: number;
  settings: VaultSettings;
  accounts: AccountSummary[];
  contacts: Contact[];
  /** Recovery records by account id (accounts never given any have none). */
  recoveries: Map<string, AccountRecovery>;
  /** The last comparison with a network time source, if the user ran one. */
  clockCheck: ClockCheck | null;
  /** Backup codes of every account that has or had a set (`vault.backupCodes.statusAll()`). */
  codes: CodesStatus[];
  /** Every stored password's strength, age and sharing accounts (never the password). */
  passwords: PasswordFacts[];
  /** Every printed recovery sheet, with what changed since (`vault.sheets.printFacts()`). */
  sheets: SheetPrintFacts[];
  /** The vault's change count and what the last backup holds (`vault.backups.state()`). */
  backup: BackupState;
}

export interface HealthRule {
  /** The prefix of the ids of the findings it produces, e.g. `codes`. */
  id: string;
  check(snapshot: HealthSnapshot): HealthFinding[];
}
