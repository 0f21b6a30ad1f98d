import { useState } from 'react';
import { accountLabel } from '../../../shared/account-names.js';
import type {
  ImportNote,
  ImportPreview,
  ImportPreviewEntry,
} from '../../../shared/import-export.js';
import { SeverityNote } from '../ui/Severity.js';

interface Props {
  preview: ImportPreview;
  /** Name each file and its format (not for a single pasted or chosen image). */
  showFiles: boolean;
  busy: boolean;
  /** Commits all but the entries left out (their indexes in `preview.entries`). */
  onCommit: (leaveOut: ReadonlySet<number>) => void;
  onCancel: () => void;
}

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;

function kindOf(entry: ImportPreviewEntry): string {
  if (entry.otp === null) return 'no code';
  return entry.otp.type === 'steam' ? 'Steam' : entry.otp.type.toUpperCase();
}

/** One account the import would add, with the box that keeps it in (ticked) or leaves it out. */
function EntryLine({
  entry,
  chosen,
  onToggle,
}: {
  entry: ImportPreviewEntry;
  chosen: boolean;
  onToggle: () => void;
}) {
  return (
    <li className="list-line import-entry">
      <label className="check">
        <input autoComplete="off" type="checkbox" checked={chosen} onChange={onToggle} />
        <span>
          <strong>{accountLabel(entry)}</strong>
          {entry.issuer && entry.accountName && <span className="muted"> {entry.accountName}</span>}
          {entry.warnings.map((warning) => (
            <span key={warning} className="hint">
              {' '}
              — {warning}
            </span>
          ))}
        </span>
      </label>
      <span className="muted small">{kindOf(entry)}</span>
    </li>
  );
}

function NoteList({ notes }: { notes: ImportNote[] }) {
  return (
    <ul className="plain-list">
      {notes.map((note) => (
        <li key={`${note.file}/${note.label}`}>
          <strong>{note.label}</strong> <span className="muted">({note.file})</span>: {note.reason}
        </li>
      ))}
    </ul>
  );
}

/**
 * What an import will do, before it does it: the accounts it adds, the
 * duplicates it skips, and every entry it could not read with the reason.
 */
export function ImportPreviewPanel({ preview, showFiles, busy, onCommit, onCancel }: Props) {
  const adding = preview.entries
    .map((entry, index) => ({ entry, index }))
    .filter(({ entry }) => entry.duplicateOf === null);
  const duplicates = preview.entries.filter((entry) => entry.duplicateOf !== null);
  const [leftOut, setLeftOut] = useState<ReadonlySet<number>>(new Set());
  const chosen = adding.length - leftOut.size;
  const toggle = (index: number) =>
    setLeftOut((current) => {
      const next = new Set(current);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      return next;
    });
  const all = leftOut.size === 0;
  return (
    <div className="import-preview">
      {showFiles && (
        <ul className="plain-list">
          {preview.files.map((file) => (
            <li key={file.name}>
              <strong>{file.name}</strong>: {file.description},{' '}
              {plural(file.entries, 'entry', 'entries')}
            </li>
          ))}
        </ul>
      )}
      {preview.failed.length > 0 && (
        <section className="import-group import-failed" aria-labelledby="import-failed-title">
          <SeverityNote severity="critical">
            <span id="import-failed-title">
              {plural(preview.failed.length, 'entry', 'entries')} could not be read and will not be
              imported.
            </span>
          </SeverityNote>
          <NoteList notes={preview.failed} />
        </section>
      )}
      <section className="import-group" aria-labelledby="import-adding-title">
        <div className="subsection-head">
          <h4 id="import-adding-title">
            {adding.length === 0
              ? 'Nothing new to add'
              : `${plural(adding.length, 'account')} to add`}
          </h4>
          {adding.length > 1 && (
            <button
              type="button"
              className="quiet"
              onClick={() =>
                setLeftOut(all ? new Set(adding.map(({ index }) => index)) : new Set())
              }
            >
              {all ? 'Leave them all out' : 'Choose them all'}
            </button>
          )}
        </div>
        {adding.length > 0 && (
          <>
            <p className="hint">Untick an account to leave it out of this import.</p>
            <ul className="plain-list" aria-labelledby="import-adding-title">
              {adding.map(({ entry, index }) => (
                <EntryLine
                  key={index}
                  entry={entry}
                  chosen={!leftOut.has(index)}
                  onToggle={() => toggle(index)}
                />
              ))}
            </ul>
          </>
        )}
      </section>
      {duplicates.length > 0 && (
        <section className="import-group" aria-labelledby="import-duplicates-title">
          <h4 id="import-duplicates-title">
            {plural(duplicates.length, 'duplicate')} (skipped: same secret as an account{' '}
            {duplicates.some((entry) => entry.duplicateOf?.accountId !== null)
              ? 'already in the vault'
              : 'earlier in this import'}
            )
          </h4>
          <ul className="plain-list">
            {duplicates.map((entry, index) => (
              <li key={index}>
                {accountLabel(entry)}
                <span className="muted">
                  {' '}
                  — same as {entry.duplicateOf && accountLabel(entry.duplicateOf)}
                  {entry.duplicateOf?.accountId === null ? ' (earlier in this import)' : ''}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {preview.skipped.length > 0 && (
        <section className="import-group" aria-labelledby="import-skipped-title">
          <h4 id="import-skipped-title">
            {plural(preview.skipped.length, 'entry', 'entries')} skipped
          </h4>
          <NoteList notes={preview.skipped} />
        </section>
      )}
      <div className="actions">
        <button
          type="button"
          className="secondary"
          autoFocus={preview.toImport === 0}
          onClick={onCancel}
        >
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          autoFocus={preview.toImport > 0}
          disabled={busy || chosen === 0}
          onClick={() => onCommit(leftOut)}
        >
          Import {plural(chosen, 'account')}
        </button>
      </div>
    </div>
  );
}
