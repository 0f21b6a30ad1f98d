import {
  type KeyboardEvent,
  memo,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { AccountSummary } from '../../../shared/domain.js';
import type { AccountSection } from '../app/navigation.js';
import { syncStickyHeight } from '../app/sticky-header.js';
import { useSectionFocus } from '../app/useSectionFocus.js';
import { BackupCodes } from '../backup-codes/BackupCodes.js';
import { RecoverySection } from '../recovery/RecoverySection.js';
import { AccountHeader } from './AccountHeader.js';
import { RemoveAccount } from './RemoveAccount.js';
import { CodeSection } from './sections/CodeSection.js';
import { HistorySection } from './sections/HistorySection.js';
import { SignInSection } from './sections/SignInSection.js';

interface Props {
  account: AccountSummary;
  /** A section to bring into view (a finding's fix button sent the app here). */
  focus: { section: AccountSection; serial: number } | null;
  /** Bumped when Enter is pressed on the account's row and its codes are counter-based. */
  hotpRequest?: number | undefined;
  onEdit: () => void;
  onChanged: (account: AccountSummary) => void;
  onRemoved: (account: AccountSummary) => void;
}

export type AccountTab = 'code' | 'backup-codes' | 'sign-in' | 'recovery' | 'history';

const TABS: { tab: AccountTab; label: string }[] = [
  { tab: 'code', label: 'Code' },
  { tab: 'backup-codes', label: 'Backup codes' },
  { tab: 'sign-in', label: 'Sign-in' },
  { tab: 'recovery', label: '2FA & recovery' },
  { tab: 'history', label: 'History' },
];

/** The tab each place of the account is in. */
export function tabOf(section: AccountSection): AccountTab {
  switch (section) {
    case 'codes':
      return 'backup-codes';
    case 'login':
      return 'sign-in';
    case 'recovery':
      return 'recovery';
    case 'history':
      return 'history';
    case 'top':
    case 'seed':
    case 'qr':
      return 'code';
  }
}

const tabId = (tab: AccountTab) => `account-tab-${tab}`;
const panelId = (tab: AccountTab) => `account-panel-${tab}`;

/**
 * The selected account: a header that stays (name, live code, the most urgent
 * finding, Print, Edit, Remove) and its sections one click away as tabs: Code,
 * Backup codes, Sign-in, 2FA & recovery, History. Each section is a component
 * of its own. Memoized: a keystroke in the search re-renders the list, not this pane.
 */
export const AccountDetail = memo(function AccountDetail({
  account,
  focus,
  hotpRequest,
  onEdit,
  onChanged,
  onRemoved,
}: Props) {
  const [tab, setTab] = useState<AccountTab>(focus ? tabOf(focus.section) : 'code');
  const [removing, setRemoving] = useState(false);
  // Sent to a section of this account (a fix button): its tab opens.
  const [handled, setHandled] = useState(focus?.serial);
  if (focus && focus.serial !== handled) {
    setHandled(focus.serial);
    setTab(tabOf(focus.section));
  }
  // Enter on a counter-based row: the Code tab, where the next code is generated.
  const [hotpHandled, setHotpHandled] = useState(hotpRequest);
  if (hotpRequest !== hotpHandled) {
    setHotpHandled(hotpRequest);
    setTab('code');
  }
  const serial = (section: AccountSection) =>
    focus?.section === section ? focus.serial : undefined;
  const top = useSectionFocus(serial('top'), true);

  const article = useRef<HTMLElement>(null);
  const sticky = useRef<HTMLDivElement>(null);
  // Another account starts at its top (the pane keeps its scroll position otherwise).
  useLayoutEffect(() => {
    const pane = article.current?.closest('.detail-pane');
    if (pane) pane.scrollTop = 0;
  }, []);
  // Sections scrolled into view stop below the header that stays (CSS scroll-margin-top).
  useEffect(() => {
    const header = sticky.current;
    const page = article.current;
    if (header === null || page === null) return;
    syncStickyHeight(page);
    const observer = new ResizeObserver(() => syncStickyHeight(page));
    observer.observe(header);
    return () => observer.disconnect();
  }, []);

  const choose = (next: AccountTab) => {
    setTab(next);
    const pane = article.current?.closest('.detail-pane');
    if (pane) pane.scrollTop = 0;
  };

  /** Arrow keys, Home and End move between the tabs (the ARIA tabs pattern). */
  const onTabKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = TABS.findIndex((entry) => entry.tab === tab);
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: TABS.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = TABS[(target + TABS.length) % TABS.length];
    if (next === undefined) return;
    choose(next.tab);
    document.getElementById(tabId(next.tab))?.focus();
  };

  let panel: ReactNode;
  switch (tab) {
    case 'code':
      panel = (
        <CodeSection
          account={account}
          onChanged={onChanged}
          seedFocus={serial('seed')}
          qrFocus={serial('qr')}
          hotpRequest={hotpRequest}
        />
      );
      break;
    case 'backup-codes':
      panel = <BackupCodes account={account} focusSerial={serial('codes')} />;
      break;
    case 'sign-in':
      panel = <SignInSection account={account} focusSerial={serial('login')} />;
      break;
    case 'recovery':
      panel = <RecoverySection account={account} focusSerial={serial('recovery')} />;
      break;
    case 'history':
      panel = <HistorySection account={account} focusSerial={serial('history')} />;
      break;
  }

  return (
    <article className="detail" aria-labelledby="detail-title" ref={article}>
      <div className="detail-sticky" ref={sticky}>
        <AccountHeader
          account={account}
          headingRef={top}
          onEdit={onEdit}
          onRemove={() => setRemoving(true)}
        />
        {removing && (
          <RemoveAccount
            account={account}
            onCancel={() => setRemoving(false)}
            onRemoved={onRemoved}
          />
        )}
        <div
          className="tabs"
          role="tablist"
          aria-label={`Sections of ${account.issuer || account.accountName}`}
          onKeyDown={onTabKey}
        >
          {TABS.map((entry) => (
            <button
              key={entry.tab}
              type="button"
              role="tab"
              id={tabId(entry.tab)}
              aria-selected={tab === entry.tab}
              aria-controls={panelId(entry.tab)}
              tabIndex={tab === entry.tab ? 0 : -1}
              className={`tab${tab === entry.tab ? ' current' : ''}`}
              onClick={() => choose(entry.tab)}
            >
              {entry.label}
            </button>
          ))}
        </div>
      </div>
      <div className="tab-panel" role="tabpanel" id={panelId(tab)} aria-labelledby={tabId(tab)}>
        {panel}
      </div>
    </article>
  );
});
