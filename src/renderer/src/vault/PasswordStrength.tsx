import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { useEffect, useState } from 'react';
import { loadStrengthChecker, strengthOf } from './password-strength.js';

interface Props {
  password: string;
}

/** A four-step bar and a word (never colour alone), with zxcvbn's advice. */
export function PasswordStrength({ password }: Props) {
  const [factory, setFactory] = useState<ZxcvbnFactory | null>(null);

  useEffect(() => {
    let cancelled = false;
    void loadStrengthChecker().then((loaded) => {
      if (!cancelled) setFactory(loaded);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  const strength = factory !== null && password !== '' ? strengthOf(factory, password) : null;
  const advice = strength?.warning || strength?.suggestions[0] || '';

  return (
    <div className="strength" data-score={strength?.score ?? 'none'}>
      <div className="strength-bar" aria-hidden="true">
        {[1, 2, 3, 4].map((step) => (
          <span
            key={step}
            className={strength !== null && strength.score >= step ? 'filled' : ''}
          />
        ))}
      </div>
      <p className="strength-text" aria-live="polite">
        {strength === null ? (
          <span className="muted">
            {factory === null && password !== ''
              ? 'Checking…'
              : 'Use a long passphrase: four or more unrelated words.'}
          </span>
        ) : (
          <>
            <strong>Strength: {strength.label}.</strong> {advice}
          </>
        )}
      </p>
    </div>
  );
}
