import { useCallback } from 'react';
import type { CopyResult } from '../../../shared/contract/desktop-methods.js';
import { errorMessage } from '../api.js';
import { useToast } from './Toast.js';

/**
 * Copies something in main (the renderer never touches the clipboard, and the
 * text never crosses to it) and says what was copied and when it is cleared.
 */
export function useCopy(): (what: string, copy: () => Promise<CopyResult>) => Promise<void> {
  const toast = useToast();
  return useCallback(
    async (what, copy) => {
      try {
        const { clearsAfterSeconds } = await copy();
        toast(
          clearsAfterSeconds > 0
            ? `Copied ${what}. The clipboard is cleared in ${clearsAfterSeconds} s.`
            : `Copied ${what}.`,
        );
      } catch (error) {
        toast(errorMessage(error), 'error');
      }
    },
    [toast],
  );
}
