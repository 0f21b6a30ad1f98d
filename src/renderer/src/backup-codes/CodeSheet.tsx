import { useState } from 'react';
import type { CodeSetView, RevealedCodeSet } from '../../../shared/backup-codes.js';
import { CheckIcon, CopyIcon, EyeIcon } from '../ui/icons.js';
import { formatDay } from '../ui/dates.js';

interface Props {
  set: CodeSetView;
  /** The set's codes as revealed (an explicit, recorded reveal), or null while hidden. */
  revealed: RevealedCodeSet | null;
  onReveal: () => void;
  onHide: () => void;
  /** Absent for a replaced set: its codes no longer work. */
  onPick?: (number: number) => void;
  onCopy?: (number: number) => void;
  busy: boolean;
}

/** A hidden code drawn as dots of its length, in groups of four or five as most sites print them. */
function masked(length: number): string {
  const group = length % 4 === 0 ? 4 : length % 5 === 0 ? 5 : length;
  return '•'.repeat(length).replace(new RegExp(`(.{${group}})(?=.)`, 'g'), '$1 ');
}

/** "Issued 3 May 2026 · printed copy · 10 codes" */
export function setCaption(set: CodeSetView): string {
  return [
    `Issued ${formatDay(set.issuedAt)}`,
    set.label ? `“${set.label}”` : null,
    set.state === 'replaced' && set.replacedAt !== null
      ? `replaced ${formatDay(set.replacedAt)}`
      : null,
    `${set.total} codes`,
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * One set of backup codes as the printed sheet shows it: a numbered grid,
 * used codes struck through with their date and note. The codes' text is
 * there only after an explicit reveal; copying happens in main.
 */
export function CodeSheet({ set, revealed, onReveal, onHide, onPick, onCopy, busy }: Props) {
  const texts = new Map(revealed?.codes.map((code) => [code.number, code.code]));
  const current = set.state === 'current';
  /** The code whose mark waits for a yes: one click never marks a code used. */
  const [asking, setAsking] = useState<number | null>(null);
  return (
    <div className={`sheet${current ? '' : ' sheet-replaced'}`}>
      <div className="sheet-head">
        <p className="sheet-caption">{setCaption(set)}</p>
        {revealed ? (
          <button type="button" className="quiet" onClick={onHide}>
            Hide codes
          </button>
        ) : (
          <button type="button" className="quiet" onClick={onReveal} disabled={busy}>
            <EyeIcon width="16" height="16" /> Show codes
          </button>
        )}
      </div>
      {asking !== null && onPick && (
        <div className="confirm-inline" role="group" aria-label={`Mark code ${asking} used`}>
          <p>
            Mark code {asking} used? Do it once the site has taken it: a used code is struck through
            here (Undo the last mark puts it back).
          </p>
          <div className="actions start">
            <button
              type="button"
              className="primary"
              autoFocus
              disabled={busy}
              onClick={() => {
                onPick(asking);
                setAsking(null);
              }}
            >
              Mark code {asking} used
            </button>
            <button type="button" className="secondary" onClick={() => setAsking(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <ol className="code-grid" aria-label={`Codes, ${setCaption(set)}`}>
        {set.codes.map((code) => {
          const text = texts.get(code.number);
          const used = code.usedAt !== null;
          return (
            <li
              key={code.number}
              className={`code-cell${used ? ' code-used' : ''}`}
              data-testid={`code-${code.number}`}
            >
              <span className="code-number" aria-hidden="true">
                {code.number}
              </span>
              <span className="code-body">
                <span className="sr-only">Code {code.number}: </span>
                {used ? (
                  <s className="code-text digits">{text ?? masked(code.length)}</s>
                ) : (
                  <span className="code-text digits">
                    {text ?? masked(code.length)}
                    {text === undefined && <span className="sr-only"> (hidden)</span>}
                  </span>
                )}
                {used && code.usedAt !== null && (
                  <span className="code-when">
                    used {formatDay(code.usedAt)}
                    {code.note && <span className="code-note">: {code.note}</span>}
                  </span>
                )}
              </span>
              {!used && onPick && onCopy && (
                <span className="code-actions">
                  <button
                    type="button"
                    className="icon-button"
                    onClick={() => onCopy(code.number)}
                    aria-label={`Copy code ${code.number}`}
                    title="Copy this code"
                  >
                    <CopyIcon width="16" height="16" />
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    onClick={() => setAsking(code.number)}
                    disabled={busy}
                    aria-label={`Mark code ${code.number} used…`}
                    title="Mark this code used…"
                  >
                    <CheckIcon width="16" height="16" />
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
