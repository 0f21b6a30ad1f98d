import { useState } from 'react';
import {
  type GeneratedPassword,
  type GeneratorOptions,
  PASSPHRASE_WORDS_RANGE,
  PASSWORD_LENGTH_RANGE,
} from '../../../shared/passwords.js';
import { call } from '../api.js';
import { Field } from '../ui/Field.js';
import { ErrorMessage, RadioOption } from '../ui/Forms.js';
import { DiceIcon } from '../ui/icons.js';
import { type Form, useForm } from '../ui/useForm.js';

const CLASSES = [
  ['lowercase', 'a–z'],
  ['uppercase', 'A–Z'],
  ['digits', '0–9'],
  ['symbols', 'Symbols'],
] as const;

type ClassName = (typeof CLASSES)[number][0];

/** A length or a number of words as typed; checked against the generator's range (main checks it again). */
function Count(props: {
  form: Form;
  name: 'length' | 'words';
  label: string;
  range: { min: number; max: number };
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field form={props.form} name={props.name} label={props.label} className="inline">
      {(control) => (
        <input
          {...control}
          autoComplete="off"
          inputMode="numeric"
          size={4}
          value={props.value}
          onChange={(event) => {
            props.onChange(event.target.value);
            props.form.clear(props.name);
          }}
        />
      )}
    </Field>
  );
}

/** The typed count, or a sentence saying the range. */
function countOf(text: string, range: { min: number; max: number }, what: string): number | string {
  const value = Number(text);
  if (/^\s*\d+\s*$/.test(text) && value >= range.min && value <= range.max) return value;
  return `${what} is a whole number from ${range.min} to ${range.max}.`;
}

const FIELDS = {
  length: { noun: 'the length' },
  words: { noun: 'the number of words' },
};

/** Random characters or a passphrase (EFF's word list), generated in main from its CSPRNG. */
export function PasswordGenerator({
  onGenerated,
}: {
  onGenerated: (g: GeneratedPassword) => void;
}) {
  const [kind, setKind] = useState<GeneratorOptions['kind']>('random');
  const [length, setLength] = useState(String(PASSWORD_LENGTH_RANGE.default));
  const [classes, setClasses] = useState<Record<ClassName, boolean>>({
    lowercase: true,
    uppercase: true,
    digits: true,
    symbols: true,
  });
  const [excludeAmbiguous, setExcludeAmbiguous] = useState(false);
  const [words, setWords] = useState(String(PASSPHRASE_WORDS_RANGE.default));
  const form = useForm({ fields: FIELDS, coreField: null });

  async function generate() {
    const count =
      kind === 'random'
        ? countOf(length, PASSWORD_LENGTH_RANGE, 'The length')
        : countOf(words, PASSPHRASE_WORDS_RANGE, 'The number of words');
    if (typeof count === 'string') {
      form.refuse({ [kind === 'random' ? 'length' : 'words']: count });
      return;
    }
    const options: GeneratorOptions =
      kind === 'random'
        ? { kind, length: count, ...classes, excludeAmbiguous }
        : { kind, words: count, separator: '-' };
    const generated = await form.run(() => call('generatePassword', options));
    if (generated) onGenerated(generated);
  }

  return (
    <fieldset className="generator">
      <legend>Generate a password</legend>
      <div className="generator-kind">
        <RadioOption
          name="generator-kind"
          checked={kind === 'random'}
          onSelect={() => {
            setKind('random');
            form.clear();
          }}
        >
          Random characters
        </RadioOption>
        <RadioOption
          name="generator-kind"
          checked={kind === 'passphrase'}
          onSelect={() => {
            setKind('passphrase');
            form.clear();
          }}
        >
          Passphrase (words)
        </RadioOption>
      </div>
      {kind === 'random' ? (
        <div className="generator-options">
          <Count
            form={form}
            name="length"
            label="Length"
            range={PASSWORD_LENGTH_RANGE}
            value={length}
            onChange={setLength}
          />
          {CLASSES.map(([name, label]) => (
            <label key={name} className="check">
              <input
                autoComplete="off"
                type="checkbox"
                checked={classes[name]}
                onChange={(event) => setClasses({ ...classes, [name]: event.target.checked })}
              />
              {label}
            </label>
          ))}
          <label className="check">
            <input
              autoComplete="off"
              type="checkbox"
              checked={excludeAmbiguous}
              onChange={(event) => setExcludeAmbiguous(event.target.checked)}
            />
            No look-alikes (0/O, 1/l)
          </label>
        </div>
      ) : (
        <div className="generator-options">
          <Count
            form={form}
            name="words"
            label="Words"
            range={PASSPHRASE_WORDS_RANGE}
            value={words}
            onChange={setWords}
          />
        </div>
      )}
      <div className="actions start">
        <button type="button" className="secondary" onClick={() => void generate()}>
          <DiceIcon /> Generate
        </button>
      </div>
      <ErrorMessage error={form.formError} />
    </fieldset>
  );
}
