import { type Ref, useState } from 'react';
import type { DesktopSettings } from '../../../shared/contract/settings-methods.js';
import { FieldError } from '../ui/Field.js';

type NumberKey =
  | 'lowCodesMinimum'
  | 'staleContactDays'
  | 'untestedSignInDays'
  | 'passwordMaxAgeDays'
  | 'clockToleranceSeconds';

interface Props {
  settings: DesktopSettings;
  headingRef: Ref<HTMLHeadingElement>;
  onSave: (patch: Partial<DesktopSettings>, what: string) => void;
  /** The last refused setting, by its key, with the sentence shown under it. */
  refused: { key: string; message: string } | null;
}

/** A number saved when the field is left (or on Enter); the core checks its range and says why it refuses. */
function NumberField({
  id,
  value,
  unit,
  error,
  onSave,
}: {
  id: string;
  value: number;
  unit: string;
  error: string | null;
  onSave: (value: number) => void;
}) {
  const [draft, setDraft] = useState(String(value));
  const [shown, setShown] = useState(value);
  // A saved (or refused) value from main replaces what is typed.
  if (shown !== value) {
    setShown(value);
    setDraft(String(value));
  }
  const [typo, setTypo] = useState<string | null>(null);
  const commit = () => {
    const text = draft.trim();
    if (text === '') {
      setDraft(String(value));
      setTypo(null);
      return;
    }
    if (!/^\d+$/.test(text)) {
      setTypo(`Type a whole number of ${unit.split(' ')[0]}.`);
      return;
    }
    setTypo(null);
    if (Number(text) !== value) onSave(Number(text));
  };
  const shownError = typo ?? error;
  return (
    <>
      <span className={`number-field${shownError === null ? '' : ' field-invalid'}`}>
        <input
          autoComplete="off"
          id={id}
          inputMode="numeric"
          value={draft}
          aria-invalid={shownError === null ? undefined : true}
          aria-describedby={shownError === null ? undefined : `${id}-error`}
          onChange={(event) => {
            setDraft(event.target.value);
            setTypo(null);
          }}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commit();
          }}
        />
        <span className="muted">{unit}</span>
      </span>
      <FieldError id={`${id}-error`} error={shownError} />
    </>
  );
}

/** The thresholds of the health check, stored in the vault like every other setting. */
export function HealthSettings({ settings, headingRef, onSave, refused }: Props) {
  const number = (key: NumberKey, what: string, unit: string) => (
    <NumberField
      id={`setting-${key}`}
      value={settings[key]}
      unit={unit}
      error={refused?.key === key ? refused.message : null}
      onSave={(value) => onSave({ [key]: value }, what)}
    />
  );
  return (
    <section className="card" id="settings-health" aria-labelledby="health-settings-title">
      <h3 id="health-settings-title" ref={headingRef} tabIndex={-1}>
        Health checks
      </h3>
      <div className="setting">
        <label htmlFor="setting-lowCodesMinimum">Warn when few backup codes are left</label>
        <p className="hint">
          At this many unused codes or {Math.round(settings.lowCodesFraction * 100)}% of the set,
          whichever is larger (never for a set nobody has used yet).
        </p>
        {number('lowCodesMinimum', 'The low-codes warning', 'codes')}
      </div>
      <div className="setting">
        <label htmlFor="setting-staleContactDays">Ask to confirm a contact after</label>
        {number('staleContactDays', 'The contact reminder', 'days')}
      </div>
      <div className="setting">
        <label htmlFor="setting-untestedSignInDays">Remind me to test a sign-in after</label>
        {number('untestedSignInDays', 'The sign-in reminder', 'days')}
      </div>
      <div className="setting">
        <label htmlFor="setting-passwordMaxAgeDays">Flag passwords older than</label>
        {number('passwordMaxAgeDays', 'The password age limit', 'days (0: never)')}
      </div>
      <div className="setting">
        <label htmlFor="setting-clockToleranceSeconds">Flag a clock that is off by more than</label>
        {number('clockToleranceSeconds', 'The clock tolerance', 'seconds')}
        <label className="check">
          <input
            autoComplete="off"
            type="checkbox"
            checked={settings.clockCheckEnabled}
            onChange={(event) =>
              onSave({ clockCheckEnabled: event.target.checked }, 'The automatic clock check')
            }
          />
          Check the clock against {settings.clockCheckServer} whenever Health opens
        </label>
        <p className="hint">
          The only time Sparekey uses the network. Off: it checks only when you press “Check the
          clock”.
        </p>
      </div>
    </section>
  );
}
