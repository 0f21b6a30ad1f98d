import { useCallback, useState } from 'react';
import { errorMessage } from '../api.js';

export interface Action {
  /** Runs one call (one transaction in main); its refusal becomes `error`. Undefined when refused. */
  run: <T>(action: () => Promise<T>) => Promise<T | undefined>;
  busy: boolean;
  error: string | null;
  setError: (error: string | null) => void;
}

/** The busy flag and the core's refusal message of a form or button. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async <T>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await action();
    } catch (caught) {
      setError(errorMessage(caught));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { run, busy, error, setError };
}
