import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import type { CodeView } from '../../../shared/domain.js';
import { call } from '../api.js';
import { CodeFeed } from './code-feed.js';
import { ENDING_SECONDS } from './code-display.js';
import { CountdownRing, ringCircumference, ringLabel, ringOffset } from './CountdownRing.js';

const CodeFeedContext = createContext<CodeFeed | null>(null);

/** The live codes for the unlocked app: one feed, refreshed once a second while it is shown. */
export function CodeFeedProvider({ children }: { children: ReactNode }) {
  const [feed] = useState(() => new CodeFeed((ids) => call('getCodes', { ids })));
  useEffect(() => feed.start(), [feed]);
  return <CodeFeedContext.Provider value={feed}>{children}</CodeFeedContext.Provider>;
}

function useFeed(): CodeFeed {
  const feed = useContext(CodeFeedContext);
  if (feed === null) throw new Error('Live codes need a CodeFeedProvider above them.');
  return feed;
}

/** The feed, and a stable subscription to one account in it (for useSyncExternalStore). */
function useAccountFeed(accountId: string) {
  const feed = useFeed();
  const subscribe = useCallback(
    (listener: () => void) => feed.subscribe(accountId, listener),
    [feed, accountId],
  );
  return { feed, subscribe };
}

/**
 * An account's current codes, asked of main now and refreshed once a second;
 * the component renders again whenever they change, its countdown included.
 * Undefined until they arrive. Accounts without time-based codes are skipped
 * by the caller.
 */
export function useLiveCode(accountId: string): CodeView | undefined {
  const { feed, subscribe } = useAccountFeed(accountId);
  return useSyncExternalStore(subscribe, () => feed.get(accountId));
}

/** What a list row shows besides its countdown: the codes, and whether they are in their last seconds. */
function rowShows(view: CodeView | undefined): string {
  if (view === undefined) return '';
  return `${view.current}|${view.next}|${view.secondsRemaining <= ENDING_SECONDS}`;
}

/**
 * An account's codes for a list row: the row renders again only when a code
 * changes or enters its last seconds, not every second; its countdown is a
 * LiveCountdownRing, redrawn by the feed.
 */
export function useLiveRowCode(accountId: string): CodeView | undefined {
  const { feed, subscribe } = useAccountFeed(accountId);
  useSyncExternalStore(subscribe, () => rowShows(feed.get(accountId)));
  return feed.get(accountId);
}

/**
 * A countdown ring that the feed redraws each second itself (two attributes),
 * without a render of the row around it: at 10,000 accounts a second's refresh
 * of the list costs a few DOM writes.
 */
export function LiveCountdownRing({
  accountId,
  period,
  size,
  ending,
}: {
  accountId: string;
  period: number;
  size: number;
  ending: boolean;
}) {
  const feed = useFeed();
  const ring = useRef<HTMLSpanElement>(null);
  const arc = useRef<SVGCircleElement>(null);
  useLayoutEffect(() => {
    const circumference = ringCircumference(size);
    const draw = () => {
      const seconds = feed.get(accountId)?.secondsRemaining ?? period;
      arc.current?.setAttribute(
        'stroke-dashoffset',
        String(ringOffset(seconds, period, circumference)),
      );
      ring.current?.setAttribute('aria-label', ringLabel(seconds));
    };
    draw();
    return feed.subscribe(accountId, draw);
  }, [feed, accountId, period, size]);
  return (
    <CountdownRing
      secondsRemaining={feed.get(accountId)?.secondsRemaining ?? period}
      period={period}
      size={size}
      ending={ending}
      showSeconds={false}
      ringRef={ring}
      arcRef={arc}
    />
  );
}
