import { type FormEvent, useState } from 'react';
import type { CodeSuggestion, CodeUseResult } from '../../../shared/backup-codes.js';
import { ApiError, call } from '../api.js';
import { Field, FormSummary } from '../ui/Field.js';
import { CheckIcon } from '../ui/icons.js';
import { useForm } from '../ui/useForm.js';

interface Props {
  accountId: string;
  onMarked: (result: CodeUseResult) => void;
  /** Called when a mark starts: what the section said about the last one no longer holds. */
  onStart?: () => void;
}

const FIELDS = {
  code: {
    noun: 'the code',
    say: {
      required: 'Type the code you just used.',
      'too-long': 'That is longer than any backup code: type only the code you used.',
    },
  },
  note: { noun: 'the note' },
};

/** Unused codes one or two characters away from what was typed: one click marks one. */
function suggestionsOf(error: unknown): CodeSuggestion[] {
  return error instanceof ApiError && Array.isArray(error.details?.suggestions)
    ? (error.details.suggestions as CodeSuggestion[]).filter((near) => near.usedAt === null)
    : [];
}

/**
 * "I just used a code": the vault finds the typed code in the account's
 * current codes and marks it used. A used code is refused with its date and
 * note, a replaced one says it no longer works, a typo offers the nearest code.
 */
export function UseCodeForm({ accountId, onMarked, onStart }: Props) {
  const [code, setCode] = useState('');
  const [note, setNote] = useState('');
  const [suggestions, setSuggestions] = useState<CodeSuggestion[]>([]);
  // Every refusal of the core (used, replaced, no match) is about the typed code.
  const form = useForm({ fields: FIELDS, coreField: 'code' });

  async function mark(attempt: () => Promise<CodeUseResult>) {
    onStart?.();
    setSuggestions([]);
    let refusal: unknown = null;
    const result = await form.run(() =>
      attempt().catch((error: unknown) => {
        refusal = error;
        throw error;
      }),
    );
    if (result) {
      setCode('');
      setNote('');
      onMarked(result);
    } else setSuggestions(suggestionsOf(refusal));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (code.trim() === '') {
      setSuggestions([]);
      form.refuse({ code: 'Type the code you just used.' });
      return;
    }
    void mark(() =>
      call('useTypedBackupCode', { accountId, code, ...(note.trim() ? { note } : {}) }),
    );
  }

  return (
    <form
      autoComplete="off"
      className="use-code"
      onSubmit={submit}
      aria-labelledby="use-code-title"
      noValidate
    >
      <h4 id="use-code-title">I just used a code</h4>
      <FormSummary form={form} fieldNames={['code', 'note']} />
      <div className="use-code-fields">
        <Field form={form} name="code" label="The code you used" className="grow">
          {(control) => (
            <input
              {...control}
              className="mono"
              value={code}
              spellCheck={false}
              autoComplete="off"
              onChange={(event) => {
                setCode(event.target.value);
                setSuggestions([]);
                form.clear('code');
              }}
            />
          )}
        </Field>
        <Field form={form} name="note" label="Note (optional)" className="grow">
          {(control) => (
            <input
              {...control}
              autoComplete="off"
              value={note}
              placeholder="e.g. new laptop"
              onChange={(event) => {
                setNote(event.target.value);
                form.clear('note');
              }}
            />
          )}
        </Field>
        <button type="submit" className="primary" disabled={form.busy}>
          <CheckIcon /> Mark used
        </button>
      </div>
      {suggestions.length > 0 && (
        <div className="actions start suggestions">
          {suggestions.map((near) => (
            <button
              key={`${near.setId}:${near.number}`}
              type="button"
              className="secondary"
              disabled={form.busy}
              onClick={() =>
                void mark(() =>
                  call('useBackupCode', {
                    accountId,
                    setId: near.setId,
                    number: near.number,
                    ...(note.trim() ? { note } : {}),
                  }),
                )
              }
            >
              Yes, mark code {near.number} used
            </button>
          ))}
        </div>
      )}
    </form>
  );
}
