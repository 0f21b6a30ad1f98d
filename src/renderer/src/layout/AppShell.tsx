import { useCallback, useEffect, useState } from 'react';
import type { VaultStatus } from '../../../shared/contract/vault-methods.js';
import { AccountsView } from '../accounts/AccountsView.js';
import { SettingsView } from '../settings/SettingsView.js';
import { AccountsIcon, LockIcon, Logo, SettingsIcon } from '../ui/icons.js';
import { ToastProvider } from '../ui/Toast.js';

type View = 'accounts' | 'settings';

interface Props {
  status: VaultStatus;
  onLock: () => void;
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/**
 * The unlocked app: a sidebar with the views (Health and Contacts join in the
 * next phase) and Lock; the view on the right. Ctrl/Cmd+F searches from anywhere.
 */
export function AppShell({ status, onLock }: Props) {
  const [view, setView] = useState<View>('accounts');
  const [searchRequest, setSearchRequest] = useState(0);
  const [count, setCount] = useState<number | null>(null);
  const onCountChange = useCallback((next: number) => setCount(next), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        setView('accounts');
        setSearchRequest((n) => n + 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const nav = (target: View, label: string, Icon: typeof LockIcon, extra?: string) => (
    <li>
      <button
        type="button"
        className={`nav-item${view === target ? ' current' : ''}`}
        aria-current={view === target ? 'page' : undefined}
        title={label}
        onClick={() => setView(target)}
      >
        <Icon />
        <span className="nav-label">{label}</span>
        {extra && <span className="nav-count">{extra}</span>}
      </button>
    </li>
  );

  return (
    <ToastProvider>
      <div className="shell">
        <nav className="sidebar" aria-label="Sparekey">
          <div className="brand">
            <Logo className="brand-logo" />
            <span className="brand-name">Sparekey</span>
          </div>
          <ul className="nav">
            {nav(
              'accounts',
              'Accounts',
              AccountsIcon,
              count === null ? undefined : new Intl.NumberFormat().format(count),
            )}
            {nav('settings', 'Settings', SettingsIcon)}
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
          {view === 'accounts' ? (
            <AccountsView searchRequest={searchRequest} onCountChange={onCountChange} />
          ) : (
            <SettingsView status={status} />
          )}
        </main>
      </div>
    </ToastProvider>
  );
}
