import { accountLabel } from '../../../shared/account-names.js';
import { SeverityNote } from '../ui/Severity.js';

/** The accounts an export left out, and why (no seed, a Steam seed in a Google transfer…). */
export function NotExportedList({
  notExported,
}: {
  notExported: { issuer: string; accountName: string; reason: string }[];
}) {
  if (notExported.length === 0) return null;
  return (
    <div className="import-group">
      <SeverityNote severity="warning">
        {notExported.length === 1 ? '1 account was' : `${notExported.length} accounts were`} left
        out:
      </SeverityNote>
      <ul className="plain-list">
        {notExported.map((account, index) => (
          <li key={index}>
            <strong>{accountLabel(account)}</strong>: {account.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}
