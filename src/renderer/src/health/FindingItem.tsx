import { useId, useState } from 'react';
import { formatDay } from '../../../shared/dates.js';
import type { HealthFinding } from '../../../shared/health.js';
import { fixDestination, useNavigate } from '../app/navigation.js';
import { ArrowIcon } from '../ui/icons.js';
import { SeverityBadge } from '../ui/Severity.js';
import { DismissForm } from './DismissForm.js';
import './health.css';

interface Props {
  finding: HealthFinding;
  /** The report's instant (the default "accepted until" date counts from it). */
  now: number;
  /** In the health view: which account it is about (the account view leaves it out). */
  accountName?: string | undefined;
  /** Names of other accounts by id (e.g. those sharing a password). */
  nameOf?: (accountId: string) => string;
}

/**
 * One finding: its severity, what is wrong, the fix, a button to where the fix
 * is made, and "Dismiss…" to set it aside.
 */
export function FindingItem({ finding, now, accountName, nameOf }: Props) {
  const navigate = useNavigate();
  const titleId = useId();
  const [dismissing, setDismissing] = useState(false);
  const destination = fixDestination(finding);
  const related = finding.relatedAccountIds ?? [];
  return (
    <li className={`finding finding-${finding.severity}`} data-rule={finding.ruleId}>
      <div className="finding-head">
        <SeverityBadge severity={finding.severity} />
        <span className="finding-title" id={titleId}>
          <strong>{finding.title}</strong>
          {accountName && <span className="muted"> · {accountName}</span>}
        </span>
      </div>
      <p className="finding-message">{finding.message}</p>
      <p className="finding-fix">
        <span className="fix-label">Fix:</span> {finding.fix}
      </p>
      {finding.returned && (
        <p className="finding-returned">
          Back: you set it aside on {formatDay(finding.returned.dismissedAt)}, and{' '}
          {finding.returned.because === 'facts-changed'
            ? 'what it is about has changed since.'
            : 'the date you accepted it until has passed.'}
        </p>
      )}
      <div className="actions start">
        {destination && (
          <button
            type="button"
            className="secondary"
            aria-describedby={titleId}
            onClick={() => navigate(destination.target)}
          >
            {destination.label} <ArrowIcon width="16" height="16" />
          </button>
        )}
        {nameOf &&
          related.map((accountId) => (
            <button
              key={accountId}
              type="button"
              className="quiet"
              onClick={() => navigate({ view: 'accounts', accountId, section: 'login' })}
            >
              Open {nameOf(accountId)}
            </button>
          ))}
        {!dismissing && (
          <button
            type="button"
            className="quiet"
            aria-describedby={titleId}
            onClick={() => setDismissing(true)}
          >
            Dismiss…
          </button>
        )}
      </div>
      {dismissing && (
        <DismissForm
          findingKey={finding.key}
          title={finding.title}
          now={now}
          onDone={() => setDismissing(false)}
        />
      )}
    </li>
  );
}
