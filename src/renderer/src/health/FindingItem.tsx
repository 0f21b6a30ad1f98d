import { useId } from 'react';
import type { HealthFinding } from '../../../shared/health.js';
import { fixDestination, useNavigate } from '../app/navigation.js';
import { ArrowIcon } from '../ui/icons.js';
import { SeverityBadge } from '../ui/Severity.js';

interface Props {
  finding: HealthFinding;
  /** In the health view: which account it is about (the account view leaves it out). */
  accountName?: string | undefined;
  /** Names of other accounts by id (e.g. those sharing a password). */
  nameOf?: (accountId: string) => string;
}

/** One finding: its severity, what is wrong, the fix, and a button to where the fix is made. */
export function FindingItem({ finding, accountName, nameOf }: Props) {
  const navigate = useNavigate();
  const titleId = useId();
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
      {(destination || related.length > 0) && (
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
        </div>
      )}
    </li>
  );
}
