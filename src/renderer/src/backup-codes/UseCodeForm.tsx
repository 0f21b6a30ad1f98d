import { type FormEvent, useState } from 'react';
import type { CodeSuggestion, CodeUseResult } from '../../../shared/backup-codes.js';
import { ApiError, call, errorMessage } from '../api.js';
import { CheckIcon } from '../ui/icons.js';

interface Props {
  accountId: string;
  onMarked: (result: CodeUseResult) => void;
}

interface Refusal {
  message: string;
  /** Unused codes one or two characters away from what was typed: one click marks one. */
  suggestions: CodeSuggestion[];
}

function refusalOf(error: unknown): Refusal {
  const suggestions =
    error instanceof ApiError && Array.isArray(error.details?.suggestions)
      ? (error.details.suggestions as CodeSuggestion[]).filter((near) => near.usedAt === null)
      : [];
  return { message: errorMessage(error), suggestions };
}

/**
 * "I just used a code": the vault finds the typed code in the account's
 * current codes and marks it used. A used code is refused with its date and
 * note, a replaced one says it no longer works, a typo offers the nearest code.
 */
export function UseCodeForm({ accountId, onMarked }: Props) {
  const [code, setCode] = useState('');
  const [note, setNote] = useState('');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);

  async function mark(attempt: () => Promise<CodeUseResult>) {
    setBusy(true);
    setRefusal(null);
    try {
      const result = await attempt();
      setCode('');
      setNote('');
      onMarked(result);
    } catch (error) {
      setRefusal(refusalOf(error));
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (code.trim() === '') {
      setRefusal({ message: 'Type the code you just used.', suggestions: [] });
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
    >
      <h4 id="use-code-title">I just used a code</h4>
      <div className="use-code-fields">
        <label className="grow">
          <span className="sr-only">The code you used</span>
          <input
            className="mono"
            value={code}
            placeholder="The code you used"
            spellCheck={false}
            autoComplete="off"
            aria-invalid={refusal !== null}
            aria-describedby={refusal ? 'use-code-refusal' : undefined}
            onChange={(event) => {
              setCode(event.target.value);
              setRefusal(null);
            }}
          />
        </label>
        <label className="grow">
          <span className="sr-only">Note (optional)</span>
          <input
            autoComplete="off"
            value={note}
            placeholder="Note (optional)"
            maxLength={500}
            onChange={(event) => setNote(event.target.value)}
          />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          <CheckIcon /> Mark used
        </button>
      </div>
      {refusal && (
        <div className="refusal" role="alert" id="use-code-refusal">
          <p>{refusal.message}</p>
          {refusal.suggestions.length > 0 && (
            <div className="actions start">
              {refusal.suggestions.map((near) => (
                <button
                  key={`${near.setId}:${near.number}`}
                  type="button"
                  className="secondary"
                  disabled={busy}
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
        </div>
      )}
    </form>
  );
}
