import type { VaultStatus } from '../../../shared/contract/vault-methods.js';
import { call } from '../api.js';
import { ErrorMessage } from '../ui/Forms.js';
import { SeverityBadge } from '../ui/Severity.js';
import { useAction } from '../ui/useAction.js';

const changes = (n: number) => `${n} ${n === 1 ? 'change is' : 'changes are'}`;

interface Props {
  status: VaultStatus;
  onStatus: (status: VaultStatus) => void;
}

/**
 * What unlocking found, above the view and never in its way: the vault is older
 * than the one this computer last opened (until the user goes on with it), or it
 * was just upgraded from an older format (once, naming where the old file is).
 */
export function VaultNotices({ status, onStatus }: Props) {
  const goOn = useAction();
  const dismiss = useAction();
  const { olderVault, upgraded } = status.notices;
  if (olderVault === null && upgraded === null) return <div className="vault-notices" />;

  return (
    <div className="vault-notices">
      {olderVault !== null && (
        <section
          className="vault-notice vault-notice-warning"
          aria-labelledby="older-vault-title"
          aria-describedby="older-vault-more"
        >
          <SeverityBadge severity="warning" />
          <div className="vault-notice-text">
            <p id="older-vault-title" role="alert">
              <strong>
                This vault is older than the one this computer last opened:{' '}
                {changes(olderVault.missingChanges)} missing — was a backup restored or the file
                replaced?
              </strong>
            </p>
            <p id="older-vault-more" className="hint">
              You can read it as it is. If you did not expect this, lock Sparekey and look for the
              newer vault file before changing anything here.
            </p>
            <ErrorMessage error={goOn.error} />
          </div>
          <button
            type="button"
            className="secondary"
            disabled={goOn.busy}
            onClick={() =>
              void goOn
                .run(() => call('acceptOlderVault', {}))
                .then((next) => {
                  if (next) onStatus(next);
                })
            }
          >
            Go on with this vault
          </button>
        </section>
      )}
      {upgraded !== null && (
        <section className="vault-notice" aria-labelledby="upgraded-title">
          <SeverityBadge severity="info" />
          <div className="vault-notice-text">
            <p id="upgraded-title">
              <strong>Sparekey upgraded this vault to its new format.</strong>{' '}
              {upgraded.fromFormat === 1
                ? 'Every change is now sealed into the whole vault, so a change made to the file outside Sparekey is noticed.'
                : 'It is checked faster when it opens.'}
            </p>
            <p className="hint">
              The vault as it was is kept at <span className="mono path">{upgraded.copy}</span>; it
              opens with the password the vault had then, in this or an older Sparekey. Delete it
              once you no longer need it.
            </p>
            <ErrorMessage error={dismiss.error} />
          </div>
          <button
            type="button"
            className="secondary"
            disabled={dismiss.busy}
            onClick={() =>
              void dismiss
                .run(() => call('dismissUpgradeNotice', {}))
                .then((next) => {
                  if (next) onStatus(next);
                })
            }
          >
            Got it
          </button>
        </section>
      )}
    </div>
  );
}
