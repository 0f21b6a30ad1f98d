import { type FormEvent, useEffect, useState } from 'react';
import { formatDay } from '../../../shared/dates.js';
import type { AddCodeSetResult, CodeBlockPreview } from '../../../shared/backup-codes.js';
import { call } from '../api.js';
import { useVaultData } from '../app/vault-data.js';
import { Field, FieldError, FormSummary } from '../ui/Field.js';
import { FormActions } from '../ui/Forms.js';
import { SeverityBadge, SeverityNote } from '../ui/Severity.js';
import { placeRefusal, useForm } from '../ui/useForm.js';
import { readTypedDate } from '../ui/typed-date.js';
import { statedIssueDate } from './stated-date.js';

interface Props {
  accountId: string;
  site: string;
  onSaved: (result: AddCodeSetResult) => void;
  onCancel: () => void;
}

/** The typed issue date as the local midnight it names; undefined when empty, null when unreadable. */
function dayOf(text: string, now: number): number | null | undefined {
  if (text.trim() === '') return undefined;
  return readTypedDate(text, now, navigator.language);
}

const FIELDS = {
  text: {
    noun: 'the pasted text',
    say: {
      required: 'Paste the codes first.',
      'too-long':
        'That is more than 100,000 characters: paste only the page or file with the codes.',
    },
  },
  codes: {
    noun: 'the codes',
    plural: true,
    say: {
      'too-many': 'A set holds at most 100 codes: leave some out.',
      'too-long': 'One of the codes is longer than 200 characters: leave it out.',
      required: 'Choose at least one code to save.',
      'too-few': 'Choose at least one code to save.',
    },
  },
  issuedAt: { noun: 'the issue date' },
  label: { noun: 'the label' },
  replace: { noun: 'whether the old codes were replaced' },
};
const FIELD_NAMES = Object.keys(FIELDS);

/**
 * Paste a site's backup-code page or file: every code found is shown (with the
 * parser's doubts and duplicates, and what it left out) before anything is
 * saved. The issue date is taken from the page when it states one. When the
 * account already has codes, asks whether the site replaced them.
 */
