import type { ReactNode } from 'react';
import type { Severity } from '../../../shared/health.js';
import { CriticalIcon, InfoIcon, WarningIcon } from './icons.js';

const LOOK: Record<Severity, { word: string; Icon: typeof CriticalIcon }> = {
  critical: { word: 'Critical', Icon: CriticalIcon },
  warning: { word: 'Warning', Icon: WarningIcon },
  info: { word: 'Info', Icon: InfoIcon },
};

/**
 * The one visual language for severity everywhere: a shape, a word and a
 * colour together, so it never depends on colour alone.
 */
export function SeverityBadge({ severity }: { severity: Severity }) {
  const { word, Icon } = LOOK[severity];
  return (
    <span className={`severity severity-${severity}`}>
      <Icon width="14" height="14" />
      <span>{word}</span>
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
