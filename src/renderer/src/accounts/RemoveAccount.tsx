import type { AccountSummary } from '../../../shared/domain.js';
import { REMOVED_ACCOUNT_KEPT_DAYS } from '../../../shared/removed-accounts.js';
import { call } from '../api.js';
import { ErrorMessage } from '../ui/Forms.js';
import { useAction } from '../ui/useAction.js';
import { accountLabel } from '../../../shared/account-names.js';

interface Props {
  account: AccountSummary;
  onCancel: () => void;
  onRemoved: (account: AccountSummary) => void;
}

/**
 * "Remove …?" under the account's header: the account is kept aside 30 days
 * (Settings, Recently removed); the list then offers Undo at once.
 */
export function RemoveAccount({ account, onCancel, onRemoved }: Props) {
  const action = useAction();
  const label = accountLabel(account);

  async function remove() {
    const removed = await action.run(() => call('removeAccount', { id: account.id }));
    if (removed !== undefined) onRemoved(account);
  }

  return (
    <section className="card confirm" role="group" aria-labelledby="remove-title">
      <h3 id="remove-title">Remove {label}?</h3>
      <p>
        Its seed and everything stored with it leave the account list. Sparekey keeps them,
        encrypted, for {REMOVED_ACCOUNT_KEPT_DAYS} days: until then you can bring {label} back from
        Settings, under Recently removed. Make sure you can still sign in to {label} another way.
      </p>
      <ErrorMessage error={action.error} />
      <div className="actions">
        <button type="button" className="secondary" autoFocus onClick={onCancel}>
          Keep it
        </button>
        <button
          type="button"
          className="danger"
          disabled={action.busy}
          onClick={() => void remove()}
        >
          Remove {label}
        </button>
      </div>
    </section>
  );
}
