import { useState } from 'react';
import type { RevealedSeedView } from '../../../shared/contract/account-methods.js';
import type { AccountSummary } from '../../../shared/domain.js';
import { call, errorMessage } from '../api.js';
import { useSectionFocus } from '../app/useSectionFocus.js';
import { CopyIcon, EyeIcon, KeyIcon } from '../ui/icons.js';
import { useCopy } from '../ui/useCopy.js';
import { accountLabel } from '../../../shared/account-names.js';
import { SeverityNote } from '../ui/Severity.js';
import { SeedForm } from './SeedForm.js';
import { ErrorMessage } from '../ui/Forms.js';

interface Props {
  account: AccountSummary;
  onChanged: (account: AccountSummary) => void;
  /** Set when the app is sent here (a seed that lives only on a phone). */
  focusSerial?: number | undefined;
}

/**
 * The setup key: hidden until the user asks (the one way a seed reaches the
 * renderer), and replaceable when a site issues a new one.
 */
export function SeedReveal({ account, onChanged, focusSerial }: Props) {
  const [revealed, setRevealed] = useState<RevealedSeedView | null>(null);
  const [replacing, setReplacing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const heading = useSectionFocus(focusSerial, true);
  const copy = useCopy();

  async function reveal() {
    setError(null);
    try {
      setRevealed(await call('revealSeed', { id: account.id }));
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  return (
    <section className="card" aria-labelledby="seed-title">
      <h3 id="seed-title" ref={heading} tabIndex={-1}>
        <KeyIcon /> Setup key
      </h3>
      {replacing ? (
        <SeedForm
          account={account}
          onCancel={() => setReplacing(false)}
          onSaved={(saved) => {
            setReplacing(false);
            setRevealed(null);
            onChanged(saved);
          }}
        />
      ) : revealed ? (
        <>
          <SeverityNote severity="warning">
            Anyone who sees this key can generate this account’s codes. Hide it when you are done.
          </SeverityNote>
          <p className="secret digits" data-testid="revealed-secret">
            {revealed.secret}
          </p>
          <label className="uri">
            otpauth:// link (for moving to another authenticator)
            <input
              autoComplete="off"
              readOnly
              value={revealed.otpauthUri}
              spellCheck={false}
              onFocus={(e) => e.target.select()}
            />
          </label>
          <div className="actions">
            <CopySecretButton account={account} copy={copy} />
            <button type="button" className="secondary" onClick={() => setRevealed(null)}>
              Hide setup key
            </button>
          </div>
        </>
      ) : (
        <div className="actions start">
          {account.otp && (
            <>
              <button type="button" className="secondary" onClick={() => void reveal()}>
                <EyeIcon /> Reveal setup key
              </button>
              <CopySecretButton account={account} copy={copy} />
            </>
          )}
          <button type="button" className="secondary" onClick={() => setReplacing(true)}>
            {account.otp ? 'Replace setup key…' : 'Add setup key…'}
          </button>
        </div>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}

/** Copies the setup key in main (for enrolling a phone app by typing it); cleared like a code. */
function CopySecretButton({
  account,
  copy,
}: {
  account: AccountSummary;
  copy: ReturnType<typeof useCopy>;
}) {
  return (
    <button
      type="button"
      className="secondary"
      onClick={() =>
        void copy(`the ${accountLabel(account)} setup key`, () =>
          call('copySecret', { id: account.id }),
        )
      }
    >
      <CopyIcon /> Copy setup key
    </button>
  );
}
