import { useState } from 'react';
import { formatDayTime } from '../../../shared/dates.js';
import type { AccountSummary } from '../../../shared/domain.js';
import { type HealthFinding, SEVERITIES, type Severity } from '../../../shared/health.js';
import { call } from '../api.js';
import { accountLabel } from '../../../shared/account-names.js';
import { type NavRequest, useNavigate } from '../app/navigation.js';
import { useSectionFocus } from '../app/useSectionFocus.js';
import { useVaultQuery } from '../app/vault-data.js';
import { ErrorMessage } from '../ui/Forms.js';
import { AccountsIcon, ContactsIcon, PlusIcon } from '../ui/icons.js';
import { SeverityBadge } from '../ui/Severity.js';
import { ClockCheck } from './ClockCheck.js';
import { FindingItem } from './FindingItem.js';

/** Findings shown per severity before "Show more" (a vault of 10,000 accounts has tens of thousands). */
const PAGE = 50;
const READINESS_SHOWN = 8;
const number = new Intl.NumberFormat();

const GROUP_TITLES: Record<Severity, string> = {
  critical: 'Could lock you out now',
  warning: 'Worth fixing soon',
  info: 'Suggestions',
};

/**
 * Everything the health check finds, critical first, each with its fix and a
 * button to where the fix is made; the counts and readiness scores; the clock.
 */
export function HealthView({ request }: { request: Extract<NavRequest, { view: 'health' }> }) {
  const report = useVaultQuery(() => call('getHealth', {}), 'health');
  const accountList = useVaultQuery(() => call('listAccounts', {}), 'accounts');
  const settings = useVaultQuery(() => call('getSettings', {}), 'settings');
  const clockHeading = useSectionFocus(
    request.section === 'clock' ? request.serial : undefined,
    true,
  );
  const navigate = useNavigate();
  const data = report.data;
  const accounts = new Map((accountList.data ?? []).map((account) => [account.id, account]));
  const nameOf = (id: string) => {
    const account = accounts.get(id);
    return account ? fullName(account) : 'a removed account';
  };

  return (
    <div className="page" aria-busy={data === null}>
      <div className="page-head">
        <h2>Health</h2>
        {data && <p className="muted small">Checked {formatDayTime(data.at)}</p>}
      </div>
      <ErrorMessage error={report.error} />
      {data && accountList.data && accountList.data.length === 0 ? (
        <section className="empty" aria-labelledby="health-empty-title">
          <h3 id="health-empty-title">Nothing to check yet</h3>
          <p>
            Health looks for what could lock you out: backup codes running low, a phone number you
            gave up that an account still texts, SMS as the only way in, a sign-in nobody tested.
          </p>
          <p className="muted">
            Add your accounts first, then record how each one lets you in and your recovery phone
            numbers and e-mail addresses.
          </p>
          <div className="actions">
            <button
              type="button"
              className="primary"
              onClick={() => navigate({ view: 'accounts' })}
            >
              <AccountsIcon /> Go to accounts
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => navigate({ view: 'contacts' })}
            >
              <ContactsIcon /> Add contacts
            </button>
          </div>
        </section>
      ) : (
        data && (
          <>
            <div className="tiles">
              <div className="tile tile-score">
                <span className="tile-number">{data.vaultScore}</span>
                <span className="tile-label">/100 ready</span>
              </div>
              {SEVERITIES.map((severity) => (
                <div key={severity} className={`tile tile-${severity}`}>
                  <span className="tile-number">{number.format(data.summary[severity])}</span>
                  <SeverityBadge severity={severity} />
                </div>
              ))}
            </div>

            <ClockCheck settings={settings.data} headingRef={clockHeading} />

            {data.findings.length === 0 ? (
              <section className="card" aria-labelledby="all-clear-title">
                <h3 id="all-clear-title">Nothing found that could lock you out</h3>
                <p className="muted">
                  Keep it that way: mark backup codes used as you spend them, confirm your contacts
                  now and then, and test a sign-in once in a while.
                </p>
              </section>
            ) : (
              SEVERITIES.map((severity) => (
                <FindingGroup
                  key={severity}
                  severity={severity}
                  findings={data.findings.filter((finding) => finding.severity === severity)}
                  folded={severity === 'info' && data.findings.some((f) => f.severity !== 'info')}
                  nameOf={nameOf}
                />
              ))
            )}

            <Readiness
              scores={data.accounts.filter((entry) => entry.score < 100)}
              nameOf={nameOf}
            />
          </>
        )
      )}
      {data && accountList.data && accountList.data.length > 0 && data.findings.length === 0 && (
        <p className="hint">
          <PlusIcon width="14" height="14" /> Health knows only what you record: add each account’s
          ways in and recovery contacts for a complete check.
        </p>
      )}
    </div>
  );
}

