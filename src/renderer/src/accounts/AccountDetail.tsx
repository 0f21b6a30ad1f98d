import { memo, useLayoutEffect, useRef, useState } from 'react';
import type { AccountSummary, OtpSummary } from '../../../shared/domain.js';
import { call, errorMessage } from '../api.js';
import { type AccountSection, useNavigate } from '../app/navigation.js';
import { useSectionFocus } from '../app/useSectionFocus.js';
import { BackupCodes } from '../backup-codes/BackupCodes.js';
import { AccountFindings } from '../health/AccountFindings.js';
import { LoginSection } from '../login/LoginSection.js';
import { RecoverySection } from '../recovery/RecoverySection.js';
import { formatDay } from '../ui/dates.js';
import { HotpCodes } from '../live-codes/HotpCodes.js';
import { TimeCodes } from '../live-codes/TimeCodes.js';
import { EditIcon, ExternalIcon, PrinterIcon, TrashIcon } from '../ui/icons.js';
import { accountLabel } from '../../../shared/account-names.js';
import { Avatar } from './Avatar.js';
import { SeedReveal } from './SeedReveal.js';
import { ErrorMessage } from '../ui/Forms.js';

interface Props {
  account: AccountSummary;
  /** A section to bring into view (a finding's fix button sent the app here). */
  focus: { section: AccountSection; serial: number } | null;
  onEdit: () => void;
  onChanged: (account: AccountSummary) => void;
  onRemoved: (account: AccountSummary) => void;
}

const TYPE_NAMES = { totp: 'TOTP', hotp: 'HOTP', steam: 'Steam Guard' } as const;

function describeOtp(otp: OtpSummary): string {
  if (otp.type === 'steam') return 'Steam Guard, 5 characters, every 30 s';
  const parts = [TYPE_NAMES[otp.type], otp.algorithm, `${otp.digits} digits`];
  if (otp.type === 'totp') parts.push(`every ${otp.period} s`);
  return parts.join(' · ');
}

/**
 * The selected account: its codes first, what needs attention, then its
 * backup codes, sign-in, 2FA methods and recovery, details and setup key.
 * Memoized: a keystroke in the search re-renders the list, not this pane.
 */
export const AccountDetail = memo(function AccountDetail({
  account,
  focus,
  onEdit,
  onChanged,
  onRemoved,
}: Props) {
  const label = accountLabel(account);
  const serial = (section: AccountSection) =>
    focus?.section === section ? focus.serial : undefined;
  const top = useSectionFocus(serial('top'), true);
  const navigate = useNavigate();
  // Another account starts at its top (the pane keeps its scroll position otherwise).
  const article = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const pane = article.current?.closest('.detail-pane');
    if (pane) pane.scrollTop = 0;
  }, []);
  return (
    <article className="detail" aria-labelledby="detail-title" ref={article}>
      <header className="detail-header">
        <Avatar name={label} large />
        <div className="detail-names">
          <h2 id="detail-title" ref={top} tabIndex={-1}>
            {label}
          </h2>
          {account.issuer && account.accountName && <p className="muted">{account.accountName}</p>}
        </div>
        <div className="actions">
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
        </div>
      </header>

      {account.otp === null ? (
        <section className="hero hero-none" aria-label="Codes">
          <p className="hero-empty">
            No authenticator seed yet. Add the setup key below to see this account’s codes here.
          </p>
        </section>
      ) : account.otp.type === 'hotp' ? (
        <HotpCodes account={account} otp={account.otp} />
      ) : (
        <TimeCodes account={account} otp={account.otp} />
      )}

      <AccountFindings account={account} />
      <BackupCodes account={account} focusSerial={serial('codes')} />
      <LoginSection account={account} focusSerial={serial('login')} />
      <RecoverySection account={account} focusSerial={serial('recovery')} />

      <section className="card" aria-labelledby="facts-title">
        <h3 id="facts-title">Details</h3>
        <dl className="facts">
          {account.url && (
            <>
              <dt>Sign-in page</dt>
              <dd>
                <a href={account.url} target="_blank" rel="noreferrer">
                  {account.url} <ExternalIcon width="14" height="14" />
                </a>
              </dd>
            </>
          )}
          {account.otp && (
            <>
              <dt>Codes</dt>
              <dd>{describeOtp(account.otp)}</dd>
            </>
          )}
          {account.tags.length > 0 && (
            <>
              <dt>Tags</dt>
              <dd className="tags">
                {account.tags.map((tag) => (
                  <span key={tag} className="tag">
                    {tag}
                  </span>
                ))}
              </dd>
            </>
          )}
          <dt>Added</dt>
          <dd>{formatDay(account.createdAt)}</dd>
          {account.updatedAt !== account.createdAt && (
            <>
              <dt>Changed</dt>
              <dd>{formatDay(account.updatedAt)}</dd>
            </>
          )}
        </dl>
        {account.notes && (
          <>
            <h4>Notes</h4>
            <p className="notes">{account.notes}</p>
          </>
        )}
      </section>

      <SeedReveal account={account} onChanged={onChanged} focusSerial={serial('seed')} />
      <RemoveAccount account={account} onRemoved={onRemoved} />
    </article>
  );
});

function RemoveAccount({
  account,
  onRemoved,
}: {
  account: AccountSummary;
  onRemoved: (a: AccountSummary) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const label = accountLabel(account);

  async function remove() {
    try {
      await call('removeAccount', { id: account.id });
      onRemoved(account);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  if (!confirming) {
    return (
      <div className="actions start">
        <button type="button" className="danger-quiet" onClick={() => setConfirming(true)}>
          <TrashIcon /> Remove account…
        </button>
      </div>
    );
  }
  return (
    <section className="card confirm" role="group" aria-labelledby="remove-title">
      <h3 id="remove-title">Remove {label}?</h3>
      <p>
        Its seed and everything stored with it are deleted from this vault. Make sure you can still
        sign in to {label} another way.
      </p>
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="button" className="secondary" autoFocus onClick={() => setConfirming(false)}>
          Keep it
        </button>
        <button type="button" className="danger" onClick={() => void remove()}>
          Remove {label}
        </button>
      </div>
    </section>
  );
}
