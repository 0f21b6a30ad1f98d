import { useId } from 'react';
import type { AccountSummary } from '../../../shared/domain.js';
import { WAY_STATE_WORDS } from '../../../shared/health.js';
import type { WayCopy, WayIn, WayState } from '../../../shared/ways-in.js';
import { formatDay } from '../../../shared/dates.js';
import { call } from '../api.js';
import { useVaultData, useVaultQuery } from '../app/vault-data.js';
import { ErrorMessage } from '../ui/Forms.js';
import { CheckIcon, CloseIcon, CriticalIcon, InfoIcon, WarningIcon } from '../ui/icons.js';
import { useAction } from '../ui/useAction.js';
import './health.css';

const STATE_ICONS: Record<WayState, typeof CheckIcon> = {
  works: CheckIcon,
  'at-risk': WarningIcon,
  broken: CriticalIcon,
  unknown: InfoIcon,
};

/** A way's state as a badge: icon, word and colour together. */
export function WayStateBadge({ state }: { state: WayState }) {
  const Icon = STATE_ICONS[state];
  return (
    <span className={`way-state way-state-${state}`}>
      <Icon width="14" height="14" aria-hidden="true" />
      <span>{WAY_STATE_WORDS[state]}</span>
    </span>
  );
}

function verdictText(working: number, total: number): string {
  if (total === 0) return '';
  if (working === 0) return 'No way in works now.';
  if (working === 1) return 'One way in works: lose it and you are locked out.';
  return `${working} independent ways in work.`;
}

/**
 * The account's ways in, as the health check models them: every way (the seed
 * here, stored backup codes, each recorded method), with its state and why;
 * the recovery path. A recorded way can be marked as no longer working, or
 * removed. Self-contained: it asks for the account's health itself.
 */
export function WaysIn({ account }: { account: AccountSummary }) {
  const { changed } = useVaultData();
  const health = useVaultQuery(
    () => call('getAccountHealth', { accountId: account.id }),
    `ways-${account.id}`,
  );
  const action = useAction();
  const data = health.data;
  if (data === null) return <ErrorMessage error={health.error} />;
  const { ways, recovery, working } = data.ways;

  const change = (run: () => Promise<unknown>) =>
    void action.run(run).then((result) => {
      if (result !== undefined) changed();
    });
  const setWorking = (copy: WayCopy, working: boolean) => {
    if (copy.methodId === null) return;
    const methodId = copy.methodId;
    change(() => call('setMethodWorking', { accountId: account.id, methodId, working }));
  };
  const remove = (copy: WayCopy) => {
    if (copy.methodId === null) return;
    const methodId = copy.methodId;
    change(() => call('removeMethod', { accountId: account.id, methodId }));
  };

  if (ways.length === 0) {
    return (
      <p className="hint">
        Record how {account.issuer || 'this site'} asks for your second factor: a text, an
        authenticator app, a security key. Sparekey then warns you when a text to one phone is the
        only way in, or when a number you gave up is still used.
      </p>
    );
  }
  return (
    <div className="ways-in" data-testid="ways-in">
      <p className="ways-verdict">{verdictText(working, ways.length)}</p>
      <ul className="ways-list">
        {ways.map((way) => (
          <WayRow key={way.id} way={way} onWorking={setWorking} onRemove={remove} />
        ))}
      </ul>
      <p className="recovery-path">
        <strong>Recovery:</strong> <WayStateBadge state={recovery.state} />{' '}
        <span className="muted">{recovery.reason}</span>
      </p>
      <ErrorMessage error={action.error} />
    </div>
  );
}

function WayRow({
  way,
  onWorking,
  onRemove,
}: {
  way: WayIn;
  onWorking: (copy: WayCopy, working: boolean) => void;
  onRemove: (copy: WayCopy) => void;
}) {
  const labelId = useId();
  const recorded = way.copies.filter((copy) => copy.source === 'recorded');
  // One recorded copy and nothing here: its buttons sit on the row itself.
  const inline = way.copies.length === 1 && recorded.length === 1 ? recorded[0] : undefined;
  return (
    <li className={`way way-${way.state}`} data-way={way.id} aria-labelledby={labelId}>
      <div className="way-head">
        <WayStateBadge state={way.state} />
        <strong id={labelId}>{way.label}</strong>
        {inline && (
          <CopyActions
            copy={inline}
            name={way.label}
            canMark={way.state !== 'broken' || inline.notWorkingSince !== null}
            onWorking={onWorking}
            onRemove={onRemove}
          />
        )}
      </div>
      <p className="way-reason">{way.reason}</p>
      {!inline && way.copies.length > 1 && (
        <ul className="way-copies" aria-label={`Where ${way.label} lives`}>
          {way.copies.map((copy, index) => (
            <li key={copy.methodId ?? `here-${index}`} className="way-copy">
              <span>{copyText(way, copy)}</span>
              {copy.source === 'recorded' && (
                <CopyActions
                  copy={copy}
                  name={`${way.label} (${copy.device || 'recorded'})`}
                  canMark
                  onWorking={onWorking}
                  onRemove={onRemove}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function copyText(way: WayIn, copy: WayCopy): string {
  if (copy.source === 'here') {
    return way.kind === 'backup-codes' ? 'Stored here in Sparekey' : 'The seed, here in Sparekey';
  }
  const where = copy.device || (way.kind === 'backup-codes' ? 'Recorded as a way in' : 'Recorded');
  return copy.notWorkingSince === null
    ? where
    : `${where}: no longer works (since ${formatDay(copy.notWorkingSince)})`;
}

function CopyActions({
  copy,
  name,
  canMark,
  onWorking,
  onRemove,
}: {
  copy: WayCopy;
  name: string;
  /** False when it is broken for another reason (codes to a retired number): marking says nothing more. */
  canMark: boolean;
  onWorking: (copy: WayCopy, working: boolean) => void;
  onRemove: (copy: WayCopy) => void;
}) {
  const lost = copy.notWorkingSince !== null;
  return (
    <span className="way-actions">
      {canMark && (
        <button
          type="button"
          className="quiet"
          aria-label={`${name}: ${lost ? 'it works again' : 'it stopped working'}`}
          onClick={() => onWorking(copy, lost)}
        >
          {lost ? 'It works again' : 'It stopped working'}
        </button>
      )}
      <button
        type="button"
        className="icon-button"
        aria-label={`Remove ${name}`}
        title="Remove"
        onClick={() => onRemove(copy)}
      >
        <CloseIcon width="16" height="16" />
      </button>
    </span>
  );
}
