import { useEffect, useRef } from 'react';
import type { ClockCheckView } from '../../../shared/contract/health-methods.js';
import type { DesktopSettings } from '../../../shared/contract/settings-methods.js';
import { CLOCK_WRONG_MS, FINDING_KINDS } from '../../../shared/health.js';
import { call } from '../api.js';
import { useVaultData } from '../app/vault-data.js';
import { ErrorMessage } from '../ui/Forms.js';
import { CheckIcon, ClockIcon } from '../ui/icons.js';
import { SeverityNote } from '../ui/Severity.js';
import { SectionCard } from '../ui/SectionCard.js';
import { useAction } from '../ui/useAction.js';
import { SECOND_MS } from '../../../shared/durations.js';

const seconds = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** "2.5 s behind", "0.3 s ahead of" */
function offsetText(check: ClockCheckView): string {
  const amount = `${seconds.format(Math.abs(check.offsetMs) / SECOND_MS)} s`;
  return check.offsetMs > 0 ? `${amount} behind` : `${amount} ahead of`;
}

interface Props {
  settings: DesktopSettings | null;
  headingRef: React.Ref<HTMLHeadingElement>;
}

/**
 * The clock: authenticator codes are computed from it. Checking it against a
 * time server is opt-in (the only network access Sparekey makes): a button,
 * or every time this view opens if the setting says so.
 */
export function ClockCheck({ settings, headingRef }: Props) {
  const { clockCheck, setClockCheck, changed } = useVaultData();
  const action = useAction();
  const server = settings?.clockCheckServer ?? 'the time server';
  const tolerance = settings?.clockToleranceSeconds ?? 15;

  const check = async () => {
    const result = await action.run(() => call('checkClock', {}));
    if (result) {
      setClockCheck(result);
      changed();
    }
  };
  const checkRef = useRef(check);
  useEffect(() => {
    checkRef.current = check;
  });
  const automatic = settings?.clockCheckEnabled === true;
  useEffect(() => {
    if (automatic) void checkRef.current();
  }, [automatic]);

  const drift = clockCheck !== null && Math.abs(clockCheck.offsetMs) > tolerance * SECOND_MS;
  return (
    <SectionCard
      id="health-clock"
      title="The clock"
      icon={<ClockIcon />}
      headingRef={headingRef}
      actions={
        <button
          type="button"
          className="secondary"
          onClick={() => void check()}
          disabled={action.busy}
        >
          {action.busy ? 'Checking…' : 'Check the clock'}
        </button>
      }
    >
      {clockCheck === null ? (
        <p className="hint">
          Authenticator codes are computed from this computer’s clock; a clock more than {tolerance}{' '}
          s off makes sites refuse them. Checking asks {server} for the time: the only time Sparekey
          uses the network, and only when you ask
          {automatic ? ' (or open this view, as your settings say)' : ''}.
        </p>
      ) : drift ? (
        <SeverityNote
          severity={
            FINDING_KINDS[
              Math.abs(clockCheck.offsetMs) > CLOCK_WRONG_MS ? 'clock.wrong' : 'clock.drift'
            ].severity
          }
        >
          This computer’s clock is <strong>{offsetText(clockCheck)}</strong> {clockCheck.server}.
          Turn on automatic date and time in the system settings.
        </SeverityNote>
      ) : (
        <p className="good" data-testid="clock-result">
          <CheckIcon width="16" height="16" /> The clock is {offsetText(clockCheck)}{' '}
          {clockCheck.server}: within {tolerance} s, so codes are accepted.
        </p>
      )}
      <p className="hint">
        If a site refuses a code, try the previous or the next one: every account shows them beside
        the current code.
      </p>
      <ErrorMessage error={action.error} />
    </SectionCard>
  );
}
