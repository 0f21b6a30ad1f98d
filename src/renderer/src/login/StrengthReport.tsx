import type { PasswordStrength } from '../../../shared/passwords.js';
import { SeverityNote } from '../ui/Severity.js';
import { StrengthMeter } from '../ui/StrengthMeter.js';

const bits = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/**
 * An account password's strength as main estimates it (zxcvbn, with the
 * account's own names counted as guessable): the score, how long each kind
 * of attacker would need, and what makes it guessable.
 */
export function StrengthReport({
  strength,
  entropyBits,
}: {
  strength: PasswordStrength | null;
  /** When the password was generated: the generator's entropy. */
  entropyBits?: number | null;
}) {
  return (
    <div className="strength-report">
      <StrengthMeter score={strength?.score ?? null}>
        {strength === null ? (
          <span className="muted">Type a password, or generate one.</span>
        ) : (
          <>
            <strong>
              Strength: {strength.label} ({strength.score} of 4).
            </strong>{' '}
            {strength.explanation}
          </>
        )}
      </StrengthMeter>
      {strength?.warning && <SeverityNote severity="warning">{strength.warning}</SeverityNote>}
      {strength && strength.suggestions.length > 0 && (
        <p className="hint">{strength.suggestions.join(' ')}</p>
      )}
      {entropyBits != null && (
        <p className="hint">Generated at random: {bits.format(entropyBits)} bits of entropy.</p>
      )}
      {strength && (
        <details className="disclosure">
          <summary>How long it would take to guess</summary>
          <table className="guess-times">
            <tbody>
              {strength.guessTimes.map((time) => (
                <tr key={time.scenario}>
                  <th scope="row">{time.description}</th>
                  <td>{time.display}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </div>
  );
}
