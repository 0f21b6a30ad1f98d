import type { OtpSummary } from '../shared/domain.js';

/** "TOTP SHA1 6 digits / 30 s", "HOTP SHA256 7 digits", "Steam". */
export function otpDescription(otp: OtpSummary | null): string {
  if (otp === null) return 'no seed';
  if (otp.type === 'steam') return 'Steam';
  if (otp.type === 'hotp') return `HOTP ${otp.algorithm} ${otp.digits} digits`;
  return `TOTP ${otp.algorithm} ${otp.digits} digits / ${otp.period} s`;
}
