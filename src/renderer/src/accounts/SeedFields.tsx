import { OTP_ALGORITHMS, type OtpAlgorithm, type OtpType } from '../../../shared/domain.js';
import { Field } from '../ui/Field.js';
import type { Form } from '../ui/useForm.js';
import { isOtpauth, MAX_FORM_PERIOD, type SeedDraft } from './seed-input.js';
import { SetupKeyWarnings } from './SetupKeyWarnings.js';

interface Props {
  form: Form;
  draft: SeedDraft;
  onChange: (draft: SeedDraft) => void;
  autoFocus?: boolean;
}

const TYPES: { value: OtpType; label: string }[] = [
  { value: 'totp', label: 'Time-based (TOTP)' },
  { value: 'hotp', label: 'Counter-based (HOTP)' },
  { value: 'steam', label: 'Steam Guard' },
];

/** Paste an otpauth:// link, or type a setup key and (if the site says so) its parameters. */
export function SeedFields({ form, draft, onChange, autoFocus = false }: Props) {
  const set = (patch: Partial<SeedDraft>) => onChange({ ...draft, ...patch });
  const typed = draft.text.trim() !== '' && !isOtpauth(draft.text);
  return (
    <>
      <Field
        form={form}
        name="seed"
        label="Setup key or otpauth:// link"
        describedBy="seed-key-warnings"
        hint={
          isOtpauth(draft.text)
            ? 'The link carries the issuer, account name and parameters; fields left empty below are taken from it.'
            : 'Paste the link behind the site’s QR code, or type the key shown under it (“Can’t scan?”).'
        }
      >
        {(control) => (
          <input
            {...control}
            className="mono"
            value={draft.text}
            autoFocus={autoFocus}
            spellCheck={false}
            autoComplete="off"
            placeholder="otpauth://totp/… or JBSW Y3DP EHPK 3PXP"
            onChange={(event) => {
              set({ text: event.target.value });
              form.clear('seed');
            }}
          />
        )}
      </Field>
      <SetupKeyWarnings draft={draft} id="seed-key-warnings" />
      {typed && (
        <fieldset className="params">
          <legend>Parameters (keep the defaults unless the site names others)</legend>
          <label>
            Kind
            <select
              value={draft.type}
              onChange={(event) => set({ type: event.target.value as OtpType })}
            >
              {TYPES.map((type) => (
                <option key={type.value} value={type.value}>
                  {type.label}
                </option>
              ))}
            </select>
          </label>
          {draft.type !== 'steam' && (
            <>
              <label>
                Algorithm
                <select
                  value={draft.algorithm}
                  onChange={(event) => set({ algorithm: event.target.value as OtpAlgorithm })}
                >
                  {OTP_ALGORITHMS.map((algorithm) => (
                    <option key={algorithm}>{algorithm}</option>
                  ))}
                </select>
              </label>
              <label>
                Digits
                <select
                  value={draft.digits}
                  onChange={(event) => set({ digits: Number(event.target.value) })}
                >
                  {[6, 7, 8].map((digits) => (
                    <option key={digits}>{digits}</option>
                  ))}
                </select>
              </label>
              {draft.type === 'totp' ? (
                <Field form={form} name="seed.period" label="Period (seconds)">
                  {(control) => (
                    <input
                      {...control}
                      autoComplete="off"
                      inputMode="numeric"
                      value={draft.period}
                      onChange={(event) => {
                        set({ period: event.target.value });
                        form.clear('seed.period');
                      }}
                      placeholder={`1–${MAX_FORM_PERIOD}`}
                    />
                  )}
                </Field>
              ) : (
                <Field form={form} name="seed.counter" label="Counter">
                  {(control) => (
                    <input
                      {...control}
                      autoComplete="off"
                      inputMode="numeric"
                      value={draft.counter}
                      onChange={(event) => {
                        set({ counter: event.target.value });
                        form.clear('seed.counter');
                      }}
                    />
                  )}
                </Field>
              )}
            </>
          )}
        </fieldset>
      )}
    </>
  );
}
