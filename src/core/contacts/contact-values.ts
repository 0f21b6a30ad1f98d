import { type PhoneNumber, parsePhoneNumber, parsePhoneNumberWithError } from 'libphonenumber-js';
import { z } from 'zod';
import { invalidInput } from '../../shared/errors.js';
import type { ContactKind } from '../../shared/recovery.js';

const EmailSchema = z.email();

/**
 * The canonical form a contact is stored and matched in: E.164 for phones
 * (written with the country code, as sites need it), lower case for e-mail.
 */
export function normalizeContactValue(kind: ContactKind, input: string): string {
  const text = input.trim();
  if (text === '')
    throw invalidInput(`The ${kind === 'phone' ? 'phone number' : 'e-mail address'} is empty.`);
  if (kind === 'email') {
    const email = text.toLowerCase();
    if (!EmailSchema.safeParse(email).success)
      throw invalidInput(`"${text}" is not an e-mail address.`);
    return email;
  }
  if (!text.startsWith('+') && !text.startsWith('00')) {
    throw invalidInput(
      `Write the phone number with its country code, as sites need it (e.g. +44 7700 900123), not "${text}".`,
    );
  }
  let phone: PhoneNumber;
  try {
    phone = parsePhoneNumberWithError(text.startsWith('00') ? `+${text.slice(2)}` : text);
  } catch {
    throw invalidInput(`"${text}" is not a phone number.`);
  }
  if (!phone.isPossible()) {
    throw invalidInput(
      `"${text}" is not a possible phone number for country code +${phone.countryCallingCode}.`,
    );
  }
  return phone.number;
}

/** How a stored contact is shown: "+44 7700 900123", "me@example.com". */
export function displayContactValue(kind: ContactKind, value: string): string {
  if (kind === 'email') return value;
  try {
    return parsePhoneNumber(value).formatInternational();
  } catch {
    return value;
  }
}
