import { type FormEvent, useId, useState } from 'react';
import type { DismissMode } from '../../../shared/health.js';
import { DAY_MS } from '../../../shared/durations.js';
import { call } from '../api.js';
import { useVaultData } from '../app/vault-data.js';
import { ErrorMessage, FormActions } from '../ui/Forms.js';
import { useAction } from '../ui/useAction.js';

/** "2026-06-02" for a date input, in local time. */
function dateValue(epochMs: number): string {
  const date = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The start of that local day, as epoch ms; null for an empty or unreadable field. */
function dateInstant(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match === null) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).getTime();
}

/**
 * Sets a finding aside: "doesn't apply" (until what it stands on changes), or
 * "accepted until" a date, with an optional reason. Stored in the vault.
 */
export function DismissForm({
  findingKey,
  title,
  now,
  onDone,
}: {
  findingKey: string;
  title: string;
  /** The instant of the report, for the default date. */
  now: number;
  onDone: () => void;
}) {
  const { changed } = useVaultData();
  const [mode, setMode] = useState<DismissMode>('not-applicable');
  const [until, setUntil] = useState(dateValue(now + 30 * DAY_MS));
  const [reason, setReason] = useState('');
  const save = useAction();
  const name = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const instant = mode === 'accepted' ? dateInstant(until) : null;
    if (mode === 'accepted' && instant === null) {
      save.setError('Pick the date until which you accept it.');
      return;
    }
    const done = await save.run(() =>
      call('dismissFinding', {
        key: findingKey,
        mode,
        ...(instant === null ? {} : { until: instant }),
        ...(reason.trim() === '' ? {} : { reason: reason.trim() }),
      }),
    );
    if (done) {
      changed();
      onDone();
    }
  }

  return (
    <form
      className="dismiss-form"
      autoComplete="off"
      onSubmit={submit}
      aria-label={`Dismiss “${title}”`}
    >
      <fieldset>
        <legend>Set it aside</legend>
        <label className="dismiss-choice">
          <input
            type="radio"
            autoComplete="off"
            name={name}
            checked={mode === 'not-applicable'}
            onChange={() => setMode('not-applicable')}
          />
          It doesn’t apply (it comes back if what it is about changes)
        </label>
        <label className="dismiss-choice">
          <input
            type="radio"
            autoComplete="off"
            name={name}
            checked={mode === 'accepted'}
            onChange={() => setMode('accepted')}
          />
          I accept it until
          <input
            type="date"
            aria-label="Accepted until"
            autoComplete="off"
            value={until}
            disabled={mode !== 'accepted'}
            onChange={(event) => setUntil(event.target.value)}
          />
        </label>
      </fieldset>
      <label>
        Reason (optional)
        <input
          autoComplete="off"
          maxLength={500}
          value={reason}
          placeholder="e.g. the site offers no recovery contact"
          onChange={(event) => setReason(event.target.value)}
        />
      </label>
      <ErrorMessage error={save.error} />
      <FormActions submitLabel="Dismiss" onCancel={onDone} busy={save.busy} />
    </form>
  );
}
