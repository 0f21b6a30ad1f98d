import type { ReactNode } from 'react';
import type { Severity } from '../../../shared/health.js';
import { CriticalIcon, InfoIcon, WarningIcon } from './icons.js';

const LOOK: Record<Severity, { word: string; Icon: typeof CriticalIcon }> = {
  critical: { word: 'Critical', Icon: CriticalIcon },
  warning: { word: 'Warning', Icon: WarningIcon },
  info: { word: 'Info', Icon: InfoIcon },
};

export function severityWord(severity: Severity): string {
  return LOOK[severity].word;
}

/**
 * The one visual language for severity everywhere: a shape, a word and a
 * colour together, so it never depends on colour alone. With `label`, the
 * badge says what is wrong ("Codes low") and the severity word is read out
 * to screen readers before it.
 */
export function SeverityBadge({ severity, label }: { severity: Severity; label?: string }) {
  const { word, Icon } = LOOK[severity];
  return (
    <span className={`severity severity-${severity}`}>
      <Icon width="14" height="14" />
      {label === undefined ? (
        <span>{word}</span>
      ) : (
        <span>
          <span className="sr-only">{word}: </span>
          {label}
        </span>
      )}
    </span>
  );
}

/** A sentence with its severity in front: used for warnings in forms and settings. */
export function SeverityNote({ severity, children }: { severity: Severity; children: ReactNode }) {
  return (
    <p className={`severity-note severity-note-${severity}`}>
      <SeverityBadge severity={severity} /> <span>{children}</span>
    </p>
  );
}