function fullName(account: AccountSummary): string {
  const label = accountLabel(account);
  return account.issuer && account.accountName ? `${label} (${account.accountName})` : label;
}

function FindingGroup({
  severity,
  findings,
  folded,
  nameOf,
}: {
  severity: Severity;
  findings: HealthFinding[];
  folded: boolean;
  nameOf: (id: string) => string;
}) {
  const [shown, setShown] = useState(PAGE);
  if (findings.length === 0) return null;
  const list = (
    <>
      <ul className="findings">
        {findings.slice(0, shown).map((finding, index) => (
          <FindingItem
            key={`${finding.ruleId}:${finding.accountId ?? ''}:${finding.contactId ?? ''}:${index}`}
            finding={finding}
            accountName={finding.accountId === null ? undefined : nameOf(finding.accountId)}
            nameOf={nameOf}
          />
        ))}
      </ul>
      {findings.length > shown && (
        <button type="button" className="quiet" onClick={() => setShown(shown + PAGE)}>
          Show {Math.min(PAGE, findings.length - shown)} more of{' '}
          {number.format(findings.length - shown)}
        </button>
      )}
    </>
  );
  const title = `${GROUP_TITLES[severity]} (${number.format(findings.length)})`;
  const heading = (
    <h3 className="group-title">
      <SeverityBadge severity={severity} /> {title}
    </h3>
  );
  return (
    <section className={`finding-group group-${severity}`} aria-label={title}>
      {folded ? (
        <details className="disclosure">
          <summary>{heading}</summary>
          {list}
        </details>
      ) : (
        <>
          {heading}
          {list}
        </>
      )}
    </section>
  );
}

function Readiness({
  scores,
  nameOf,
}: {
  scores: { accountId: string; score: number; worst: Severity | null }[];
  nameOf: (id: string) => string;
}) {
  const [all, setAll] = useState(false);
  const navigate = useNavigate();
  if (scores.length === 0) return null;
  const sorted = [...scores].sort((a, b) => a.score - b.score);
  const shown = all ? sorted.slice(0, 500) : sorted.slice(0, READINESS_SHOWN);
  return (
    <section className="card" aria-labelledby="readiness-title">
      <h3 id="readiness-title">Readiness by account</h3>
      <p className="hint">
        100 means nothing stands between you and getting back in; a critical finding takes an
        account below 40.
      </p>
      <ol className="readiness-list">
        {shown.map((entry) => (
          <li key={entry.accountId}>
            <button
              type="button"
              className="readiness-row"
              onClick={() => navigate({ view: 'accounts', accountId: entry.accountId })}
            >
              <span className="readiness-name">{nameOf(entry.accountId)}</span>
              <span className="readiness-bar" aria-hidden="true">
                <span
                  className={`readiness-fill fill-${entry.worst ?? 'none'}`}
                  style={{ width: `${entry.score}%` }}
                />
              </span>
              <span className="readiness-score">{entry.score}</span>
            </button>
          </li>
        ))}
      </ol>
      {sorted.length > shown.length && !all && (
        <button type="button" className="quiet" onClick={() => setAll(true)}>
          Show all {number.format(sorted.length)}
        </button>
      )}
    </section>
  );
}
