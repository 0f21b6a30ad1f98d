import { OTP_ALGORITHMS, type OtpAlgorithm, type OtpType } from '../../../shared/domain.js';
import { isOtpauth, type SeedDraft } from './seed-input.js';
import { SetupKeyWarnings } from './SetupKeyWarnings.js';

interface Props {
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
export function SeedFields({ draft, onChange, autoFocus = false }: Props) {
  const set = (patch: Partial<SeedDraft>) => onChange({ ...draft, ...patch });
  const typed = draft.text.trim() !== '' && !isOtpauth(draft.text);
  return (
    <>
      <label>
        Setup key or otpauth:// link
        <input
          className="mono"
          value={draft.text}
          autoFocus={autoFocus}
          spellCheck={false}
          autoComplete="off"
          placeholder="otpauth://totp/… or JBSW Y3DP EHPK 3PXP"
          onChange={(event) => set({ text: event.target.value })}
          aria-describedby="seed-hint seed-key-warnings"
        />
      </label>
      <SetupKeyWarnings draft={draft} id="seed-key-warnings" />
      <p id="seed-hint" className="hint">
        {isOtpauth(draft.text)
          ? 'The link carries the issuer, account name and parameters; fields left empty below are taken from it.'
          : 'Paste the link behind the site’s QR code, or type the key shown under it (“Can’t scan?”).'}
      </p>
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
                <label>
                  Period (seconds)
                  <input
                    autoComplete="off"
                    type="number"
                    min={1}
                    max={300}
                    value={draft.period}
                    onChange={(event) => set({ period: Number(event.target.value) })}
                  />
                </label>
              ) : (
                <label>
                  Counter
                  <input
                    autoComplete="off"
                    type="number"
                    min={0}
                    value={draft.counter}
                    onChange={(event) => set({ counter: Number(event.target.value) })}
                  />
                </label>
              )}
            </>
          )}
        </fieldset>
      )}
    </>
  );
}
