import { type InputHTMLAttributes, type KeyboardEvent, type Ref, useId, useState } from 'react';
import { EyeIcon, WarningIcon } from './icons.js';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'onChange'>;

interface Props extends InputProps {
  value: string;
  onChange: (value: string) => void;
  /** Shown from the start (a generated password the user should see). */
  shown?: boolean;
  onShownChange?: (shown: boolean) => void;
  autoComplete: 'current-password' | 'new-password' | 'off';
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * Every password input of the app: a show/hide button beside it, and a
 * warning while Caps Lock is on (the input is then described by it too).
 */
export function PasswordField({
  value,
  onChange,
  shown: shownFromOutside,
  onShownChange,
  autoComplete,
  inputRef,
  className,
  onKeyDown,
  onKeyUp,
  onBlur,
  ...input
}: Props) {
  const [shownHere, setShownHere] = useState(false);
  const shown = shownFromOutside ?? shownHere;
  const setShown = (next: boolean) => {
    setShownHere(next);
    onShownChange?.(next);
  };
  const [capsLock, setCapsLock] = useState(false);
  const capsId = useId();
  const watchCaps = (event: KeyboardEvent<HTMLInputElement>) =>
    setCapsLock(event.getModifierState('CapsLock'));
  const describedBy = [input['aria-describedby'], capsLock ? capsId : undefined]
    .filter(Boolean)
    .join(' ');

  return (
    <span className="password-input">
      <span className="password-field">
        <input
          {...input}
          ref={inputRef}
          className={`mono${className ? ` ${className}` : ''}`}
          type={shown ? 'text' : 'password'}
          value={value}
          autoComplete={autoComplete}
          spellCheck={false}
          autoCapitalize="off"
          aria-describedby={describedBy === '' ? undefined : describedBy}
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={(event) => {
            watchCaps(event);
            onKeyDown?.(event);
          }}
          onKeyUp={(event) => {
            watchCaps(event);
            onKeyUp?.(event);
          }}
          onBlur={(event) => {
            setCapsLock(false);
            onBlur?.(event);
          }}
        />
        <button
          type="button"
          className="icon-button reveal-toggle"
          aria-pressed={shown}
          aria-label="Show"
          title={shown ? 'Hide the password' : 'Show the password'}
          onClick={() => setShown(!shown)}
        >
          <EyeIcon width="16" height="16" />
        </button>
      </span>
      {capsLock && (
        <span id={capsId} className="caps-warning" role="status">
          <WarningIcon width="14" height="14" /> Caps Lock is on.
        </span>
      )}
    </span>
  );
}
