import { memo } from 'react';
import type { AccountSummary, OtpSummary } from '../../../shared/domain.js';
import type { AccountFlag } from '../../../shared/contract/health-methods.js';
import { ENDING_SECONDS, shownCode } from '../live-codes/code-display.js';
import { LiveCountdownRing, useLiveCode } from '../live-codes/LiveCodes.js';
import { flagLabel } from '../health/flags.js';
import { CriticalIcon, WarningIcon } from '../ui/icons.js';
import { severityWord } from '../ui/Severity.js';
import { Avatar } from './Avatar.js';

interface Props {
  id: string;
  account: AccountSummary;
  /** Critical and warning findings, most urgent first: the row names the first. */
  flags: AccountFlag[] | undefined;
  selected: boolean;
  position: number;
  setSize: number;
  top: number;
  height: number;
  onSelect: (account: AccountSummary) => void;
  onCopy: (account: AccountSummary) => void;
}

/** One row: who it is, and its live code (click the code to copy it). */
export const AccountRow = memo(function AccountRow({
  id,
  account,
  flags,
  selected,
  position,
  setSize,
  top,
  height,
  onSelect,
  onCopy,
}: Props) {
  const otp = account.otp;
  const first = flags?.[0];
  const more = (flags?.length ?? 0) - 1;
  return (
    <div
      id={id}
      role="option"
      aria-selected={selected}
      aria-posinset={position}
      aria-setsize={setSize}
      className={`account-row${selected ? ' selected' : ''}`}
      style={{ transform: `translateY(${top}px)`, height }}
      onClick={() => onSelect(account)}
      onDoubleClick={() => onCopy(account)}
    >
      <Avatar name={account.issuer || account.accountName} />
      <span className="row-names">
        <span className="row-issuer">{account.issuer || account.accountName}</span>
        <span className="row-account">{account.issuer ? account.accountName : ''}</span>
      </span>
      {first ? (
        // The names keep their room: a sign of the most urgent finding, its words on hover and
        // for screen readers; the account's header says it in full.
        <span
          className={`row-flag row-flag-${first.severity}`}
          title={flags?.map((flag) => flag.title).join('\n')}
        >
          {first.severity === 'critical' ? (
            <CriticalIcon width="16" height="16" />
          ) : (
            <WarningIcon width="16" height="16" />
          )}
          {more > 0 && (
            <span className="row-more" aria-hidden="true">
              {more + 1}
            </span>
          )}
          <span className="sr-only">
            {severityWord(first.severity)}: {flagLabel(first)}
            {more > 0 ? `, and ${more} more` : ''}
          </span>
        </span>
      ) : (
        <span />
      )}
      {otp === null ? (
        <span className="row-kind">No seed</span>
      ) : otp.type === 'hotp' ? (
        <span className="row-kind">HOTP</span>
      ) : (
        <RowCode account={account} otp={otp} onSelect={onSelect} onCopy={onCopy} />
      )}
    </div>
  );
});

/** A row's live code, next code and countdown: the part of the row that changes every second. */
const RowCode = memo(function RowCode({
  account,
  otp,
  onSelect,
  onCopy,
}: {
  account: AccountSummary;
  otp: OtpSummary;
  onSelect: (account: AccountSummary) => void;
  onCopy: (account: AccountSummary) => void;
}) {
  const code = useLiveCode(account.id);
  const ending = code !== undefined && code.secondsRemaining <= ENDING_SECONDS;
  return (
    <span
      className="row-code"
      title="Copy this code"
      onClick={(event) => {
        event.stopPropagation();
        onSelect(account);
        onCopy(account);
      }}
    >
      <span className="row-codes">
        <span className="digits row-digits">{shownCode(code?.current, otp.digits)}</span>
        <span className={`row-next${ending ? '' : ' hidden'}`}>
          next {shownCode(code?.next, otp.digits)}
        </span>
      </span>
      <LiveCountdownRing accountId={account.id} period={otp.period} size={22} ending={ending} />
    </span>
  );
});
