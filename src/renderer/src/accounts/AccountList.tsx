import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useEffect, useRef } from 'react';
import type { AccountSummary } from '../../../shared/domain.js';
import type { AccountFlag } from '../../../shared/contract/health-methods.js';
import { AccountRow } from './AccountRow.js';

export const ROW_HEIGHT = 60;
export const LIST_ID = 'account-list';

export function optionId(accountId: string): string {
  return `account-${accountId}`;
}

interface Props {
  accounts: readonly AccountSummary[];
  selectedId: string | null;
  /** Each account's critical and warning findings, most urgent first. */
  flags: ReadonlyMap<string, AccountFlag[]>;
  onSelect: (account: AccountSummary) => void;
  onCopy: (account: AccountSummary) => void;
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
}

/**
 * The account list: a listbox that renders only the rows in view (10,000
 * accounts stay smooth; each row's code asks main for that account only, see
 * LiveCodes), and keeps the selected row scrolled into view.
 */
export function AccountList({ accounts, selectedId, flags, onSelect, onCopy, onKeyDown }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design; the list does not memoize it.
  const virtualizer = useVirtualizer({
    count: accounts.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    getItemKey: (index) => accounts[index]?.id ?? index,
  });
  const selectedIndex = selectedId === null ? -1 : accounts.findIndex((a) => a.id === selectedId);

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const rows = virtualizer.getVirtualItems();
  return (
    <div
      ref={scrollRef}
      id={LIST_ID}
      className="account-scroll"
      role="listbox"
      aria-label="Accounts"
      tabIndex={0}
      aria-activedescendant={selectedIndex >= 0 && selectedId ? optionId(selectedId) : undefined}
      onKeyDown={onKeyDown}
    >
      <div
        role="presentation"
        className="account-sizer"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {rows.map((row) => {
          const account = accounts[row.index];
          if (account === undefined) return null;
          return (
            <AccountRow
              key={row.key}
              id={optionId(account.id)}
              account={account}
              flags={flags.get(account.id)}
              selected={account.id === selectedId}
              position={row.index + 1}
              setSize={accounts.length}
              top={row.start}
              height={row.size}
              onSelect={onSelect}
              onCopy={onCopy}
            />
          );
        })}
      </div>
    </div>
  );
}
