import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { useEffect, useId, useState } from 'react';
import { Field, FieldError } from '../ui/Field.js';
import type { FormFields } from '../ui/field-words.js';
import { PasswordField } from '../ui/PasswordField.js';
import { SeverityNote } from '../ui/Severity.js';
import { StrengthMeter } from '../ui/StrengthMeter.js';
import type { Form } from '../ui/useForm.js';
import { loadStrengthChecker, type Strength, strengthOf } from './password-strength.js';

/** The core's minimum (MIN_PASSWORD_LENGTH); the core checks it again. */
export const MIN_VAULT_PASSWORD_LENGTH = 8;
/** zxcvbn's score from which a vault password needs no second thought ("Good"). */
export const GOOD_SCORE = 3;

const length = (text: string) => [...text].length;

/** A new vault password as it is being typed: twice, and whether a weak one is wanted anyway. */
export interface NewPasswordDraft {
  password: string;
  confirmation: string;
  weakAccepted: boolean;
  /** zxcvbn's estimate of `password` (null while empty or while the checker loads). */
  strength: Strength | null;
  setPassword: (password: string) => void;
  setConfirmation: (confirmation: string) => void;
  setWeakAccepted: (accepted: boolean) => void;
  /** What stops the password from being used, by field (empty when it can be used). */
  problems: () => Promise<Record<string, string>>;
}

/** The names of the three fields in a form (the method's own name for the new password). */
export interface NewPasswordNames {
  password: string;
  confirmation: string;
  weakAccepted: string;
}

export const NEW_PASSWORD_NAMES: NewPasswordNames = {
  password: 'password',
  confirmation: 'confirmation',
  weakAccepted: 'weakAccepted',
};

/** How a form names the three fields (merge into its `fields`). */
export function newPasswordFields(names: NewPasswordNames = NEW_PASSWORD_NAMES): FormFields {
  return {
    [names.password]: {
      noun: 'the new password',
      say: {
        required: 'Type a password.',
        'too-short': `The password needs at least ${MIN_VAULT_PASSWORD_LENGTH} characters.`,
      },
    },
    [names.confirmation]: { noun: 'the repeated password' },
    [names.weakAccepted]: { noun: 'the weak password' },
  };
}

/**
 * The draft of a new vault password (creating a vault, changing its password),
 * with zxcvbn's estimate made here: the vault is not open yet when it is created.
 */
export function useNewPassword(names: NewPasswordNames = NEW_PASSWORD_NAMES): NewPasswordDraft {
  const [password, setPasswordValue] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [weakAccepted, setWeakAccepted] = useState(false);
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

  return {
    password,
    confirmation,
    weakAccepted,
    strength,
    setPassword: (next) => {
      setPasswordValue(next);
      // A new password needs its own "anyway".
      setWeakAccepted(false);
    },
    setConfirmation,
    setWeakAccepted,
    problems: async () => {
      const problems: Record<string, string> = {};
      if (password === '') problems[names.password] = 'Type a password.';
      else if (length(password) < MIN_VAULT_PASSWORD_LENGTH) {
        problems[names.password] =
          `The password needs at least ${MIN_VAULT_PASSWORD_LENGTH} characters; it has ${length(password)}.`;
      } else {
        const score = strengthOf(await loadStrengthChecker(), password).score;
        if (score < GOOD_SCORE && !weakAccepted) {
          problems[names.weakAccepted] =
            'This password is easy to guess. Choose a stronger one, or tick “Use this weak password anyway”.';
        }
      }
      if (confirmation === '') problems[names.confirmation] = 'Type the password again.';
      else if (confirmation !== password) {
        problems[names.confirmation] = 'The two passwords differ; type the same password twice.';
      }
      return problems;
    },
  };
}

interface Props {
  form: Form;
  draft: NewPasswordDraft;
  names?: NewPasswordNames;
  labels?: { password: string; confirmation: string };
  autoFocus?: boolean;
}

/**
 * A new vault password, typed twice: the strength meter and zxcvbn's advice,
 * the length rule (ticked once met), whether the two match, and for a
 * password scored below "Good" an explicit "Use this weak password anyway".
 * Used by the first-run screen and by the password change in Settings.
 */
export function NewPasswordFields({
  form,
  draft,
  names = NEW_PASSWORD_NAMES,
  labels = { password: 'New password', confirmation: 'Repeat the password' },
  autoFocus = false,
}: Props) {
  const ruleId = useId();
  const matchId = useId();
  const weakId = form.field(names.weakAccepted);
  const { password, confirmation, strength } = draft;
  const typed = length(password);
  const long = typed >= MIN_VAULT_PASSWORD_LENGTH;
  const weak = long && strength !== null && strength.score < GOOD_SCORE;
  const advice = strength?.warning || strength?.suggestions[0] || '';

  return (
    <>
      <Field form={form} name={names.password} label={labels.password} describedBy={ruleId}>
        {(control) => (
          <PasswordField
            {...control}
            autoFocus={autoFocus}
            autoComplete="new-password"
            value={password}
            onChange={(next) => {
              draft.setPassword(next);
              form.clear(names.password);
              form.clear(names.weakAccepted);
            }}
          />
        )}
      </Field>
      <StrengthMeter score={strength?.score ?? null}>
        {strength === null ? (
          <span className="muted">Use a long passphrase: four or more unrelated words.</span>
        ) : (
          <>
            <strong>Strength: {strength.label}.</strong> {advice}
          </>
        )}
      </StrengthMeter>
      <p id={ruleId} className={`hint rule${long ? ' rule-met' : ''}`} aria-live="polite">
        {long
          ? `✓ ${typed} characters: long enough.`
          : `At least ${MIN_VAULT_PASSWORD_LENGTH} characters${typed > 0 ? ` (${MIN_VAULT_PASSWORD_LENGTH - typed} more)` : ''}.`}
      </p>
      {weak && (
        <div className={`weak-choice${weakId.error === null ? '' : ' field-invalid'}`}>
          <SeverityNote severity="warning">
            This password is {strength.label.toLowerCase()}: someone who gets a copy of the vault
            file could guess it. It guards every seed and backup code here.
          </SeverityNote>
          <label className="check">
            <input
              id={weakId.id}
              type="checkbox"
              autoComplete="off"
              checked={draft.weakAccepted}
              aria-invalid={weakId.error === null ? undefined : true}
              aria-describedby={weakId.error === null ? undefined : weakId.errorId}
              onChange={(event) => {
                draft.setWeakAccepted(event.target.checked);
                form.clear(names.weakAccepted);
              }}
            />
            Use this weak password anyway
          </label>
          <FieldError id={weakId.errorId} error={weakId.error} />
        </div>
      )}
      <Field
        form={form}
        name={names.confirmation}
        label={labels.confirmation}
        describedBy={matchId}
      >
        {(control) => (
          <PasswordField
            {...control}
            autoComplete="new-password"
            value={confirmation}
            onChange={(next) => {
              draft.setConfirmation(next);
              form.clear(names.confirmation);
            }}
          />
        )}
      </Field>
      <p id={matchId} className="hint" aria-live="polite">
        {confirmation === '' || form.field(names.confirmation).error !== null
          ? ''
          : confirmation === password
            ? '✓ The passwords match.'
            : 'The two passwords differ so far.'}
      </p>
    </>
  );
}
