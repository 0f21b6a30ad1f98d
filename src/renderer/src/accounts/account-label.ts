import type { AccountSummary } from '../../../shared/domain.js';

/** "GitHub", or the account name when there is no issuer. */
export function accountLabel(account: Pick<AccountSummary, 'issuer' | 'accountName'>): string {
  return account.issuer || account.accountName;
}
