import type { CodesStatus } from '../../shared/backup-codes.js';
import type { AccountSummary } from '../../shared/domain.js';
import type { AccountRecovery, MethodKind } from '../../shared/recovery.js';
import type { HealthSnapshot } from './health-rule.js';

/** The ways into one account, as the rules see them. */
export interface AccountFactors {
  account: AccountSummary;
  recovery: AccountRecovery | undefined;
  /** The account's backup codes, if it has or had a set. */
  codes: CodesStatus | undefined;
  /**
   * Method kinds recorded for the account, plus `authenticator` when Sparekey holds
   * its seed and `backup-codes` when unused backup codes are stored here.
   */
  kinds: MethodKind[];
  /** Whether the account has any second factor at all. */
  hasTwoFactor: boolean;
}

const PHONE_ONLY: readonly MethodKind[] = ['sms', 'voice', 'whatsapp'];

export function accountFactors(snapshot: HealthSnapshot): AccountFactors[] {
  const codes = new Map(snapshot.codes.map((status) => [status.accountId, status]));
  return snapshot.accounts.map((account) => {
    const recovery = snapshot.recoveries.get(account.id);
    const kinds = (recovery?.methods ?? []).map((method) => method.kind);
    if (account.otp !== null && !kinds.includes('authenticator')) kinds.push('authenticator');
    const status = codes.get(account.id);
    if (status !== undefined && status.remaining > 0 && !kinds.includes('backup-codes'))
      kinds.push('backup-codes');
    return { account, recovery, codes: status, kinds, hasTwoFactor: kinds.length > 0 };
  });
}

/** True when every way in goes through a phone number (SMS, voice, WhatsApp). */
export function phoneOnly(kinds: readonly MethodKind[]): boolean {
  return kinds.length > 0 && kinds.every((kind) => PHONE_ONLY.includes(kind));
}
