import { accountFullName } from '../../../shared/account-names.js';
import type { AccountSummary } from '../../../shared/domain.js';
import type { Contact } from '../../../shared/recovery.js';
import type { WayIn } from '../../../shared/ways-in.js';
import { listWords } from '../finding.js';
import { isWorking, pluralPhrase, wayPhrase } from '../ways-in.js';

/** How the rules name an account: "Instagram (me@example.com)". */
export const nameOf = accountFullName;

/** The site, for "sign in to …": the issuer, else the account's name. */
export function siteOf(account: AccountSummary): string {
  return account.issuer || accountFullName(account);
}

/** The account as a CLI argument: "Instagram", or "Instagram:me@example.com" when the name is needed. */
export function cliArgument(account: AccountSummary): string {
  const text =
    account.issuer && account.accountName
      ? `${account.issuer}:${account.accountName}`
      : account.issuer || account.accountName;
  return `"${text.replaceAll('"', '\\"')}"`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * "Your authenticator app and 3 backup codes still get you in": what works,
 * for a message about something that does not.
 */
export function stillWorking(
  ways: readonly WayIn[],
  contacts: ReadonlyMap<string, Contact>,
  into: string,
): string {
  const working = ways.filter((way) => isWorking(way.state));
  const phrases = working.map((way) => wayPhrase(way, contacts));
  const plural = working.length > 1 || working.some(pluralPhrase);
  return `${capitalize(listWords(phrases))} still ${plural ? 'get' : 'gets'} you into ${into}`;
}

/** What to add for a second way in, leaving out what the account already has working. */
export function missingWays(ways: readonly WayIn[]): { app: string[]; terminal: string[] } {
  const byKind = new Map(ways.map((way) => [way.kind, way]));
  const app: string[] = [];
  const terminal: string[] = [];
  const codes = byKind.get('backup-codes');
  if (codes === undefined || codes.state === 'unknown') {
    app.push('backup codes (paste them here with “Add backup codes”)');
    terminal.push('backup codes (`sparekey codes add`)');
  } else if (codes.state === 'broken') {
    app.push('new backup codes (add them here with “Add codes…”, replacing the old set)');
    terminal.push('new backup codes (`sparekey codes add --replace`)');
  }
  const authenticator = byKind.get('authenticator');
  if (authenticator === undefined) {
    app.push('an authenticator app (keep its setup key here: “Add setup key…”)');
    terminal.push(
      'an authenticator app (keep its setup key here: “Add setup key…” in the desktop app)',
    );
  } else if (authenticator.state === 'broken') {
    app.push('the authenticator again, keeping its setup key here this time (“Add setup key…”)');
    terminal.push('the authenticator again, keeping its seed here this time');
  }
  if (!ways.some((way) => way.kind === 'security-key' && isWorking(way.state))) {
    app.push('a security key');
    terminal.push('a security key');
  }
  return { app, terminal };
}
