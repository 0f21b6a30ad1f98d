import { describe, expect, it } from 'vitest';
import type { CodeView } from '../../../src/shared/domain.js';
import { CodeFeed } from '../../../src/renderer/src/live-codes/code-feed.js';

function view(accountId: string, current: string, secondsRemaining: number): CodeView {
  return {
    accountId,
    type: 'totp',
    current,
    previous: null,
    next: null,
    period: 30,
    secondsRemaining,
    at: Date.now(),
  } as CodeView;
}

/** A feed whose calls to main are recorded and answered by the test, in any order. */
function scriptedFeed() {
  const asked: { ids: string[]; answer: (views: CodeView[]) => void; fail: () => void }[] = [];
  const feed = new CodeFeed(
    (ids) =>
      new Promise((resolve, reject) => {
        asked.push({ ids, answer: resolve, fail: () => reject(new Error('Locked.')) });
      }),
  );
  return { feed, asked };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the live code feed', () => {
  it('asks once for a batch of new subscriptions, and wakes only the accounts whose codes changed', async () => {
    const { feed, asked } = scriptedFeed();
    const woken: string[] = [];
    for (const id of ['a', 'b', 'c']) feed.subscribe(id, () => woken.push(id));
    await settle();
    expect(asked.map((call) => call.ids)).toEqual([['a', 'b', 'c']]);

    asked[0]!.answer([view('a', '111111', 20), view('b', '222222', 20), view('c', '333333', 20)]);
    await settle();
    expect(woken.sort()).toEqual(['a', 'b', 'c']);
    expect(feed.get('b')?.current).toBe('222222');

    // A refresh where only b's countdown moved (a new `at` alone is no change).
    woken.length = 0;
    void feed.refresh();
    asked[1]!.answer([view('a', '111111', 20), view('b', '222222', 19), view('c', '333333', 20)]);
    await settle();
    expect(woken).toEqual(['b']);
  });

  it('drops an answer older than one already shown, and keeps the codes when main refuses', async () => {
    const { feed, asked } = scriptedFeed();
    feed.subscribe('a', () => undefined);
    await settle();
    void feed.refresh();
    asked[1]!.answer([view('a', '222222', 29)]);
    await settle();
    asked[0]!.answer([view('a', '111111', 1)]);
    await settle();
    expect(feed.get('a')?.current).toBe('222222');

    void feed.refresh();
    asked[2]!.fail();
    await settle();
    expect(feed.get('a')?.current).toBe('222222');
  });

  it('forgets an account when its last subscriber leaves, so it is asked for afresh when shown again', async () => {
    const { feed, asked } = scriptedFeed();
    const first = feed.subscribe('a', () => undefined);
    const second = feed.subscribe('a', () => undefined);
    await settle();
    asked[0]!.answer([view('a', '111111', 10)]);
    await settle();
    first();
    expect(feed.get('a')?.current).toBe('111111');
    second();
    expect(feed.get('a')).toBeUndefined();

    // Nothing subscribed: a refresh asks main nothing.
    await feed.refresh();
    expect(asked).toHaveLength(1);
    feed.subscribe('a', () => undefined);
    await settle();
    expect(asked.map((call) => call.ids)).toEqual([['a'], ['a']]);
  });
});
