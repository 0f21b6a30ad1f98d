import { type ReactNode, useState } from 'react';
import type { AccountSummary } from '../../../shared/domain.js';
import { accountLabel } from '../../../shared/account-names.js';

/** Rows drawn at most; the search narrows a long list. */
const SHOWN = 200;

interface Props {
  accounts: readonly AccountSummary[];
  chosen: ReadonlySet<string>;
  onChange: (chosen: Set<string>) => void;
  /** The list's name for screen readers ("Accounts to print"). */
  listLabel: string;
  /** What stands beside an account (when its sheet was last printed, say). */
  aside?: (account: AccountSummary) => ReactNode;
}

/** Checkboxes over some accounts, with a search to narrow a long list. */
export function AccountChooser({ accounts, chosen, onChange, listLabel, aside }: Props) {
  const [query, setQuery] = useState('');
  const needle = query.trim().toLowerCase();
  const matches = needle
    ? accounts.filter((account) =>
        `${account.issuer} ${account.accountName}`.toLowerCase().includes(needle),
      )
    : accounts;
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    onChange(next);
  };

  return (
    <div className="account-chooser">
      <label>
        Search the accounts
        <input
          autoComplete="off"
          type="search"
          value={query}
          placeholder="Issuer or account name"
          onChange={(event) => setQuery(event.target.value)}
        />
      </label>
      <ul className="chooser-list" aria-label={listLabel}>
        {matches.slice(0, SHOWN).map((account) => (
          <li key={account.id}>
            <label className="check chooser-account">
              <input
                autoComplete="off"
                type="checkbox"
                checked={chosen.has(account.id)}
                onChange={(event) => toggle(account.id, event.target.checked)}
              />
              <span className="chooser-name">
                {accountLabel(account)}
                {account.issuer && account.accountName && (
                  <span className="muted"> · {account.accountName}</span>
                )}
              </span>
              {aside?.(account)}
            </label>
          </li>
        ))}
        {matches.length === 0 && <li className="muted chooser-none">No account matches.</li>}
      </ul>
      {matches.length > SHOWN && (
        <p className="hint">
          {matches.length - SHOWN} more: type part of a name to find the one you want.
        </p>
      )}
    </div>
  );
}
