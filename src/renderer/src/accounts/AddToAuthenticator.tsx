import { useEffect, useState } from 'react';
import type { AccountSummary } from '../../../shared/domain.js';
import { SECOND_MS } from '../../../shared/durations.js';
import { call } from '../api.js';
import { useSectionFocus } from '../app/useSectionFocus.js';
import { ErrorMessage } from '../ui/Forms.js';
import { PhoneIcon } from '../ui/icons.js';
import { SeverityNote } from '../ui/Severity.js';
import { useAction } from '../ui/useAction.js';
import { accountLabel } from '../../../shared/account-names.js';

/** How long the QR code stays on screen. */
export const QR_SHOWN_SECONDS = 60;

interface Props {
  account: AccountSummary;
  /** Set when the app is sent here (health's "seed only here" fix). */
  focusSerial?: number | undefined;
}

/**
 * "Add to another authenticator": after a confirmation, the account's QR code
 * (its otpauth:// link) on screen for a minute, to scan with a phone. The
 * image lives in this component only: it is gone after the minute, on "Hide",
 * when the account or view changes and when the vault locks. Nothing is written.
 */
export function AddToAuthenticator({ account, focusSerial }: Props) {
  const [stage, setStage] = useState<'idle' | 'confirm' | 'shown'>('idle');
  const [image, setImage] = useState<string | null>(null);
  const [left, setLeft] = useState(QR_SHOWN_SECONDS);
  const action = useAction();
  const heading = useSectionFocus(focusSerial, true);
  const label = accountLabel(account);

  useEffect(() => {
    if (stage !== 'shown') return;
    const started = Date.now();
    const timer = window.setInterval(() => {
      const remaining = QR_SHOWN_SECONDS - Math.floor((Date.now() - started) / SECOND_MS);
      if (remaining <= 0) {
        setImage(null);
        setStage('idle');
      } else setLeft(remaining);
    }, 250);
    return () => window.clearInterval(timer);
  }, [stage]);

  async function show() {
    const view = await action.run(() => call('accountQr', { id: account.id }));
    if (view === undefined) return;
    setImage(view.image);
    setLeft(QR_SHOWN_SECONDS);
    setStage('shown');
  }

  const hide = () => {
    setImage(null);
    setStage('idle');
  };

  return (
    <section className="card" id="section-qr" aria-labelledby="qr-title">
      <div className="card-head">
        <h3 id="qr-title" ref={heading} tabIndex={-1}>
          <PhoneIcon /> Add to another authenticator
        </h3>
      </div>
      {stage === 'idle' && (
        <>
          <p className="hint">
            A second authenticator (on a phone, say) means losing one device does not lock you out.
            Sparekey shows this account’s QR code for a minute to scan; nothing is saved.
          </p>
          <div className="actions start">
            <button type="button" className="secondary" onClick={() => setStage('confirm')}>
              <PhoneIcon /> Add to another authenticator…
            </button>
          </div>
        </>
      )}
      {stage === 'confirm' && (
        <div className="confirm-panel" role="group" aria-label="Show the QR code">
          <SeverityNote severity="warning">
            The QR code holds {label}’s setup key: anyone who sees or photographs the screen can
            make its codes. Make sure nobody is looking.
          </SeverityNote>
          <div className="actions">
            <button type="button" className="secondary" onClick={() => setStage('idle')}>
              Cancel
            </button>
            <button
              type="button"
              className="primary"
              autoFocus
              disabled={action.busy}
              onClick={() => void show()}
            >
              Show the QR code
            </button>
          </div>
        </div>
      )}
      {stage === 'shown' && image !== null && (
        <div className="qr-codes">
          <p>
            In the other authenticator app, choose to add an account by scanning a QR code, and scan
            this one.
          </p>
          <figure className="qr-figure">
            <img
              src={image}
              alt={`QR code of ${label}’s setup key`}
              width={240}
              height={240}
              data-testid="account-qr"
            />
            <figcaption aria-live="off">Hidden in {left} s</figcaption>
          </figure>
          <div className="actions start">
            <button type="button" className="primary" onClick={hide}>
              Done, hide the QR code
            </button>
          </div>
        </div>
      )}
      <ErrorMessage error={action.error} />
    </section>
  );
}