export function AddCodesForm({ accountId, site, onSaved, onCancel }: Props) {
  const [text, setText] = useState('');
  const [issued, setIssued] = useState('');
  /** Where the issue date came from: the pasted page (until the user changes it), or the user. */
  const [issuedFromPage, setIssuedFromPage] = useState(false);
  const [label, setLabel] = useState('');
  const [preview, setPreview] = useState<CodeBlockPreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [left, setLeft] = useState<ReadonlySet<number>>(new Set());
  const [replace, setReplace] = useState<boolean | null>(null);
  const { overview } = useVaultData();
  const save = useForm({ fields: FIELDS, coreField: 'text' });

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
          if (cancelled) return;
          setPreview(null);
          const placed = placeRefusal(error, { fields: FIELDS, coreField: 'text' });
          setPreviewError(placed.errors.text ?? placed.formError);
        },
      );
    }, 200);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [text, accountId]);

  const changeText = (next: string) => {
    setText(next);
    save.clear('text');
    save.clear('codes');
    // The date the page states fills "Issued on", unless the user chose one.
    if (issued === '' || issuedFromPage) {
      const stated = statedIssueDate(next, overview?.at ?? Date.now(), navigator.language);
      setIssued(stated === null ? '' : formatDay(stated));
      setIssuedFromPage(stated !== null);
      save.clear('issuedAt');
    }
  };

  const shown = text.trim() === '' ? null : preview;
  const chosen = shown?.codes.filter((_, index) => !left.has(index)) ?? [];
  const hasCodes = (shown?.existing?.currentSets ?? 0) > 0;
  const needsChoice = hasCodes && replace === null;

  function ownProblems(): Record<string, string> {
    const problems: Record<string, string> = {};
    if (text.trim() === '') problems.text = 'Paste the codes first.';
    else if (previewError !== null) problems.text = previewError;
    else if (shown !== null && shown.codes.length === 0) {
      problems.text = 'No backup codes were found in this text.';
    } else if (shown !== null && chosen.length === 0) {
      problems.codes = 'Choose at least one code to save.';
    }
    const now = overview?.at ?? Date.now();
    const issuedAt = dayOf(issued, now);
    if (issuedAt === null) {
      problems.issuedAt = `Sparekey cannot read this as a date: write it like ${formatDay(now)}, or leave it empty for today.`;
    } else if (issuedAt !== undefined && issuedAt > now) {
      problems.issuedAt = 'The issue date is in the future.';
    } else if (issuedAt !== undefined && new Date(issuedAt).getFullYear() < 2000) {
      problems.issuedAt = 'The issue date must be in the year 2000 or later.';
    }
    if (needsChoice) problems.replace = `Say whether ${site} replaced the old codes.`;
    return problems;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = ownProblems();
    if (Object.keys(problems).length > 0) {
      save.refuse(problems);
      return;
    }
    if (shown === null) return; // The preview is on its way.
    const issuedAt = dayOf(issued, overview?.at ?? Date.now()) ?? undefined;
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

  const toggle = (index: number) => {
    save.clear('codes');
    setLeft((current) => {
      const next = new Set(current);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      return next;
    });
  };
  const replaceChoice = save.field('replace');
  // Read while typing, to say how it is read; dates are written the locale's way.
  const typedIssued = issued.trim() === '' ? undefined : dayOf(issued, overview?.at ?? 0);
  const issuedHint = issuedFromPage
    ? 'Taken from the pasted page; change it if it is wrong.'
    : typedIssued === undefined
      ? `Empty: today. Write it like ${formatDay(overview?.at ?? 0)}.`
      : typedIssued !== null && formatDay(typedIssued) !== issued.trim()
        ? `Read as ${formatDay(typedIssued)}.`
        : undefined;

  return (
    <form
      autoComplete="off"
      className="add-codes"
      onSubmit={(event) => void submit(event)}
      aria-labelledby="add-codes-title"
      noValidate
    >
      <h4 id="add-codes-title">Add backup codes</h4>
      <FormSummary form={save} fieldNames={FIELD_NAMES} />
      <Field
        form={save}
        name="text"
        label="Paste the codes"
        otherError={save.errors.codes ?? (text.trim() === '' ? null : previewError)}
      >
        {(control) => (
          <textarea
            {...control}
            autoComplete="off"
            className="mono"
            rows={7}
            value={text}
            autoFocus
            spellCheck={false}
            placeholder={`Paste the whole page or file from ${site}: Sparekey finds the codes and leaves headers, dates and instructions out.`}
            onChange={(event) => changeText(event.target.value)}
          />
        )}
      </Field>
      <div className="form-grid">
        <Field form={save} name="issuedAt" label="Issued on" hint={issuedHint}>
          {(control) => (
            <input
              {...control}
              autoComplete="off"
              value={issued}
              placeholder="Today"
              onChange={(event) => {
                setIssued(event.target.value);
                setIssuedFromPage(false);
                save.clear('issuedAt');
              }}
              onBlur={() => {
                // What was typed, written the app's way ("3/5/2026" becomes "3 May 2026").
                if (typedIssued !== null && typedIssued !== undefined) {
                  setIssued(formatDay(typedIssued));
                }
              }}
            />
          )}
        </Field>
        <Field form={save} name="label" label="Label (optional)">
          {(control) => (
            <input
              {...control}
              autoComplete="off"
              value={label}
              placeholder="e.g. printed copy in the drawer"
              onChange={(event) => {
                setLabel(event.target.value);
                save.clear('label');
              }}
            />
          )}
        </Field>
      </div>

      <div className="code-preview" aria-live="polite">
        {shown && <PreviewDetails preview={shown} left={left} onToggle={toggle} />}
      </div>

      {shown && hasCodes && shown.existing && (
        <fieldset
          className={`replace-choice${replaceChoice.error === null ? '' : ' field-invalid'}`}
          id={replaceChoice.id}
          tabIndex={-1}
          aria-describedby={replaceChoice.error === null ? undefined : replaceChoice.errorId}
        >
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
              onChange={() => {
                setReplace(true);
                save.clear('replace');
              }}
            />
            Yes, the site replaced them (the usual case): the old codes stop working
          </label>
          <label className="check">
            <input
              autoComplete="off"
              type="radio"
              name="replace"
              checked={replace === false}
              onChange={() => {
                setReplace(false);
                save.clear('replace');
              }}
            />
            No, keep both: the old codes still work too
          </label>
          <FieldError id={replaceChoice.errorId} error={replaceChoice.error} />
        </fieldset>
      )}

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
