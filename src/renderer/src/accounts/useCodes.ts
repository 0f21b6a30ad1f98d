import { useEffect, useState } from 'react';
import type { CodeView } from '../../../shared/domain.js';
import { call } from '../api.js';

/** Asks main for the codes of the given accounts once a second; the renderer never holds a seed. */
export function useCodes(ids: readonly string[]): Map<string, CodeView> {
  const [codes, setCodes] = useState(() => new Map<string, CodeView>());
  const key = ids.join(',');

  useEffect(() => {
    if (key === '') return;
    let cancelled = false;
    const load = async () => {
      try {
        const views = await call('getCodes', { ids: key.split(',') });
        if (!cancelled) setCodes(new Map(views.map((view) => [view.accountId, view])));
      } catch {
        // Locked or gone: the app's status check takes over.
      }
    };
    void load();
    const timer = window.setInterval(load, 1000);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
    };
  }, [key]);

  return codes;
}
