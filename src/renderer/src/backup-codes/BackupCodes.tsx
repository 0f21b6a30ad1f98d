import { useState } from 'react';
import type {
  CodeSetView,
  CodeUsageSummary,
  CodeUseResult,
  RevealedCodeSet,
} from '../../../shared/backup-codes.js';
import { shortDay } from '../ui/dates.js';
import type { AccountSummary } from '../../../shared/domain.js';
import { call } from '../api.js';
import { useSectionFocus } from '../app/useSectionFocus.js';
import { useVaultData, useVaultQuery } from '../app/vault-data.js';
import { accountLabel } from '../../../shared/account-names.js';
import { ErrorMessage } from '../ui/Forms.js';
import { CheckIcon, ListIcon, PlusIcon, UndoIcon } from '../ui/icons.js';
import { SeverityNote } from '../ui/Severity.js';
import { SectionCard } from '../ui/SectionCard.js';
import { useAction } from '../ui/useAction.js';
import { useCopy } from '../ui/useCopy.js';
import { AddCodesForm } from './AddCodesForm.js';
import { CodeSheet } from './CodeSheet.js';
import { UseCodeForm } from './UseCodeForm.js';

interface Props {
  account: AccountSummary;
  /** Set when the app is sent to this section: it comes into view with the focus on its heading. */
  focusSerial?: number | undefined;
}

/**
 * How a set's codes were used, in a sentence: "3 of 5 used, all on 3 May.",
 * "4 of 10 used: 1 on 12 Jan, 3 on 3 Mar."
 */
export function usageText(summary: CodeUsageSummary, now: number): string {
  const of = `${summary.label ? `“${summary.label}”: ` : ''}${summary.used} of ${summary.total}`;
  if (summary.used === 0) {
    return `${summary.label ? `“${summary.label}”: ` : ''}none of the ${summary.total} used yet.`;
  }
  const days = new Map<string, number>();
  for (const at of summary.usedAt) {
    const day = shortDay(at, now);
    days.set(day, (days.get(day) ?? 0) + 1);
  }
  if (days.size === 1) {
    const [day] = [...days.keys()];
    return `${of} used, ${summary.used === 1 ? '' : 'all '}on ${day}.`;
  }
  const list = [...days].map(([day, count]) => `${count} on ${day}`);
  return `${of} used: ${list.join(', ')}.`;
}

/** What the last action did, with Undo when it marked a code. */
type Done = { kind: 'marked'; result: CodeUseResult } | { kind: 'note'; text: string };

/**
 * The account's backup codes, like the printed sheet: the remaining count
 * large, the low/all-used warning, "I just used a code", the grid (pick a code
 * to mark it, copy one), undo, adding and replacing sets, and the history.
 */
