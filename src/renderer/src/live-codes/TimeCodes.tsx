import type { AccountSummary, OtpSummary } from '../../../shared/domain.js';
import { accountLabel } from '../../../shared/account-names.js';
import { CopyIcon } from '../ui/icons.js';
import { ENDING_SECONDS, shownCode } from './code-display.js';
import { LiveCountdownRing, useLiveCode } from './LiveCodes.js';
import { useCopyCode } from './useCopyCode.js';

interface Props {
  account: AccountSummary;
  otp: OtpSummary;
}

/**
 * The hero of the account view: the current code, large and grouped, a
 * countdown ring, and the previous and next codes (for a clock that drifts, and
 * for the last seconds of the current one). Click a code to copy it.
 */
export function TimeCodes({ account, otp }: Props) {
  // Renders again when a code changes and each of its last seconds ("Next, in 5 s"); the ring
  // counts the others down by itself.
  const view = useLiveCode(account.id, { secondsWhenEnding: true });
  const copy = useCopyCode();
  const label = accountLabel(account);
  const current = shownCode(view?.current, otp.digits);
  const remaining = view?.secondsRemaining ?? otp.period;
  const ending = view !== undefined && remaining <= ENDING_SECONDS;

  return (
    <section className="hero" aria-label="Codes">
      <div className="hero-main">
        <button
          type="button"
          className="hero-code"
          onClick={() => void copy(account)}
          aria-label={`Copy code ${current} for ${label}`}
          aria-keyshortcuts="Enter"
          data-testid="current-code"
        >
          <span className="digits hero-digits">{current}</span>
          <CopyIcon className="hero-copy-icon" />
        </button>
        <LiveCountdownRing
          accountId={account.id}
          period={otp.period}
          size={48}
          ending={ending}
          showSeconds
        />
      </div>
      <div className="hero-steps">
        <button
          type="button"
          className="step"
          onClick={() => void copy(account, 'previous')}
          title="Copy the previous code"
        >
          <span className="step-label">Previous</span>
          <span className="digits step-digits">{shownCode(view?.previous, otp.digits)}</span>
        </button>
        <button
          type="button"
          className={`step${ending ? ' step-soon' : ''}`}
          onClick={() => void copy(account, 'next')}
          title="Copy the next code"
        >
          <span className="step-label">{ending ? `Next, in ${remaining} s` : 'Next'}</span>
          <span className="digits step-digits">{shownCode(view?.next, otp.digits)}</span>
        </button>
      </div>
    </section>
  );
}
