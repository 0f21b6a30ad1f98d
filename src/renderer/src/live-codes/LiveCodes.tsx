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
 * What a code's place shows besides its countdown: the codes, and whether they are in their
 * last seconds (and, with `secondsWhenEnding`, those seconds, for a "Next, in 5 s").
 */
function codeShows(view: CodeView | undefined, secondsWhenEnding: boolean): string {
  if (view === undefined) return '';
  const ending = view.secondsRemaining <= ENDING_SECONDS;
  const last = ending ? (secondsWhenEnding ? String(view.secondsRemaining) : 'ending') : '';
  return `${view.current}|${view.previous}|${view.next}|${last}`;
}

/**
 * An account's current codes, asked of main now and refreshed once a second.
 * The component renders again only when a code changes or enters its last
 * seconds (each of them with `secondsWhenEnding`), not every second: its
 * countdown is a LiveCountdownRing, redrawn by the feed. Undefined until they
 * arrive. Accounts without time-based codes are skipped by the caller.
 */
export function useLiveCode(
  accountId: string,
  { secondsWhenEnding = false }: { secondsWhenEnding?: boolean } = {},
): CodeView | undefined {
  const { feed, subscribe } = useAccountFeed(accountId);
  useSyncExternalStore(subscribe, () => codeShows(feed.get(accountId), secondsWhenEnding));
  return feed.get(accountId);
}

/**
 * A countdown ring that the feed redraws each second itself (its arc, its
 * label and, with `showSeconds`, the number inside), without a render of what
 * is around it: at 10,000 accounts a second's refresh of the list and the
 * account's page costs a few DOM writes.
 */
export function LiveCountdownRing({
  accountId,
  period,
  size,
  ending,
  showSeconds = false,
}: {
  accountId: string;
  period: number;
  size: number;
  ending: boolean;
  showSeconds?: boolean;
}) {
  const feed = useFeed();
  const ring = useRef<HTMLSpanElement>(null);
  const arc = useRef<SVGCircleElement>(null);
  const seconds = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const circumference = ringCircumference(size);
    const draw = () => {
      const left = feed.get(accountId)?.secondsRemaining ?? period;
      arc.current?.setAttribute(
        'stroke-dashoffset',
        String(ringOffset(left, period, circumference)),
      );
      ring.current?.setAttribute('aria-label', ringLabel(left));
      // The number's own text node is rewritten (no node replaced, so no new one to style).
      const number = seconds.current;
      if (number?.firstChild) number.firstChild.nodeValue = String(left);
      else if (number) number.textContent = String(left);
    };
    draw();
    return feed.subscribe(accountId, draw);
  }, [feed, accountId, period, size, showSeconds]);
  return (
    <CountdownRing
      secondsRemaining={feed.get(accountId)?.secondsRemaining ?? period}
      period={period}
      size={size}
      ending={ending}
      showSeconds={showSeconds}
      ringRef={ring}
      arcRef={arc}
      secondsRef={seconds}
    />
  );
}
