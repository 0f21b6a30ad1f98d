import type { AccountSummary } from '../../../shared/domain.js';
import type { Severity } from '../../../shared/health.js';

export interface AccountFilter {
  /** Words to find in the issuer, account name, URL or tags (all of them, any order). */
  query: string;
  /** Only accounts with a health finding (phase 2: the health view's filter). */
  onlyWithWarnings: boolean;
  /** The worst finding per account id, from the health report; absent means none. */
  worst: ReadonlyMap<string, Severity>;
}

/** Each account's searchable text, lower-cased once (a keystroke then only compares strings). */
const haystacks = new WeakMap<AccountSummary, string>();

function haystack(account: AccountSummary): string {
  let text = haystacks.get(account);
  if (text === undefined) {
    text = [account.issuer, account.accountName, account.url, ...account.tags]
      .join(' ')
      .toLocaleLowerCase();
    haystacks.set(account, text);
  }
  return text;
}

/**
 * The accounts the list shows. Every word of the query must appear somewhere
 * (so "git octo" finds GitHub / octocat); the order of `accounts` is kept.
 */
export function filterAccounts(
  accounts: readonly AccountSummary[],
  filter: AccountFilter,
): AccountSummary[] {
  const words = filter.query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  return accounts.filter((account) => {
    if (filter.onlyWithWarnings && !filter.worst.has(account.id)) return false;
    if (words.length === 0) return true;
    const text = haystack(account);
    return words.every((word) => text.includes(word));
  });
}
