import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import type { ClockCheckView, HealthOverview } from '../../../shared/contract/health-methods.js';
import { call, errorMessage } from '../api.js';

interface VaultData {
  /** Goes up after every change the user makes; views reload what they show. */
  version: number;
  /** Call after a change to the vault: views and the health overview reload. */
  changed: () => void;
  /** The health overview (counts, scores, each account's warnings), as of the last change. */
  overview: HealthOverview | null;
  /** The last clock check the user ran (main keeps it for the health report until the app quits). */
  clockCheck: ClockCheckView | null;
  setClockCheck: (check: ClockCheckView) => void;
}

const VaultDataContext = createContext<VaultData>({
  version: 0,
  changed: () => undefined,
  overview: null,
  clockCheck: null,
  setClockCheck: () => undefined,
});

/** Holds what several views share: the change counter and the health overview it refreshes. */
export function VaultDataProvider({ children }: { children: ReactNode }) {
  const [version, setVersion] = useState(0);
  const [overview, setOverview] = useState<HealthOverview | null>(null);
  const [clockCheck, setClockCheck] = useState<ClockCheckView | null>(null);
  const changed = useCallback(() => setVersion((n) => n + 1), []);

  useEffect(() => {
    let cancelled = false;
    call('getHealthOverview', {}).then(
      (next) => {
        if (!cancelled) setOverview(next);
      },
      () => undefined, // Locked meanwhile: the unlock screen takes over.
    );
    return () => {
      cancelled = true;
    };
  }, [version]);

  const value = useMemo(
    () => ({ version, changed, overview, clockCheck, setClockCheck }),
    [version, changed, overview, clockCheck],
  );
  return <VaultDataContext.Provider value={value}>{children}</VaultDataContext.Provider>;
}

export function useVaultData(): VaultData {
  return useContext(VaultDataContext);
}

export interface Query<T> {
  data: T | null;
  error: string | null;
  /** Whether an answer came (`data` may be null as an answer). */
  loaded: boolean;
}

/**
 * Loads something from the vault now, and again after every change (and when
 * `key` changes). What was shown stays until the new answer arrives, so
 * nothing jumps while it reloads.
 */
export function useVaultQuery<T>(load: () => Promise<T>, key: string): Query<T> {
  const { version } = useVaultData();
  const [state, setState] = useState<Query<T>>({ data: null, error: null, loaded: false });
  useEffect(() => {
    let cancelled = false;
    load().then(
      (data) => {
        if (!cancelled) setState({ data, error: null, loaded: true });
      },
      (error: unknown) => {
        if (!cancelled) setState((previous) => ({ ...previous, error: errorMessage(error) }));
      },
    );
    return () => {
      cancelled = true;
    };
    // `key` names everything `load` reads; a new closure each render is not a new query.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, version]);
  return state;
}
