import { useState } from 'react';
import type { AccountSummary } from '../../../shared/domain.js';
import { accountLabel } from '../accounts/account-label.js';

interface Props {
  accounts: AccountSummary[];
  chosen: ReadonlySet<string>;
  onChange: (chosen: Set<string>) => void;
}

/** Checkboxes over the accounts with a seed, with a search to narrow them. */
export function AccountChooser({ accounts, chosen, onChange }: Props) {
  const [query, setQuery] = useState('');
  const needle = query.trim().toLowerCase();
  const shown = accounts.filter((account) => accountLabel(account).toLowerCase().includes(needle));
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    onChange(next);
  };
  return (
    <fieldset className="params account-chooser">
      <legend>Accounts to export ({chosen.size} chosen)</legend>
      <label>
        Search the accounts
        <input
          autoComplete="off"
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </label>
      <ul className="plain-list chooser-list">
        {shown.map((account) => (
          <li key={account.id}>
            <label className="check">
              <input
                autoComplete="off"
                type="checkbox"
                checked={chosen.has(account.id)}
                onChange={(event) => toggle(account.id, event.target.checked)}
              />
              {accountLabel(account)}
              {account.issuer && account.accountName && (
                <span className="muted"> {account.accountName}</span>
              )}
            </label>
          </li>
        ))}
        {shown.length === 0 && <li className="muted">No account matches.</li>}
      </ul>
    </fieldset>
  );
}
