import { useEffect, useRef, useState } from 'react';
import type { AccountSummary, CodeView, OtpSummary } from '../../../shared/domain.js';
import { accountLabel } from '../../../shared/account-names.js';
import { call, errorMessage } from '../api.js';
import { CopyIcon, RefreshIcon } from '../ui/icons.js';
import { shownCode } from './code-display.js';
import { useCopyCode } from './useCopyCode.js';
import { ErrorMessage } from '../ui/Forms.js';

/**
 * Counter-based codes: each works once, so one is generated only when asked
 * for. `focusRequest` (Enter on the account's row) puts the focus on Generate.
 */
export function HotpCodes({
  account,
  otp,
  focusRequest,
}: {
  account: AccountSummary;
  otp: OtpSummary;
  focusRequest?: number | undefined;
}) {
  const [generated, setGenerated] = useState<CodeView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const copy = useCopyCode();
  const generateButton = useRef<HTMLButtonElement>(null);
  const seenRequest = useRef(focusRequest);
  useEffect(() => {
    if (focusRequest === seenRequest.current) return;
    seenRequest.current = focusRequest;
    generateButton.current?.focus();
  }, [focusRequest]);

  async function generate() {
    setError(null);
    try {
      setGenerated(await call('nextHotpCode', { id: account.id }));
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  const shown = shownCode(generated?.current, otp.digits);
  return (
    <section className="hero" aria-label="Codes">
      <div className="hero-main">
        {generated ? (
          <button
            type="button"
            className="hero-code"
            onClick={() => void copy(account)}
            aria-label={`Copy code ${shown} for ${accountLabel(account)}`}
            data-testid="current-code"
          >
            <span className="digits hero-digits">{shown}</span>
            <CopyIcon className="hero-copy-icon" />
          </button>
        ) : (
          <p className="hero-empty">
            Counter-based codes (HOTP) work once each. Generate one when the site asks for it.
          </p>
        )}
      </div>
      <div className="hero-steps">
        <button
          ref={generateButton}
          type="button"
          className="secondary"
          onClick={() => void generate()}
        >
          <RefreshIcon /> Generate next code
        </button>
      </div>
      <ErrorMessage error={error} />
    </section>
  );
}
