import type { AccountSummary, OtpSummary } from '../../../../shared/domain.js';
import { AccountFindings } from '../../health/AccountFindings.js';
import { HotpCodes } from '../../live-codes/HotpCodes.js';
import { TimeCodes } from '../../live-codes/TimeCodes.js';
import { AddToAuthenticator } from '../AddToAuthenticator.js';
import { SeedReveal } from '../SeedReveal.js';

interface Props {
  account: AccountSummary;
  onChanged: (account: AccountSummary) => void;
  /** Set when the app is sent to the setup key, or to "Add to another authenticator". */
  seedFocus?: number | undefined;
  qrFocus?: number | undefined;
  /** Enter on the account's row (counter-based codes): the focus goes to Generate. */
  hotpRequest?: number | undefined;
}

const TYPE_NAMES = { totp: 'TOTP', hotp: 'HOTP', steam: 'Steam Guard' } as const;

function describeOtp(otp: OtpSummary): string {
  if (otp.type === 'steam') return 'Steam Guard, 5 characters, every 30 s';
  const parts = [TYPE_NAMES[otp.type], otp.algorithm, `${otp.digits} digits`];
  if (otp.type === 'totp') parts.push(`every ${otp.period} s`);
  return parts.join(' · ');
}

/**
 * The Code tab: the live codes, what needs attention, "Add to another
 * authenticator" and the setup key (revealed, copied, replaced).
 */
export function CodeSection({ account, onChanged, seedFocus, qrFocus, hotpRequest }: Props) {
  return (
    <>
      {account.otp === null ? (
        <section className="hero hero-none" aria-label="Codes">
          <p className="hero-empty">
            No authenticator seed yet. Add the setup key below to see this account’s codes here.
          </p>
        </section>
      ) : account.otp.type === 'hotp' ? (
        <HotpCodes account={account} otp={account.otp} focusRequest={hotpRequest} />
      ) : (
        <TimeCodes account={account} otp={account.otp} />
      )}
      {account.otp && <p className="muted small code-kind">{describeOtp(account.otp)}</p>}
      <AccountFindings account={account} />
      {account.otp && <AddToAuthenticator account={account} focusSerial={qrFocus} />}
      <SeedReveal account={account} onChanged={onChanged} focusSerial={seedFocus} />
    </>
  );
}
