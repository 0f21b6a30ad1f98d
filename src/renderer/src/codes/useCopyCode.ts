import { useCallback } from 'react';
import type { CodeStep } from '../../../shared/contract/desktop-methods.js';
import type { AccountSummary } from '../../../shared/domain.js';
import { call, errorMessage } from '../api.js';
import { useToast } from '../ui/Toast.js';
import { accountLabel } from '../accounts/account-label.js';

/** Copies a code in main (the renderer never touches the clipboard) and says so. */
export function useCopyCode(): (account: AccountSummary, step?: CodeStep) => Promise<void> {
  const toast = useToast();
  return useCallback(
    async (account, step = 'current') => {
      try {
        const { clearsAfterSeconds } = await call('copyCode', { id: account.id, step });
        const which = step === 'current' ? 'code' : `${step} code`;
        toast(
          clearsAfterSeconds > 0
            ? `Copied the ${accountLabel(account)} ${which}. The clipboard is cleared in ${clearsAfterSeconds} s.`
            : `Copied the ${accountLabel(account)} ${which}.`,
        );
      } catch (error) {
        toast(errorMessage(error), 'error');
      }
    },
    [toast],
  );
}
