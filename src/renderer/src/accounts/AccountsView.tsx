import { useCallback, useEffect, useMemo, useState } from 'react';
import { groupCode } from '../../../shared/code-format.js';
import type { AccountSummary } from '../../../shared/domain.js';
import { call } from '../api.js';
import { AddAccountForm } from './AddAccountForm.js';
import { useCodes } from './useCodes.js';

interface Props {
  onLock: () => void;
}

export function AccountsView({ onLock }: Props) {
  const [accounts, setAccounts] = useState<AccountSummary[]>([]);
  const [query, setQuery] = useState('');
  const [adding, setAdding] = useState(false);

  const reload = useCallback(() => call('listAccounts', {}).then(setAccounts), []);
  useEffect(() => {
    void reload();
  }, [reload]);

  const shown = useMemo(() => {
    const needle = query.trim().toLowerCase();
    return needle === ''
      ? accounts
      : accounts.filter((account) =>
          `${account.issuer} ${account.accountName}`.toLowerCase().includes(needle),
        );
  }, [accounts, query]);
  const codes = useCodes(
    shown
      .filter((account) => account.otp && account.otp.type !== 'hotp')
      .map((account) => account.id),
  );

  return (
    <div className="app">
      <header className="toolbar">
        <input
          type="search"
          aria-label="Search accounts"
          placeholder="Search accounts"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <button onClick={() => setAdding(true)}>Add account</button>
        <button className="secondary" onClick={onLock}>
          Lock
        </button>
      </header>
      {adding && (
        <AddAccountForm
          onCancel={() => setAdding(false)}
          onAdded={() => {
            setAdding(false);
            void reload();
          }}
        />
      )}
      {accounts.length === 0 && !adding ? (
        <section className="empty">
          <h2>Your vault is empty</h2>
          <p>
            Start with the account you could least afford to lose, usually your main e-mail: add its
            authenticator seed here, so a lost phone does not lock you out.
          </p>
        </section>
      ) : (
        <ul className="accounts" aria-label="Accounts">
          {shown.map((account) => {
            const view = codes.get(account.id);
            return (
              <li key={account.id} className="account">
                <div className="names">
                  <span className="issuer">{account.issuer || account.accountName}</span>
                  {account.issuer && <span className="muted">{account.accountName}</span>}
                </div>
                {view?.current && (
                  <div className="code" aria-label={`Code for ${account.issuer}`}>
                    <span className="digits">{groupCode(view.current)}</span>
                    <span className="muted seconds">{view.secondsRemaining} s</span>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
