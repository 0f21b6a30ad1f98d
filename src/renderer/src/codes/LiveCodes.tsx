import { useEffect, useState } from 'react';
import type { CodeView } from '../../../shared/domain.js';
import { call } from '../api.js';

/** getCodes takes at most this many ids; the list only asks for the rows on screen. */
const MAX_IDS = 500;

/**
 * Asks main for the codes of the given accounts now and once a second; the
 * renderer never holds a seed. Accounts without time-based codes are skipped
 * by the caller.
 */
export function useCodes(ids: readonly string[]): ReadonlyMap<string, CodeView> {
  const [codes, setCodes] = useState<ReadonlyMap<string, CodeView>>(() => new Map());
  const key = ids.slice(0, MAX_IDS).join(',');

  useEffect(() => {
    if (key === '') return;
    let cancelled = false;
    const load = async () => {
      try {
        const views = await call('getCodes', { ids: key.split(',') });
        if (!cancelled) setCodes(new Map(views.map((view) => [view.accountId, view])));
      } catch {
        // Locked or removed meanwhile: the lock notification or the list reload takes over.
      }
    };
    void load();
    const timer = window.setInterval(() => void load(), 1000);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
    };
  }, [key]);

  return codes;
}

/** Whether an account shows codes that change with time (TOTP, Steam). */
export function isTimeBased(otp: { type: string } | null): boolean {
  return otp !== null && otp.type !== 'hotp';
}
