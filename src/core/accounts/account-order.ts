import type { AccountSummary } from '../../shared/domain.js';

/** How names are compared and sorted: ignoring case and accents, numbers by value ("2" before "10"). */
export const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** The order of account lists: by issuer, then by account name. */
export function compareAccounts(a: AccountSummary, b: AccountSummary): number {
  return collator.compare(a.issuer, b.issuer) || collator.compare(a.accountName, b.accountName);
}
