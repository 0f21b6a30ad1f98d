import {
  type KeyboardEvent,
  useCallback,
  useDeferredValue,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { AccountFlag } from '../../../shared/contract/health-methods.js';
import type { AccountSummary } from '../../../shared/domain.js';
import type { Severity } from '../../../shared/health.js';
import { call, errorMessage } from '../api.js';
import type { AccountSection, NavRequest } from '../app/navigation.js';
import { useVaultData } from '../app/vault-data.js';
import { byUrgency } from '../health/flags.js';
import { useCopyCode } from '../live-codes/useCopyCode.js';
import { PlusIcon, SearchIcon, WarningIcon } from '../ui/icons.js';
import { useToast } from '../ui/Toast.js';
import { accountLabel } from '../../../shared/account-names.js';
import { AccountDetail } from './AccountDetail.js';
import { AccountForm } from './AccountForm.js';
import { AccountList, LIST_ID, optionId } from './AccountList.js';
import { useAccountFilter } from './useAccountFilter.js';

interface Props {
  /** Where the app was sent: an account (and a section of it) to show. */
  request: Extract<NavRequest, { view: 'accounts' }>;
  /** Bumped by the shell on Ctrl/Cmd+F: focus the search field. */
  searchRequest: number;
  onCountChange?: (count: number) => void;
}

type Mode = { kind: 'view' } | { kind: 'add' } | { kind: 'edit'; account: AccountSummary };

const PAGE = 10;
const count = new Intl.NumberFormat();
const SEARCH_SHORTCUT = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘F' : 'Ctrl F';

/**
 * The main view: a searchable, keyboard-driven account list on the left, the
 * selected account (or the add/edit form) on the right.
 */
export function AccountsView({ request, searchRequest, onCountChange }: Props) {
  const [accounts, setAccounts] = useState<AccountSummary[] | null>(null);
  const [query, setQuery] = useState('');
  const [onlyWithWarnings, setOnlyWithWarnings] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(request.accountId ?? null);
  /** The section the app was last sent to, in the account it was sent to. */
  const [focus, setFocus] = useState<{
    accountId: string;
    section: AccountSection;
    serial: number;
  } | null>(
    request.section && request.accountId
      ? { accountId: request.accountId, section: request.section, serial: request.serial }
      : null,
  );
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const search = useRef<HTMLInputElement>(null);
  const copy = useCopyCode();
  const toast = useToast();
  const { overview, changed } = useVaultData();
  /** Enter on a counter-based row: its Code tab generates the next code there, not here. */
  const [hotpRequest, setHotpRequest] = useState(0);

  // Each account's critical and warning findings, most urgent first; the list and its filter use them.
  const { flags, worst } = useMemo(() => {
    const flags = new Map<string, AccountFlag[]>();
    const worst = new Map<string, Severity>();
    for (const entry of overview?.flagged ?? []) {
      const sorted = byUrgency(entry.flags);
      flags.set(entry.accountId, sorted);
      if (sorted[0]) worst.set(entry.accountId, sorted[0].severity);
    }
    return { flags, worst };
  }, [overview]);

  // Sent here for an account (a finding's fix, a link): show it, whatever the search or filter hid.
  const [handled, setHandled] = useState(request.serial);
  if (request.serial !== handled) {
    setHandled(request.serial);
    if (request.accountId) {
      setSelectedId(request.accountId);
      setQuery('');
      setOnlyWithWarnings(false);
      setMode({ kind: 'view' });
      setFocus(
        request.section
          ? { accountId: request.accountId, section: request.section, serial: request.serial }
          : null,
      );
    }
  }

  const shown = useAccountFilter(accounts ?? [], { query, onlyWithWarnings, worst });
  // The selection follows the search: when the selected account is filtered out, the first match is selected.
  const selected = shown.find((account) => account.id === selectedId) ?? shown[0] ?? null;

  const reload = useCallback(
    async (select?: string | null) => {
      const list = await call('listAccounts', {});
      setAccounts(list);
      if (select !== undefined) setSelectedId(select);
      changed();
    },
    [changed],
  );

  // The detail pane follows the selection a moment later (a deferred render): a
  // keystroke in the search shows the filtered list first, then the first match's detail.
  const detailAccount = useDeferredValue(selected);
  const shownNow = useRef(shown);
  useLayoutEffect(() => {
    shownNow.current = shown;
  }, [shown]);
  const onEdit = useCallback(() => {
    if (detailAccount) setMode({ kind: 'edit', account: detailAccount });
  }, [detailAccount]);
  const onChanged = useCallback((account: AccountSummary) => void reload(account.id), [reload]);
  const onRemoved = useCallback(
    (removed: AccountSummary) => {
      const list = shownNow.current;
      const index = list.findIndex((account) => account.id === removed.id);
      const neighbour = index < 0 ? null : (list[index + 1] ?? list[index - 1] ?? null);
      void reload(neighbour?.id ?? null);
      const label = accountLabel(removed);
      toast(`Removed ${label}. It is kept 30 days under Settings, Recently removed.`, 'done', {
        label: 'Undo',
        run: () => {
          void call('restoreAccount', { id: removed.id }).then(
            () => {
              void reload(removed.id);
              toast(`${label} is back, with everything it had.`);
            },
            (error: unknown) => toast(errorMessage(error), 'error'),
          );
        },
      });
    },
    [reload, toast],
  );

  useEffect(() => {
    void call('listAccounts', {}).then(setAccounts);
  }, []);

  useEffect(() => {
    if (accounts !== null) onCountChange?.(accounts.length);
  }, [accounts, onCountChange]);

  const loaded = accounts !== null;
  useEffect(() => {
    // After the list has loaded: Ctrl/Cmd+F may have been pressed in another view.
    if (loaded && searchRequest > 0) {
      search.current?.focus();
      search.current?.select();
    }
  }, [searchRequest, loaded]);

  const move = (delta: number | 'first' | 'last') => {
    if (shown.length === 0) return;
    const index = selected ? shown.indexOf(selected) : -1;
    const next =
      delta === 'first'
        ? 0
        : delta === 'last'
          ? shown.length - 1
          : Math.min(shown.length - 1, Math.max(0, index + delta));
    setSelectedId(shown[next]?.id ?? null);
    setMode({ kind: 'view' });
  };

  /** Arrows, Page Up/Down, Home/End move; Enter copies the selected account's code. */
  const onNavigate = (event: KeyboardEvent<HTMLElement>, inSearch: boolean) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(1),
      ArrowUp: () => move(-1),
      PageDown: () => move(PAGE),
      PageUp: () => move(-PAGE),
      Enter: () => {
        if (selected?.otp?.type === 'hotp') {
          setMode({ kind: 'view' });
          setHotpRequest((n) => n + 1);
        } else if (selected?.otp) void copy(selected);
      },
      ...(inSearch
        ? {}
        : {
            Home: () => move('first'),
            End: () => move('last'),
          }),
    };
    if (inSearch && event.key === 'Escape' && query !== '') {
      event.preventDefault();
      setQuery('');
      return;
    }
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  };

  const onImported = (ids: string[]) => {
    setMode({ kind: 'view' });
    setQuery('');
    void reload(ids[0] ?? null);
  };

  if (accounts === null) return <div className="accounts-view" aria-busy="true" />;

  const detail =
    mode.kind === 'add' ? (
      <AccountForm
        onCancel={() => setMode({ kind: 'view' })}
        onSaved={(added) => {
          setMode({ kind: 'view' });
          setQuery('');
          void reload(added.id);
        }}
        onImported={onImported}
      />
    ) : mode.kind === 'edit' ? (
      <AccountForm
        key={mode.account.id}
        account={mode.account}
        onCancel={() => setMode({ kind: 'view' })}
        onSaved={(saved) => {
          setMode({ kind: 'view' });
          void reload(saved.id);
        }}
      />
    ) : accounts.length === 0 ? (
      <section className="empty" aria-labelledby="empty-title">
        <h2 id="empty-title">Your vault is empty</h2>
        <p>
          Start with the account you could least afford to lose, usually your main e-mail. Add its
          authenticator seed here, so a lost phone does not lock you out.
        </p>
        <p className="muted">
          On the site’s two-factor settings page, choose “Can’t scan the QR code?” and paste the
          setup key or the otpauth:// link.
        </p>
        <button type="button" className="primary" onClick={() => setMode({ kind: 'add' })}>
          <PlusIcon /> Add your first account
        </button>
      </section>
    ) : detailAccount ? (
      <AccountDetail
        key={detailAccount.id}
        account={detailAccount}
        focus={focus?.accountId === detailAccount.id ? focus : null}
        hotpRequest={hotpRequest === 0 ? undefined : hotpRequest}
        onEdit={onEdit}
        onChanged={onChanged}
        onRemoved={onRemoved}
      />
    ) : query === '' && onlyWithWarnings ? (
      <section className="empty" aria-labelledby="empty-title">
        <h2 id="empty-title">No account needs attention</h2>
        <p className="muted">
          No account has a critical finding or a warning. Health lists the smaller suggestions too.
        </p>
      </section>
    ) : (
      <section className="empty" aria-labelledby="empty-title">
        <h2 id="empty-title">No account matches “{query}”</h2>
        <p className="muted">
          Search looks at issuers, account names, sign-in pages and tags
          {onlyWithWarnings ? ', among the accounts that need attention' : ''}.
        </p>
      </section>
    );

  return (
    <div className="accounts-view">
      <section className="list-pane" aria-label="Account list">
        <div className="list-toolbar">
          <div className="search">
            <SearchIcon className="search-icon" />
            <input
              autoComplete="off"
              ref={search}
              type="search"
              role="combobox"
              aria-label="Search accounts"
              aria-controls={LIST_ID}
              aria-expanded={shown.length > 0}
              aria-autocomplete="list"
              aria-activedescendant={selected ? optionId(selected.id) : undefined}
              aria-keyshortcuts="Control+F Meta+F"
              placeholder="Search"
              value={query}
              spellCheck={false}
              onChange={(event) => setQuery(event.target.value)}
              onKeyDown={(event) => onNavigate(event, true)}
            />
            <kbd className="search-kbd" aria-hidden="true">
              {SEARCH_SHORTCUT}
            </kbd>
          </div>
          <button type="button" className="primary" onClick={() => setMode({ kind: 'add' })}>
            <PlusIcon />
            <span>
              Add<span className="wide-only"> account</span>
            </span>
          </button>
        </div>
        <div className="list-meta">
          <p className="list-count" aria-live="polite">
            {query === '' && !onlyWithWarnings
              ? `${count.format(accounts.length)} ${accounts.length === 1 ? 'account' : 'accounts'}`
              : `${count.format(shown.length)} of ${count.format(accounts.length)} ${onlyWithWarnings && query === '' ? 'need attention' : 'match'}`}
          </p>
          {(worst.size > 0 || onlyWithWarnings) && (
            <button
              type="button"
              className="filter-toggle"
              aria-pressed={onlyWithWarnings}
              onClick={() => setOnlyWithWarnings((on) => !on)}
              title="Show only the accounts with a critical finding or a warning"
            >
              <WarningIcon width="14" height="14" /> Needs attention
              <span className="filter-count">{count.format(worst.size)}</span>
            </button>
          )}
        </div>
        <AccountList
          accounts={shown}
          selectedId={selected?.id ?? null}
          flags={flags}
          onSelect={(account) => {
            setSelectedId(account.id);
            setMode({ kind: 'view' });
          }}
          onCopy={(account) => void copy(account)}
          onKeyDown={(event) => onNavigate(event, false)}
        />
      </section>
      <section className="detail-pane" aria-label="Selected account">
        {detail}
      </section>
    </div>
  );
}
