import { useCallback } from 'react';
import type { CodeStep } from '../../../shared/contract/desktop-methods.js';
import type { AccountSummary } from '../../../shared/domain.js';
import { call } from '../api.js';
import { useCopy } from '../ui/useCopy.js';
import { accountLabel } from '../../../shared/account-names.js';

/** Copies an account's code in main and says so. */
export function useCopyCode(): (account: AccountSummary, step?: CodeStep) => Promise<void> {
  const copy = useCopy();
  return useCallback(
    (account, step = 'current') =>
      copy(`the ${accountLabel(account)} ${step === 'current' ? 'code' : `${step} code`}`, () =>
        call('copyCode', { id: account.id, step }),
      ),
    [copy],
  );
}
