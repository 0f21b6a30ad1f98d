import type { AccountSummary } from './domain.js';

type Named = Pick<AccountSummary, 'issuer' | 'accountName'>;

/** "GitHub", or the account name when there is no issuer: how a list names an account. */
export function accountLabel(account: Named): string {
  return account.issuer || account.accountName;
}

/** "GitHub (octocat)": how a message names an account, so two at one site stay apart. */
export function accountFullName(account: Named): string {
  if (account.issuer && account.accountName) return `${account.issuer} (${account.accountName})`;
  return account.issuer || account.accountName;
}
