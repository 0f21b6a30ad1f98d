import type { ReactNode } from 'react';

/** A four-step bar and words (never colour alone): the vault password's meter and an account's. */
export function StrengthMeter({ score, children }: { score: number | null; children: ReactNode }) {
  return (
    <div className="strength" data-score={score ?? 'none'}>
      <div className="strength-bar" aria-hidden="true">
        {[1, 2, 3, 4].map((step) => (
          <span key={step} className={score !== null && score >= step ? 'filled' : ''} />
        ))}
      </div>
      <p className="strength-text" aria-live="polite">
        {children}
      </p>
    </div>
  );
}
