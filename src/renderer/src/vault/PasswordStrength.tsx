import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { useEffect, useState } from 'react';
import { StrengthMeter } from '../ui/StrengthMeter.js';
import { loadStrengthChecker, strengthOf } from './password-strength.js';

interface Props {
  password: string;
}

/** The vault password's meter (computed here: the vault is not open yet), with zxcvbn's advice. */
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
    <StrengthMeter score={strength?.score ?? null}>
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
    </StrengthMeter>
  );
}
