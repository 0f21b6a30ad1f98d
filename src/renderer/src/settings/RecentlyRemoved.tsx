import { type Ref, useState } from 'react';
import type { RemovedAccount } from '../../../shared/removed-accounts.js';
import { REMOVED_ACCOUNT_KEPT_DAYS } from '../../../shared/removed-accounts.js';
import { accountLabel } from '../../../shared/account-names.js';
import { call } from '../api.js';
import { useNavigate } from '../app/navigation.js';
import { useVaultData, useVaultQuery } from '../app/vault-data.js';
import { dayWithAge, formatDay } from '../ui/dates.js';
import { ErrorMessage } from '../ui/Forms.js';
import { TrashIcon, UndoIcon } from '../ui/icons.js';
import { SectionCard } from '../ui/SectionCard.js';
import { useAction } from '../ui/useAction.js';

interface Props {
  headingRef?: Ref<HTMLHeadingElement>;
}

/**
 * Accounts removed in the last 30 days, kept encrypted in the vault: each can
 * be brought back whole, or deleted for good at once.
 */
export function RecentlyRemoved({ headingRef }: Props) {
  const { changed, overview } = useVaultData();
  const removed = useVaultQuery(() => call('listRemovedAccounts', {}), 'removed-accounts');
  const [confirming, setConfirming] = useState<string | null>(null);
  const [done, setDone] = useState<{ text: string; restoredId: string | null } | null>(null);
  const action = useAction();
  const navigate = useNavigate();
  const list = removed.data ?? [];

  const restore = (account: RemovedAccount) => {
    setDone(null);
    void action
      .run(() => call('restoreAccount', { id: account.id }))
      .then((result) => {
        if (result === undefined) return;
        setDone({
          text: `${accountLabel(account)} is back, with everything it had.`,
          restoredId: account.id,
        });
        changed();
      });
  };
  const purge = (account: RemovedAccount) => {
    setDone(null);
    void action
      .run(() => call('purgeRemovedAccount', { id: account.id }))
      .then((result) => {
        if (result === undefined) return;
        setConfirming(null);
        setDone({ text: `${accountLabel(account)} is deleted for good.`, restoredId: null });
        changed();
      });
  };

  return (
    <SectionCard
      id="recently-removed"
      title="Recently removed"
      icon={<TrashIcon />}
      headingRef={headingRef}
    >
      <p className="hint">
        A removed account is kept here, encrypted, for {REMOVED_ACCOUNT_KEPT_DAYS} days with its
        seed, backup codes, sign-in and recovery details; then it is deleted for good.
      </p>
      {removed.loaded && list.length === 0 ? (
        <p className="muted">
          No account was removed in the last {REMOVED_ACCOUNT_KEPT_DAYS} days.
        </p>
      ) : (
        <ul className="plain-list removed-list">
          {list.map((account) => (
            <li key={account.id} className="list-line">
              <span>
                <strong>{accountLabel(account)}</strong>
                {account.issuer && account.accountName && (
                  <span className="muted"> {account.accountName}</span>
                )}
                <span className="muted small block">
                  Removed {dayWithAge(account.removedAt, overview?.at ?? account.removedAt)};
                  deleted for good on {formatDay(account.purgeAt)}.
                </span>
              </span>
              {confirming === account.id ? (
                <span className="actions">
                  <button
                    type="button"
                    className="danger"
                    autoFocus
                    disabled={action.busy}
                    onClick={() => purge(account)}
                  >
                    Delete {accountLabel(account)} for good
                  </button>
                  <button type="button" className="quiet" onClick={() => setConfirming(null)}>
                    Keep it
                  </button>
                </span>
              ) : (
                <span className="actions">
                  <button
                    type="button"
                    className="secondary"
                    disabled={action.busy}
                    onClick={() => restore(account)}
                  >
                    <UndoIcon width="16" height="16" /> Bring back {accountLabel(account)}
                  </button>
                  <button
                    type="button"
                    className="danger-quiet"
                    onClick={() => {
                      setDone(null);
                      setConfirming(account.id);
                    }}
                  >
                    Delete now…
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <div aria-live="polite">
        {done && (
          <p className="done">
            {done.text}{' '}
            {done.restoredId !== null && (
              <button
                type="button"
                className="link-button"
                onClick={() =>
                  done.restoredId && navigate({ view: 'accounts', accountId: done.restoredId })
                }
              >
                Open it
              </button>
            )}
          </p>
        )}
      </div>
      <ErrorMessage error={action.error} />
    </SectionCard>
  );
}
