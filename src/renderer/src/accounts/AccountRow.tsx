import { memo } from 'react';
import type { AccountSummary, CodeView } from '../../../shared/domain.js';
import type { Severity } from '../../../shared/health.js';
import { CountdownRing } from '../codes/CountdownRing.js';
import { ENDING_SECONDS, shownCode } from '../codes/code-display.js';
import { SeverityBadge } from '../ui/Severity.js';
import { Avatar } from './Avatar.js';

interface Props {
  id: string;
  account: AccountSummary;
  code: CodeView | undefined;
  worst: Severity | undefined;
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
  code,
  worst,
  selected,
  position,
  setSize,
  top,
  height,
  onSelect,
  onCopy,
}: Props) {
  const otp = account.otp;
  const ending = code !== undefined && code.secondsRemaining <= ENDING_SECONDS;
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
      {worst && <SeverityBadge severity={worst} />}
      {otp === null ? (
        <span className="row-kind">No seed</span>
      ) : otp.type === 'hotp' ? (
        <span className="row-kind">HOTP</span>
      ) : (
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
          <CountdownRing
            secondsRemaining={code?.secondsRemaining ?? otp.period}
            period={otp.period}
            size={22}
            ending={ending}
            showSeconds={false}
          />
        </span>
      )}
    </div>
  );
});
