import { useState } from 'react';
import type { AccountSummary } from '../../../shared/domain.js';
import type { HealthFinding } from '../../../shared/health.js';
import type { SheetPrint } from '../../../shared/sheets.js';
import { accountLabel } from '../accounts/account-label.js';
import { formatDay } from '../ui/dates.js';
import { SeverityBadge } from '../ui/Severity.js';

/** Rows drawn at most; the search narrows a long list. */
const SHOWN = 200;
const SEARCH_FROM = 8;

interface Props {
  accounts: AccountSummary[];
  chosen: ReadonlySet<string>;
  onChange: (chosen: ReadonlySet<string>) => void;
  lastPrinted: ReadonlyMap<string, SheetPrint>;
  outdated: ReadonlyMap<string, HealthFinding>;
}

/** The accounts to print, each with when its sheet was last printed and whether that paper is out of date. */
export function AccountChooser({ accounts, chosen, onChange, lastPrinted, outdated }: Props) {
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
    <div className="sheet-accounts">
      {accounts.length > SEARCH_FROM && (
        <label>
          Find an account
          <input
            autoComplete="off"
            type="search"
            value={query}
            placeholder="Issuer or account name"
            onChange={(event) => setQuery(event.target.value)}
          />
        </label>
      )}
      <ul className="sheet-account-list" aria-label="Accounts to print">
        {matches.slice(0, SHOWN).map((account) => {
          const print = lastPrinted.get(account.id);
          const stale = outdated.get(account.id);
          return (
            <li key={account.id}>
              <label className="check sheet-account">
                <input
                  autoComplete="off"
                  type="checkbox"
                  checked={chosen.has(account.id)}
                  onChange={(event) => toggle(account.id, event.target.checked)}
                />
                <span className="sheet-account-name">
                  {accountLabel(account)}
                  {account.issuer && account.accountName && (
                    <span className="muted"> · {account.accountName}</span>
                  )}
                </span>
                <span className="sheet-account-print">
                  {print ? `Printed ${formatDay(print.printedAt)}` : 'Never printed'}
                </span>
                {stale && (
                  <span title={stale.message}>
                    <SeverityBadge severity={stale.severity} label="Out of date" />
                  </span>
                )}
              </label>
            </li>
          );
        })}
      </ul>
      {matches.length > SHOWN && (
        <p className="hint">
          {matches.length - SHOWN} more: type part of a name to find the one you want.
        </p>
      )}
    </div>
  );
}
