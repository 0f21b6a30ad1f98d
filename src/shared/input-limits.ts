/**
 * How long what a person types may be. The contract's schemas refuse longer input at
 * the IPC boundary, and the core refuses it again (with a sentence saying which field)
 * for the CLI and every other caller: both read the numbers from here.
 */

// Accounts.
/** An issuer or an account name. */
export const MAX_NAME_LENGTH = 200;
export const MAX_NOTES_LENGTH = 20_000;
export const MAX_TAG_LENGTH = 100;
export const MAX_TAGS = 50;
/** A sign-in or support URL. */
export const MAX_URL_LENGTH = 2048;

// Logins.
/** An account's password (not the vault's). */
export const MAX_PASSWORD_LENGTH = 4096;
export const MAX_USERNAME_LENGTH = 500;
export const MAX_LOGIN_URLS = 20;

// Contacts and recovery.
/** A phone number or an e-mail address as typed (320: the longest e-mail address). */
export const MAX_CONTACT_VALUE_LENGTH = 320;
export const MAX_CONTACT_LABEL_LENGTH = 100;
/** "Aegis on Pixel 8": the device a 2FA method lives on. */
export const MAX_DEVICE_LENGTH = 200;
export const MAX_RECOVERY_NOTES_LENGTH = 20_000;
export const MAX_METHODS = 30;

// Backup codes.
/** A pasted page of codes: longer than this is not a page of backup codes. */
export const MAX_CODE_BLOCK_LENGTH = 100_000;
export const MAX_CODE_SET_LABEL_LENGTH = 100;
/** The note on a used code ("signed in on the new laptop"). */
export const MAX_CODE_NOTE_LENGTH = 500;
export const MAX_CODES_PER_SET = 100;
/** One code as given, before spaces and dashes are taken out (the core then allows 4 to 64 letters and digits). */
export const MAX_CODE_TEXT_LENGTH = 200;
