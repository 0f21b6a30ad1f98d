import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useState,
  useSyncExternalStore,
} from 'react';
import type { CodeView } from '../../../shared/domain.js';
import { call } from '../api.js';
import { CodeFeed } from './code-feed.js';

const CodeFeedContext = createContext<CodeFeed | null>(null);

/** The live codes for the unlocked app: one feed, refreshed once a second while it is shown. */
export function CodeFeedProvider({ children }: { children: ReactNode }) {
  const [feed] = useState(() => new CodeFeed((ids) => call('getCodes', { ids })));
  useEffect(() => feed.start(), [feed]);
  return <CodeFeedContext.Provider value={feed}>{children}</CodeFeedContext.Provider>;
}

/**
 * An account's current codes, asked of main now and refreshed once a second;
 * the component renders again only when they change. Undefined until they
 * arrive. Accounts without time-based codes are skipped by the caller.
 */
export function useLiveCode(accountId: string): CodeView | undefined {
  const feed = useContext(CodeFeedContext);
  if (feed === null) throw new Error('useLiveCode needs a CodeFeedProvider above it.');
  const subscribe = useCallback(
    (listener: () => void) => feed.subscribe(accountId, listener),
    [feed, accountId],
  );
  return useSyncExternalStore(subscribe, () => feed.get(accountId));
}
