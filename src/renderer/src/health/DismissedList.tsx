import { formatDay } from '../../../shared/dates.js';
import type { Dismissal, Severity } from '../../../shared/health.js';
import { call } from '../api.js';
import { useVaultData } from '../app/vault-data.js';
import { ErrorMessage } from '../ui/Forms.js';
import { SeverityBadge } from '../ui/Severity.js';
import { useAction } from '../ui/useAction.js';
import './health.css';

export interface DismissedEntry {
  key: string;
  severity: Severity;
  title: string;
  /** Which account, when the list spans several. */
  accountName?: string | undefined;
  dismissal: Dismissal;
}

function howText(dismissal: Dismissal): string {
  return dismissal.mode === 'accepted' && dismissal.until !== null
    ? `accepted until ${formatDay(dismissal.until)}`
    : 'doesn’t apply';
}

/** Dismissed findings, folded: each says how and why, and can be brought back. */
export function DismissedList({ entries }: { entries: DismissedEntry[] }) {
  const { changed } = useVaultData();
  const action = useAction();
  if (entries.length === 0) return null;
  const bringBack = (key: string) =>
    void action
      .run(() => call('undismissFinding', { key }))
      .then((result) => {
        if (result !== undefined) changed();
      });
  return (
    <details className="disclosure" data-testid="dismissed">
      <summary>Dismissed ({entries.length})</summary>
      <ul className="dismissed-list">
        {entries.map((entry) => (
          <li key={entry.key} className="dismissed-item">
            <SeverityBadge severity={entry.severity} />
            <span>
              <strong>{entry.title}</strong>
              {entry.accountName && <span className="muted"> · {entry.accountName}</span>}
              <span className="muted">
                {' '}
                — {howText(entry.dismissal)}
                {entry.dismissal.reason ? ` (“${entry.dismissal.reason}”)` : ''}, since{' '}
                {formatDay(entry.dismissal.at)}
              </span>
            </span>
            <button
              type="button"
              className="quiet"
              aria-label={`Bring back “${entry.title}”${entry.accountName ? ` for ${entry.accountName}` : ''}`}
              onClick={() => bringBack(entry.key)}
            >
              Bring back
            </button>
          </li>
        ))}
      </ul>
      <ErrorMessage error={action.error} />
    </details>
  );
}
