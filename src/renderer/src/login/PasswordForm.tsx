import { type FormEvent, useEffect, useState } from 'react';
import type { LoginDetails, PasswordStrength } from '../../../shared/passwords.js';
import { call } from '../api.js';
import { Field, FormSummary } from '../ui/Field.js';
import { FormActions } from '../ui/Forms.js';
import { PasswordField } from '../ui/PasswordField.js';
import { useForm } from '../ui/useForm.js';
import { PasswordGenerator } from './PasswordGenerator.js';
import { StrengthReport } from './StrengthReport.js';

interface Props {
  accountId: string;
  login: LoginDetails | null;
  onSaved: (login: LoginDetails) => void;
  onCancel: () => void;
}

function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

const FIELDS = {
  username: { noun: 'the username' },
  password: { noun: 'the password' },
  urls: {
    noun: 'the other sign-in pages',
    plural: true,
    say: {
      'too-long': 'One of the sign-in pages is too long: at most 2,048 characters.',
      'too-many': 'At most 20 other sign-in pages can be kept.',
      format: 'Each line must be a web address, such as https://example.com/login.',
    },
  },
};
const FIELD_NAMES = Object.keys(FIELDS);

/**
 * Edits the username, the password (typed or generated, with main's strength
 * estimate) and the other sign-in pages; one save, one transaction. The
 * replaced password goes to the account's previous passwords.
 */
export function PasswordForm({ accountId, login, onSaved, onCancel }: Props) {
  const [username, setUsername] = useState(login?.username ?? '');
  const [password, setPassword] = useState('');
  const [shown, setShown] = useState(false);
  const [urls, setUrls] = useState(login?.urls.join('\n') ?? '');
  const [strength, setStrength] = useState<PasswordStrength | null>(null);
  const [entropy, setEntropy] = useState<number | null>(null);
  // The core refuses a page that is not a web address; the password's limits are the schema's.
  const save = useForm({ fields: FIELDS, coreField: 'urls' });

  // main estimates the strength (its word lists, the account's names); typing pauses before asking.
  useEffect(() => {
    if (password === '') return;
    let cancelled = false;
    const timer = window.setTimeout(() => {
      call('estimatePasswordStrength', { password, accountId }).then(
        (next) => {
          if (!cancelled) setStrength(next);
        },
        () => undefined,
      );
    }, 250);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [password, accountId]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const saved = await save.run(() =>
      call('setLogin', {
        id: accountId,
        username,
        urls: linesOf(urls),
        ...(password === '' ? {} : { password }),
      }),
    );
    if (saved) onSaved(saved);
  }

  return (
    <form
      autoComplete="off"
      className="form password-form"
      onSubmit={(event) => void submit(event)}
      aria-label="Edit the sign-in"
      noValidate
    >
      <FormSummary form={save} fieldNames={FIELD_NAMES} />
      <Field form={save} name="username" label="Username">
        {(control) => (
          <input
            {...control}
            value={username}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => {
              setUsername(event.target.value);
              save.clear('username');
            }}
            autoFocus
          />
        )}
      </Field>
      <Field form={save} name="password" label={login?.hasPassword ? 'New password' : 'Password'}>
        {(control) => (
          <PasswordField
            {...control}
            value={password}
            shown={shown}
            onShownChange={setShown}
            autoComplete="new-password"
            placeholder={login?.hasPassword ? 'Leave empty to keep the current one' : ''}
            onChange={(next) => {
              setPassword(next);
              setEntropy(null);
              if (next === '') setStrength(null);
              save.clear('password');
            }}
          />
        )}
      </Field>
      <PasswordGenerator
        onGenerated={(generated) => {
          setPassword(generated.password);
          setShown(true);
          setStrength(generated.strength);
          setEntropy(generated.entropyBits);
          save.clear('password');
        }}
      />
      {password !== '' && <StrengthReport strength={strength} entropyBits={entropy} />}
      {login?.hasPassword && password !== '' && (
        <p className="hint">
          The current password moves to the previous passwords, for the moment the site still wants
          the old one.
        </p>
      )}
      <Field form={save} name="urls" label="Other sign-in pages (one a line)">
        {(control) => (
          <textarea
            {...control}
            autoComplete="off"
            rows={2}
            value={urls}
            spellCheck={false}
            placeholder="https://example.com/login"
            onChange={(event) => {
              setUrls(event.target.value);
              save.clear('urls');
            }}
          />
        )}
      </Field>
      <FormActions submitLabel="Save sign-in" onCancel={onCancel} busy={save.busy} />
    </form>
  );
}
