import type { CodesStatus } from '../../shared/backup-codes.js';
import type { AccountSummary } from '../../shared/domain.js';
import type { Verdict } from '../../shared/health.js';
import type { RawFinding } from './finding.js';
import type { AccountRecovery, Contact } from '../../shared/recovery.js';
import type { AccountWaysIn } from '../../shared/ways-in.js';
import type { ClockCheck } from '../clock-check/sntp.js';
import type { PasswordFacts } from '../logins/logins.js';
import type { VaultSettings } from '../settings/settings-schema.js';
import type { BackupState } from '../backups/backup-state.js';
import type { SheetPrintFacts } from '../sheets/sheets.js';

/**
 * Everything the rules look at, gathered once per check from one snapshot of
 * the vault, each section from its feature's service. Rules are pure functions
 * of it, so each can be tested at its edges with an injected instant.
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

/**
 * What a health check asks, each of its feature's service: the check reads no
 * other feature's records.
 */
export interface HealthSources {
  settings: { get(): VaultSettings };
  accounts: { list(): AccountSummary[] };
  contacts: { list(): Contact[] };
  recovery: { all(): Map<string, AccountRecovery> };
  backupCodes: { statusAll(): CodesStatus[] };
  logins: { passwordFacts(): PasswordFacts[] };
  sheets: { printFacts(): SheetPrintFacts[] };
  backups: { state(): BackupState };
}

/** One account as the rules see it: its facts, its ways in and their verdict. */
export interface AccountFacts {
  account: AccountSummary;
  recovery: AccountRecovery | undefined;
  /** The account's backup codes, if it has or had a set. */
  codes: CodesStatus | undefined;
  ways: AccountWaysIn;
  verdict: Verdict;
  /**
   * Sparekey holds the seed and knows nothing else of how the account lets the
   * user in (an import from an authenticator app): at most one finding, of level info.
   */
  onlySeedKnown: boolean;
}

/** The snapshot with each account's ways in worked out once, and the contacts by id. */
export interface HealthModel {
  snapshot: HealthSnapshot;
  accounts: AccountFacts[];
  contacts: ReadonlyMap<string, Contact>;
}

/**
 * A rule: findings about one account at a time (`account`, run in the one pass
 * over the accounts, adding what it finds to `out`), or about the vault as a
 * whole (`vault`).
 */
export interface HealthRule {
  /** The kinds of finding it produces share this prefix, e.g. `codes`. */
  id: string;
  account?(facts: AccountFacts, model: HealthModel, out: RawFinding[]): void;
  vault?(model: HealthModel): RawFinding[];
}
