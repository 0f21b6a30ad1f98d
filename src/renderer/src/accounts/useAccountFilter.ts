import { useMemo } from 'react';
import type { AccountSummary } from '../../../shared/domain.js';
import { type AccountFilter, filterAccounts } from './account-filter.js';

/** The filtered list, recomputed only when the accounts or the filter change. */
export function useAccountFilter(
  accounts: readonly AccountSummary[],
  { query, onlyWithWarnings, worst }: AccountFilter,
): AccountSummary[] {
  return useMemo(
    () => filterAccounts(accounts, { query, onlyWithWarnings, worst }),
    [accounts, query, onlyWithWarnings, worst],
  );
}
