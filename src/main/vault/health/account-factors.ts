import type { AccountSummary } from '../../../shared/domain.js';
import type { AccountRecovery, MethodKind } from '../../../shared/recovery.js';
import type { HealthSnapshot } from './health-rule.js';

/** The ways into one account, as the rules see them. */
export interface AccountFactors {
  account: AccountSummary;
  recovery: AccountRecovery | undefined;
  /** Method kinds recorded for the account, plus `authenticator` when Sparekey holds its seed. */
  kinds: MethodKind[];
  /** Whether the account has any second factor at all. */
  hasTwoFactor: boolean;
}

const PHONE_ONLY: readonly MethodKind[] = ['sms', 'voice', 'whatsapp'];

export function accountFactors(snapshot: HealthSnapshot): AccountFactors[] {
  return snapshot.accounts.map((account) => {
    const recovery = snapshot.recoveries.get(account.id);
    const kinds = (recovery?.methods ?? []).map((method) => method.kind);
    if (account.otp !== null && !kinds.includes('authenticator')) kinds.push('authenticator');
    return { account, recovery, kinds, hasTwoFactor: kinds.length > 0 };
  });
}

/** True when every way in goes through a phone number (SMS, voice, WhatsApp). */
export function phoneOnly(kinds: readonly MethodKind[]): boolean {
  return kinds.length > 0 && kinds.every((kind) => PHONE_ONLY.includes(kind));
}