export function BackupCodes({ account, focusSerial }: Props) {
  const accountId = account.id;
  const site = accountLabel(account);
  const { changed, overview } = useVaultData();
  const { data, error } = useVaultQuery(() => call('listBackupCodeSets', { accountId }), accountId);
  const history = useVaultQuery(
    () => call('getBackupCodeHistory', { accountId }),
    `${accountId}:usage`,
  );
  const [revealed, setRevealed] = useState<ReadonlyMap<string, RevealedCodeSet>>(new Map());
  const [adding, setAdding] = useState(false);
  const [done, setDone] = useState<Done | null>(null);
  const action = useAction();
  const heading = useSectionFocus(focusSerial, data !== null);
  const copy = useCopy();

  const afterMark = (result: CodeUseResult) => {
    setDone({ kind: 'marked', result });
    changed();
  };
  /** A new action: what the section said about the last one no longer holds. */
  const starting = () => {
    setDone(null);
    action.setError(null);
  };
  const pick = (setId: string, number: number) => {
    starting();
    void action
      .run(() => call('useBackupCode', { accountId, setId, number }))
      .then((result) => result && afterMark(result));
  };
  const undo = () => {
    starting();
    void action
      .run(() => call('undoBackupCodeUse', { accountId }))
      .then((result) => {
        if (!result) return;
        setDone({ kind: 'note', text: `Code ${result.number} is unused again.` });
        changed();
      });
  };
  const reveal = (setId: string) =>
    void action
      .run(() => call('revealBackupCodes', { accountId, setId }))
      .then((set) => {
        if (!set) return;
        setRevealed((current) => new Map(current).set(setId, set));
      });
  const hide = (setId: string) =>
    setRevealed((current) => {
      const next = new Map(current);
      next.delete(setId);
      return next;
    });
  const copyCode = (setId: string, number: number) =>
    void copy(`backup code ${number} of ${site}`, () =>
      call('copyBackupCode', { accountId, setId, number }),
    );

  const status = data?.status;
  const current = data?.sets.filter((set) => set.state === 'current') ?? [];
  const replaced = data?.sets.filter((set) => set.state === 'replaced') ?? [];
  const sheet = (set: CodeSetView) => (
    <CodeSheet
      key={set.id}
      set={set}
      revealed={revealed.get(set.id) ?? null}
      onReveal={() => reveal(set.id)}
      onHide={() => hide(set.id)}
      {...(set.state === 'current'
        ? {
            onPick: (number: number) => pick(set.id, number),
            onCopy: (number: number) => copyCode(set.id, number),
          }
        : {})}
      busy={action.busy}
    />
  );

  return (
    <SectionCard
      id="section-codes"
      title="Backup codes"
      icon={<ListIcon />}
      headingRef={heading}
      actions={
        data &&
        data.sets.length > 0 &&
        !adding && (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              starting();
              setAdding(true);
            }}
          >
            <PlusIcon /> Add codes…
          </button>
        )
      }
    >
      {data === null ? (
        <ErrorMessage error={error} />
      ) : data.sets.length === 0 && !adding ? (
        <div className="section-empty">
          <p>
            Most sites with two-step sign-in give you a page of single-use backup codes for the day
            your phone is lost. Paste them here: Sparekey marks each one used as you spend it,
            refuses a code already used, and warns you before they run out.
          </p>
          <div className="actions start">
            <button type="button" className="primary" onClick={() => setAdding(true)}>
              <PlusIcon /> Add backup codes
            </button>
          </div>
        </div>
      ) : (
        status &&
        data.sets.length > 0 && (
          <>
            {status.total > 0 ? (
              <div className="codes-summary">
                <div>
                  <p className="codes-left" data-testid="codes-left">
                    <span className="codes-left-count">{status.remaining}</span> of {status.total}{' '}
                    left
                  </p>
                  {history.data?.summaries.map((summary) => (
                    <p key={summary.setId} className="muted small">
                      {usageText(summary, overview?.at ?? status.changedAt ?? 0)}
                    </p>
                  ))}
                </div>
                {status.used > 0 && (
                  <button type="button" className="quiet" onClick={undo} disabled={action.busy}>
                    <UndoIcon width="16" height="16" /> Undo the last mark
                  </button>
                )}
              </div>
            ) : (
              <p className="muted">No current codes: every set was replaced.</p>
            )}
            {status.level === 'exhausted' && (
              <SeverityNote severity="critical">
                Every backup code is used. Generate new ones at {site} and add them here, choosing
                “the site replaced the old codes”.
              </SeverityNote>
            )}
            {status.level === 'low' && (
              <SeverityNote severity="warning">
                Only {status.remaining} {status.remaining === 1 ? 'code is' : 'codes are'} left.
                Generate new ones at {site} before the last is used, and add them here.
              </SeverityNote>
            )}
            {status.remaining > 0 && (
              <UseCodeForm accountId={accountId} onMarked={afterMark} onStart={starting} />
            )}
            <div className="codes-done" aria-live="polite">
              {done?.kind === 'marked' ? (
                <p className="done">
                  <CheckIcon width="16" height="16" /> Code {done.result.number} marked used
                  {done.result.note ? ` (${done.result.note})` : ''}. {done.result.status.remaining}{' '}
                  of {done.result.status.total} left.
                </p>
              ) : done?.kind === 'note' ? (
                <p className="done">{done.text}</p>
              ) : null}
            </div>
            <ErrorMessage error={action.error} />
            {current.map(sheet)}
          </>
        )
      )}

      {adding && (
        <AddCodesForm
          accountId={accountId}
          site={site}
          onCancel={() => setAdding(false)}
          onSaved={(result) => {
            setAdding(false);
            setRevealed(new Map());
            setDone({
              kind: 'note',
              text: `Added ${result.set.total} codes${result.replacedSetIds.length > 0 ? '; the old ones no longer count' : ''}.`,
            });
            changed();
          }}
        />
      )}

      {replaced.length > 0 && (
        <details className="disclosure">
          <summary>
            Replaced {replaced.length === 1 ? 'set' : 'sets'} ({replaced.length}): these codes no
            longer work
          </summary>
          {replaced.map(sheet)}
        </details>
      )}
    </SectionCard>
  );
}
