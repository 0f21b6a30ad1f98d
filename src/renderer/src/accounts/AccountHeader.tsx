import type { Ref } from 'react';
import type { AccountSummary, OtpSummary } from '../../../shared/domain.js';
import { call } from '../api.js';
import { fixDestination, useNavigate } from '../app/navigation.js';
import { useVaultQuery } from '../app/vault-data.js';
import { byUrgency } from '../health/flags.js';
import { ENDING_SECONDS, shownCode } from '../live-codes/code-display.js';
import { LiveCountdownRing, useLiveCode } from '../live-codes/LiveCodes.js';
import { useCopyCode } from '../live-codes/useCopyCode.js';
import { ArrowIcon, CheckIcon, CopyIcon, EditIcon, PrinterIcon, TrashIcon } from '../ui/icons.js';
import { SeverityBadge } from '../ui/Severity.js';
import { accountLabel } from '../../../shared/account-names.js';
import { Avatar } from './Avatar.js';

interface Props {
  account: AccountSummary;
  headingRef: Ref<HTMLHeadingElement>;
  onEdit: () => void;
  onRemove: () => void;
}

/** The current code, small, for the header that stays: click to copy. */
function HeaderCode({ account, otp }: { account: AccountSummary; otp: OtpSummary }) {
  const view = useLiveCode(account.id);
  const copy = useCopyCode();
  const current = shownCode(view?.current, otp.digits);
  return (
    <span className="header-code">
      <button
        type="button"
        className="header-code-button"
        onClick={() => void copy(account)}
        aria-label={`Copy code ${current} for ${accountLabel(account)}`}
        title="Copy this code"
      >
        <span className="digits">{current}</span>
        <CopyIcon width="15" height="15" />
      </button>
      <LiveCountdownRing
        accountId={account.id}
        period={otp.period}
        size={26}
        ending={view !== undefined && view.secondsRemaining <= ENDING_SECONDS}
      />
    </span>
  );
}

/** The most urgent finding about the account, with the button to where it is fixed. */
function UrgentFinding({ account }: { account: AccountSummary }) {
  const navigate = useNavigate();
  const { data } = useVaultQuery(
    () => call('getAccountHealth', { accountId: account.id }),
    account.id,
  );
  if (data === null) return <p className="header-finding" aria-hidden="true" />;
  const urgent = byUrgency(data.findings.filter((finding) => finding.severity !== 'info'));
  const first = urgent[0];
  if (first === undefined) {
    return (
      <p className="header-finding header-finding-none">
        <CheckIcon width="14" height="14" /> Nothing needs attention
      </p>
    );
  }
  const destination = fixDestination(first);
  const more = urgent.length - 1;
  return (
    <p className="header-finding">
      <SeverityBadge severity={first.severity} />
      <span className="header-finding-title">{first.title}</span>
      {more > 0 && (
        <span className="muted small">
          {' '}
          and {more} more {more === 1 ? 'finding' : 'findings'} (in Code)
        </span>
      )}
      {destination && (
        <button
          type="button"
          className="quiet header-fix"
          onClick={() => navigate(destination.target)}
        >
          {destination.label} <ArrowIcon width="14" height="14" />
        </button>
      )}
    </p>
  );
}

/**
 * The top of an account's page, which stays while its sections scroll: who
 * it is, its live code, the most urgent finding, and what can be done to it.
 */
export function AccountHeader({ account, headingRef, onEdit, onRemove }: Props) {
  const navigate = useNavigate();
  const label = accountLabel(account);
  return (
    <header className="detail-header">
      <Avatar name={label} large />
      <div className="detail-names">
        <h2 id="detail-title" ref={headingRef} tabIndex={-1}>
          {label}
        </h2>
        {account.issuer && account.accountName && <p className="muted">{account.accountName}</p>}
      </div>
      {account.otp !== null && account.otp.type !== 'hotp' && (
        <HeaderCode account={account} otp={account.otp} />
      )}
      <div className="actions detail-actions">
        <button
          type="button"
          className="secondary"
          onClick={() => navigate({ view: 'sheets', section: 'sheet', accountId: account.id })}
        >
          <PrinterIcon /> Print recovery sheet
        </button>
        <button type="button" className="secondary" onClick={onEdit}>
          <EditIcon /> Edit
        </button>
        <button type="button" className="secondary danger-text" onClick={onRemove}>
          <TrashIcon /> Remove…
        </button>
      </div>
      <UrgentFinding account={account} />
    </header>
  );
}
