import { useState } from 'react';
import type { AccountSummary } from '../../../shared/domain.js';
import {
  type PasswordHistoryEntry,
  STRENGTH_LABELS,
  WEAK_SCORE_MAX,
} from '../../../shared/passwords.js';
import { call } from '../api.js';
import { useSectionFocus } from '../app/useSectionFocus.js';
import { useVaultData, useVaultQuery } from '../app/vault-data.js';
import { accountLabel } from '../../../shared/account-names.js';
import { formatDay } from '../ui/dates.js';
import { ErrorMessage } from '../ui/Forms.js';
import { CheckIcon, CopyIcon, EditIcon, EyeIcon, KeyIcon, PlusIcon } from '../ui/icons.js';
import { SeverityBadge } from '../ui/Severity.js';
import { SectionCard } from '../ui/SectionCard.js';
import { useAction } from '../ui/useAction.js';
import { useCopy } from '../ui/useCopy.js';
import { PasswordForm } from './PasswordForm.js';

interface Props {
  account: AccountSummary;
  /** Set when the app is sent to this section: it comes into view with the focus on its heading. */
  focusSerial?: number | undefined;
}

/**
 * The account's sign-in: username, the password (revealed or copied only when
 * asked; copying happens in main), its strength, editing and generating, and
 * the previous passwords behind an explicit reveal.
 */
export function LoginSection({ account, focusSerial }: Props) {
  const id = account.id;
  const { changed } = useVaultData();
  const { data: login, error, loaded } = useVaultQuery(() => call('getLogin', { id }), id);
  const [editing, setEditing] = useState(false);
  const [password, setPassword] = useState<string | null>(null);
  const [history, setHistory] = useState<PasswordHistoryEntry[] | null>(null);
  const [forgetting, setForgetting] = useState(false);
  const action = useAction();
  const heading = useSectionFocus(focusSerial, loaded);
  const copy = useCopy();

  const reveal = () =>
    void action
      .run(() => call('revealPassword', { id }))
      .then((result) => result && setPassword(result.password));
  const revealHistory = () =>
    void action
      .run(() => call('revealPasswordHistory', { id }))
      .then((result) => result && setHistory(result));
  const forget = () =>
    void action
      .run(() => call('clearPasswordHistory', { id }))
      .then((result) => {
        if (result === undefined) return;
        setHistory(null);
        setForgetting(false);
        changed();
      });

  return (
    <SectionCard
      id="section-login"
      title="Sign-in"
      icon={<KeyIcon />}
      headingRef={heading}
      actions={
        login &&
        !editing && (
          <button type="button" className="secondary" onClick={() => setEditing(true)}>
            <EditIcon /> Edit sign-in
          </button>
        )
      }
    >
      {editing ? (
        <PasswordForm
          accountId={id}
          login={login}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            setPassword(null);
            setHistory(null);
            changed();
          }}
        />
      ) : !loaded ? (
        <ErrorMessage error={error} />
      ) : login === null || (!login.hasPassword && login.username === '') ? (
        <div className="section-empty">
          <p>
            No password stored. Keep it here with the codes: when you are locked out you need both,
            and Sparekey warns you when a password is weak or used on another account too.
          </p>
          <div className="actions start">
            <button type="button" className="primary" onClick={() => setEditing(true)}>
              <PlusIcon /> Add the password
            </button>
          </div>
        </div>
      ) : (
        <dl className="facts">
          <dt>Username</dt>
          <dd className="mono">{login.username || <span className="muted">none</span>}</dd>
          <dt>Password</dt>
          <dd className="password-line">
            {login.hasPassword ? (
              <>
                <span className="mono secret-inline" data-testid="password">
                  {password ?? '••••••••••••'}
                </span>
                {password === null ? (
                  <button type="button" className="quiet" onClick={reveal}>
                    <EyeIcon width="16" height="16" /> Reveal
                  </button>
                ) : (
                  <button type="button" className="quiet" onClick={() => setPassword(null)}>
                    Hide
                  </button>
                )}
                <button
                  type="button"
                  className="quiet"
                  onClick={() =>
                    void copy(`the ${accountLabel(account)} password`, () =>
                      call('copyPassword', { id }),
                    )
                  }
                >
                  <CopyIcon width="16" height="16" /> Copy
                </button>
              </>
            ) : (
              <span className="muted">none stored</span>
            )}
          </dd>
          {login.passwordScore !== null && (
            <>
              <dt>Strength</dt>
              <dd>
                {login.passwordScore <= WEAK_SCORE_MAX ? (
                  <SeverityBadge
                    severity="warning"
                    label={`Weak: ${STRENGTH_LABELS[login.passwordScore]}`}
                  />
                ) : (
                  <span className="good">
                    <CheckIcon width="14" height="14" /> {STRENGTH_LABELS[login.passwordScore]}
                  </span>
                )}
                {login.passwordChangedAt !== null && (
                  <span className="muted"> · set {formatDay(login.passwordChangedAt)}</span>
                )}
              </dd>
            </>
          )}
          {login.urls.length > 0 && (
            <>
              <dt>Other sign-in pages</dt>
              <dd>
                {login.urls.map((url) => (
                  <a key={url} href={url} target="_blank" rel="noreferrer" className="block">
                    {url}
                  </a>
                ))}
              </dd>
            </>
          )}
          {login.historyCount > 0 && (
            <>
              <dt>Previous passwords</dt>
              <dd>
                {history === null ? (
                  <span>
                    {login.historyCount} kept{' '}
                    <button type="button" className="quiet" onClick={revealHistory}>
                      <EyeIcon width="16" height="16" /> Reveal
                    </button>
                  </span>
                ) : (
                  <>
                    <ol className="password-history">
                      {history.map((entry) => (
                        <li key={`${entry.replacedAt}:${entry.password}`}>
                          <span className="mono secret-inline">{entry.password}</span>
                          <span className="muted small">
                            {entry.setAt !== null ? `set ${formatDay(entry.setAt)}, ` : ''}
                            replaced {formatDay(entry.replacedAt)}
                          </span>
                        </li>
                      ))}
                    </ol>
                    <div className="actions start">
                      <button type="button" className="quiet" onClick={() => setHistory(null)}>
                        Hide
                      </button>
                      {forgetting ? (
                        <>
                          <span className="small">Forget them for good?</span>
                          <button type="button" className="danger" onClick={forget}>
                            Forget previous passwords
                          </button>
                          <button
                            type="button"
                            className="quiet"
                            onClick={() => setForgetting(false)}
                          >
                            Keep them
                          </button>
                        </>
                      ) : (
                        <button
                          type="button"
                          className="danger-quiet"
                          onClick={() => setForgetting(true)}
                        >
                          Forget them…
                        </button>
                      )}
                    </div>
                  </>
                )}
              </dd>
            </>
          )}
        </dl>
      )}
      <ErrorMessage error={action.error} />
    </SectionCard>
  );
}
