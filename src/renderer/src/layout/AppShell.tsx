import { type ReactNode, useCallback, useEffect, useState } from 'react';
import type { VaultStatus } from '../../../shared/contract/vault-methods.js';
import { AccountsView } from '../accounts/AccountsView.js';
import {
  NavigationContext,
  type NavRequest,
  type NavTarget,
  type View,
} from '../app/navigation.js';
import { useVaultData, VaultDataProvider } from '../app/vault-data.js';
import { ContactsView } from '../contacts/ContactsView.js';
import { HealthView } from '../health/HealthView.js';
import { SettingsView } from '../settings/SettingsView.js';
import { ImportExportView } from '../transfer/ImportExportView.js';
import { CodeFeedProvider } from '../live-codes/LiveCodes.js';
import { SheetsView } from '../sheets/SheetsView.js';
import {
  AccountsIcon,
  ContactsIcon,
  HealthIcon,
  LockIcon,
  Logo,
  PrinterIcon,
  SettingsIcon,
  TransferIcon,
} from '../ui/icons.js';
import { ToastProvider, useClearToast } from '../ui/Toast.js';
import { VaultNotices } from '../vault/VaultNotices.js';

interface Props {
  status: VaultStatus;
  onLock: () => void;
  /** A new status from main (a notice seen to). */
  onStatus: (status: VaultStatus) => void;
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

const count = new Intl.NumberFormat();

/**
 * The unlocked app: a sidebar with the views and Lock; the view on the right.
 * Ctrl/Cmd+F searches from anywhere; a finding's fix button, a link to an
 * account or a contact moves here through the navigation context.
 */
export function AppShell(props: Props) {
  return (
    <ToastProvider>
      <VaultDataProvider>
        <CodeFeedProvider>
          <Shell {...props} />
        </CodeFeedProvider>
      </VaultDataProvider>
    </ToastProvider>
  );
}

function Shell({ status, onLock, onStatus }: Props) {
  const [nav, setNav] = useState<NavRequest>({ view: 'accounts', serial: 0 });
  const [searchRequest, setSearchRequest] = useState(0);
  const [accountCount, setAccountCount] = useState<number | null>(null);
  const onCountChange = useCallback((next: number) => setAccountCount(next), []);
  const onAccountsAdded = useCallback(
    (added: number) => setAccountCount((count) => (count === null ? null : count + added)),
    [],
  );
  const { overview, changed } = useVaultData();
  const clearToast = useClearToast();
  // Moving to a view reads the vault afresh: time passes (a contact goes stale) without any change.
  // A toast was about what was on screen: it goes.
  const navigate = useCallback(
    (target: NavTarget) => {
      setNav((previous) => ({ ...target, serial: previous.serial + 1 }));
      clearToast();
      changed();
    },
    [changed, clearToast],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        navigate({ view: 'accounts' });
        setSearchRequest((n) => n + 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);

  const urgent = overview
    ? overview.summary.critical > 0
      ? { severity: 'critical', count: overview.summary.critical }
      : overview.summary.warning > 0
        ? { severity: 'warning', count: overview.summary.warning }
        : null
    : null;

  const item = (target: View, label: string, Icon: typeof LockIcon, extra?: ReactNode) => (
    <li>
      <button
        type="button"
        className={`nav-item${nav.view === target ? ' current' : ''}`}
        aria-current={nav.view === target ? 'page' : undefined}
        title={label}
        onClick={() => navigate({ view: target })}
      >
        <Icon />
        <span className="nav-label">{label}</span>
        {extra}
      </button>
    </li>
  );

  return (
    <NavigationContext.Provider value={navigate}>
      <div className="shell">
        <nav className="sidebar" aria-label="Sparekey">
          <div className="brand">
            <Logo className="brand-logo" />
            <span className="brand-name">Sparekey</span>
          </div>
          <ul className="nav">
            {item(
              'accounts',
              'Accounts',
              AccountsIcon,
              accountCount !== null && (
                <span className="nav-count">{count.format(accountCount)}</span>
              ),
            )}
            {item(
              'health',
              'Health',
              HealthIcon,
              urgent && (
                <span className={`nav-count nav-count-${urgent.severity}`}>
                  <span className="sr-only">, </span>
                  {count.format(urgent.count)}
                  <span className="sr-only"> {urgent.severity}</span>
                </span>
              ),
            )}
            {item('contacts', 'Contacts', ContactsIcon)}
            {item('import-export', 'Import & export', TransferIcon)}
            {item('sheets', 'Sheets & backups', PrinterIcon)}
            {item('settings', 'Settings', SettingsIcon)}
          </ul>
          <div className="sidebar-foot">
            <p className="vault-file" title={status.vaultPath}>
              {fileName(status.vaultPath)}
            </p>
            <button
              type="button"
              className="nav-item"
              onClick={onLock}
              title="Lock"
              aria-keyshortcuts="Control+L Meta+L"
            >
              <LockIcon />
              <span className="nav-label">Lock</span>
            </button>
          </div>
        </nav>
        <main className="content">
          <VaultNotices status={status} onStatus={onStatus} />
          {nav.view === 'accounts' ? (
            <AccountsView
              request={nav}
              searchRequest={searchRequest}
              onCountChange={onCountChange}
            />
          ) : nav.view === 'health' ? (
            <HealthView request={nav} />
          ) : nav.view === 'contacts' ? (
            <ContactsView request={nav} />
          ) : nav.view === 'import-export' ? (
            <ImportExportView onAccountsAdded={onAccountsAdded} />
          ) : nav.view === 'sheets' ? (
            <SheetsView request={nav} />
          ) : (
            <SettingsView status={status} request={nav} />
          )}
        </main>
      </div>
    </NavigationContext.Provider>
  );
}
