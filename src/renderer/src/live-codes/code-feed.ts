import type { CodeView } from '../../../shared/domain.js';
import { SECOND_MS } from '../../../shared/durations.js';

/** getCodes takes at most this many ids; only the codes on screen are asked for. */
export const MAX_CODE_IDS = 500;

/** Whether two views of an account's codes show the same thing (`at` aside). */
function showsSame(a: CodeView, b: CodeView): boolean {
  return (
    a.current === b.current &&
    a.previous === b.previous &&
    a.next === b.next &&
    a.period === b.period &&
    a.secondsRemaining === b.secondsRemaining
  );
}

/**
 * The live codes of the accounts on screen. Each component showing a code
 * subscribes to its account; one refresh a second asks main for the codes of
 * every subscribed account in a single call, and wakes only the components
 * whose codes changed, so the list around them does not render again. The
 * renderer never holds a seed, only the codes main computed.
 */
export class CodeFeed {
  private readonly codes = new Map<string, CodeView>();
  private readonly listeners = new Map<string, Set<() => void>>();
  private refreshQueued = false;
  private asked = 0;
  private published = 0;

  constructor(private readonly fetchCodes: (ids: string[]) => Promise<CodeView[]>) {}

  get(accountId: string): CodeView | undefined {
    return this.codes.get(accountId);
  }

  /**
   * Calls `listener` whenever the account's codes change; a new account is
   * asked for at once. Returns the unsubscribe; the last one forgets the codes,
   * so a row scrolled back into view never shows an old code.
   */
  subscribe(accountId: string, listener: () => void): () => void {
    let set = this.listeners.get(accountId);
    if (set === undefined) {
      set = new Set();
      this.listeners.set(accountId, set);
      this.refreshSoon();
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(accountId) === set) {
        this.listeners.delete(accountId);
        this.codes.delete(accountId);
      }
    };
  }

  /** Refreshes once a second until the returned function is called. */
  start(): () => void {
    const timer = globalThis.setInterval(() => void this.refresh(), SECOND_MS);
    return () => globalThis.clearInterval(timer);
  }

  /** One refresh after the current batch of subscriptions (a scroll adds several rows at once). */
  private refreshSoon(): void {
    if (this.refreshQueued) return;
    this.refreshQueued = true;
    queueMicrotask(() => {
      this.refreshQueued = false;
      void this.refresh();
    });
  }

  /** Asks main for the codes of every subscribed account; an answer older than one already shown is dropped. */
  async refresh(): Promise<void> {
    const ids = [...this.listeners.keys()].slice(0, MAX_CODE_IDS);
    if (ids.length === 0) return;
    const request = ++this.asked;
    let views: CodeView[];
    try {
      views = await this.fetchCodes(ids);
    } catch {
      return; // Locked or removed meanwhile: the lock notification or the list reload takes over.
    }
    if (request < this.published) return;
    this.published = request;
    for (const view of views) {
      const listeners = this.listeners.get(view.accountId);
      if (listeners === undefined) continue;
      const before = this.codes.get(view.accountId);
      if (before !== undefined && showsSame(before, view)) continue;
      this.codes.set(view.accountId, view);
      for (const listener of listeners) listener();
    }
  }
}
