import { type FormEvent, useEffect, useState } from 'react';
import type { AddCodeSetResult, CodeBlockPreview } from '../../../shared/backup-codes.js';
import { call, errorMessage } from '../api.js';
import { ErrorMessage, FormActions, LabelField } from '../ui/Forms.js';
import { SeverityBadge, SeverityNote } from '../ui/Severity.js';
import { useAction } from '../ui/useAction.js';

interface Props {
  accountId: string;
  site: string;
  onSaved: (result: AddCodeSetResult) => void;
  onCancel: () => void;
}

/** A typed date (yyyy-mm-dd) as the local midnight it names, or undefined for "today". */
function dayOf(value: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).getTime();
}

/**
 * Paste a site's backup-code page or file: every code found is shown (with the
 * parser's doubts and duplicates, and what it left out) before anything is
 * saved. When the account already has codes, asks whether the site replaced them.
 */
export function AddCodesForm({ accountId, site, onSaved, onCancel }: Props) {
  const [text, setText] = useState('');
  const [issued, setIssued] = useState('');
  const [label, setLabel] = useState('');
  const [preview, setPreview] = useState<CodeBlockPreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [left, setLeft] = useState<ReadonlySet<number>>(new Set());
  const [replace, setReplace] = useState<boolean | null>(null);
  const save = useAction();

  // The preview follows the pasted text (main parses it; nothing is written).
  useEffect(() => {
    if (text.trim() === '') return;
    let cancelled = false;
    const timer = window.setTimeout(() => {
      call('previewBackupCodes', { text, accountId }).then(
        (next) => {
          if (cancelled) return;
          setPreview(next);
          setPreviewError(null);
          setLeft(new Set());
        },
        (error: unknown) => {
          if (!cancelled) setPreviewError(errorMessage(error));
        },
      );
    }, 200);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [text, accountId]);

  const shown = text.trim() === '' ? null : preview;
  const chosen = shown?.codes.filter((_, index) => !left.has(index)) ?? [];
  const hasCodes = (shown?.existing?.currentSets ?? 0) > 0;
  const needsChoice = hasCodes && replace === null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (chosen.length === 0) {
      save.setError('Paste the codes first: none are chosen.');
      return;
    }
    if (needsChoice) {
      save.setError(`Say whether ${site} replaced the old codes.`);
      return;
    }
    const issuedAt = dayOf(issued);
    const result = await save.run(() =>
      call('addBackupCodes', {
        accountId,
        codes: chosen.map((found) => found.code),
        ...(issuedAt === undefined ? {} : { issuedAt }),
        ...(label.trim() ? { label } : {}),
        ...(hasCodes ? { replace: replace === true } : {}),
      }),
    );
    if (result) onSaved(result);
  }

  const toggle = (index: number) =>
    setLeft((current) => {
      const next = new Set(current);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      return next;
    });

  return (
    <form
      autoComplete="off"
      className="add-codes"
      onSubmit={submit}
      aria-labelledby="add-codes-title"
    >
      <h4 id="add-codes-title">Add backup codes</h4>
      <label>
        Paste the codes
        <textarea
          autoComplete="off"
          className="mono"
          rows={7}
          value={text}
          autoFocus
          spellCheck={false}
          placeholder={`Paste the whole page or file from ${site}: Sparekey finds the codes and leaves headers, dates and instructions out.`}
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      <div className="form-grid">
        <label>
          Issued on
          <input
            autoComplete="off"
            type="date"
            value={issued}
            onChange={(event) => setIssued(event.target.value)}
          />
        </label>
        <LabelField
          value={label}
          placeholder="e.g. printed copy in the drawer"
          onChange={setLabel}
        />
      </div>

      <div className="code-preview" aria-live="polite">
        {previewError && text.trim() !== '' && <p className="error">{previewError}</p>}
        {shown && <PreviewDetails preview={shown} left={left} onToggle={toggle} />}
      </div>

      {shown && hasCodes && shown.existing && (
        <fieldset className="replace-choice">
          <legend>
            This account already has {shown.existing.total} codes ({shown.existing.remaining}{' '}
            unused). Did {site} replace them?
          </legend>
          <label className="check">
            <input
              autoComplete="off"
              type="radio"
              name="replace"
              checked={replace === true}
              onChange={() => setReplace(true)}
            />
            Yes, the site replaced them (the usual case): the old codes stop working
          </label>
          <label className="check">
            <input
              autoComplete="off"
              type="radio"
              name="replace"
              checked={replace === false}
              onChange={() => setReplace(false)}
            />
            No, keep both: the old codes still work too
          </label>
        </fieldset>
      )}

      <ErrorMessage error={save.error} />
      <FormActions
        submitLabel={
          chosen.length > 0
            ? `Save ${chosen.length} ${chosen.length === 1 ? 'code' : 'codes'}`
            : 'Save codes'
        }
        onCancel={onCancel}
        busy={save.busy}
      />
    </form>
  );
}

function PreviewDetails({
  preview,
  left,
  onToggle,
}: {
  preview: CodeBlockPreview;
  left: ReadonlySet<number>;
  onToggle: (index: number) => void;
}) {
  // The doubts cover the duplicates and the doubtful text left out, in the parser's words.
  const { codes, ignored, doubts, existing } = preview;
  if (codes.length === 0) {
    return (
      <SeverityNote severity="warning">
        No backup codes found in this text. Paste the list of codes as the site shows it.
      </SeverityNote>
    );
  }
  return (
    <>
      <p className="preview-count">
        <strong>
          Found {codes.length} {codes.length === 1 ? 'code' : 'codes'}
        </strong>
        {preview.sure ? '.' : ': check the ones marked before saving.'}
      </p>
      <ol className="found-codes">
        {codes.map((found, index) => (
          <li key={`${found.normalized}:${found.line}`} className={found.doubt ? 'doubtful' : ''}>
            <label className="check">
              <input
                autoComplete="off"
                type="checkbox"
                checked={!left.has(index)}
                onChange={() => onToggle(index)}
                aria-label={`Save code ${index + 1}, ${found.code}`}
              />
              <span className="digits">{found.code}</span>
              <span className="found-line">line {found.line}</span>
            </label>
            {found.doubt && (
              <span className="found-doubt">
                <SeverityBadge severity="warning" label="Check" /> {found.doubt}
              </span>
            )}
          </li>
        ))}
      </ol>
      {doubts.map((doubt) => (
        <SeverityNote key={doubt} severity="warning">
          {doubt}
        </SeverityNote>
      ))}
      {existing && existing.inCurrentSet > 0 && (
        <SeverityNote severity="warning">
          {existing.inCurrentSet === codes.length
            ? 'These codes are'
            : `${existing.inCurrentSet} of these codes are`}{' '}
          already stored for this account.
        </SeverityNote>
      )}
      {existing && existing.inReplacedSet > 0 && (
        <SeverityNote severity="critical">
          {existing.inReplacedSet === codes.length
            ? 'These codes are'
            : `${existing.inReplacedSet} of these codes are`}{' '}
          from a set that was replaced: they no longer work. Check that you pasted the newest codes.
        </SeverityNote>
      )}
      {ignored.length > 0 && (
        <details className="ignored">
          <summary>
            Left out {ignored.length} {ignored.length === 1 ? 'piece' : 'pieces'} of text that are
            not codes
          </summary>
          <ul>
            {ignored.map((item) => (
              <li key={`${item.line}:${item.text}`}>
                <span className="found-line">line {item.line}</span>{' '}
                <span className="mono">{item.text}</span> — {item.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
