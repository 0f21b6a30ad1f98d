import { useState } from 'react';
import {
  type GeneratedPassword,
  type GeneratorOptions,
  PASSPHRASE_WORDS_RANGE,
  PASSWORD_LENGTH_RANGE,
} from '../../../shared/passwords.js';
import { call } from '../api.js';
import { ErrorMessage, RadioOption } from '../ui/Forms.js';
import { DiceIcon } from '../ui/icons.js';
import { useAction } from '../ui/useAction.js';

const CLASSES = [
  ['lowercase', 'a–z'],
  ['uppercase', 'A–Z'],
  ['digits', '0–9'],
  ['symbols', 'Symbols'],
] as const;

type ClassName = (typeof CLASSES)[number][0];

/** A length or a number of words, within the generator's range (main checks it again). */
function Count(props: {
  label: string;
  range: { min: number; max: number };
  value: number;
  onChange: (value: number) => void;
}) {
  return (
    <label className="inline">
      {props.label}
      <input
        autoComplete="off"
        type="number"
        min={props.range.min}
        max={props.range.max}
        value={props.value}
        onChange={(event) => props.onChange(Number(event.target.value))}
      />
    </label>
  );
}

/** Random characters or a passphrase (EFF's word list), generated in main from its CSPRNG. */
export function PasswordGenerator({
  onGenerated,
}: {
  onGenerated: (g: GeneratedPassword) => void;
}) {
  const [kind, setKind] = useState<GeneratorOptions['kind']>('random');
  const [length, setLength] = useState<number>(PASSWORD_LENGTH_RANGE.default);
  const [classes, setClasses] = useState<Record<ClassName, boolean>>({
    lowercase: true,
    uppercase: true,
    digits: true,
    symbols: true,
  });
  const [excludeAmbiguous, setExcludeAmbiguous] = useState(false);
  const [words, setWords] = useState<number>(PASSPHRASE_WORDS_RANGE.default);
  const action = useAction();

  async function generate() {
    const options: GeneratorOptions =
      kind === 'random'
        ? { kind, length, ...classes, excludeAmbiguous }
        : { kind, words, separator: '-' };
    const generated = await action.run(() => call('generatePassword', options));
    if (generated) onGenerated(generated);
  }

  return (
    <fieldset className="generator">
      <legend>Generate a password</legend>
      <div className="generator-kind">
        <RadioOption
          name="generator-kind"
          checked={kind === 'random'}
          onSelect={() => setKind('random')}
        >
          Random characters
        </RadioOption>
        <RadioOption
          name="generator-kind"
          checked={kind === 'passphrase'}
          onSelect={() => setKind('passphrase')}
        >
          Passphrase (words)
        </RadioOption>
      </div>
      {kind === 'random' ? (
        <div className="generator-options">
          <Count label="Length" range={PASSWORD_LENGTH_RANGE} value={length} onChange={setLength} />
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
          <Count label="Words" range={PASSPHRASE_WORDS_RANGE} value={words} onChange={setWords} />
        </div>
      )}
      <div className="actions start">
        <button type="button" className="secondary" onClick={() => void generate()}>
          <DiceIcon /> Generate
        </button>
      </div>
      <ErrorMessage error={action.error} />
    </fieldset>
  );
}
