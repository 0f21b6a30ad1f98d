import { createContext, useContext } from 'react';
import type { FixTarget } from '../../../shared/health.js';

/**
 * The parts of an account's view the app can be sent to: its header (`top`),
 * backup codes, sign-in, 2FA and recovery, the setup key and "Add to another
 * authenticator" (`qr`, both in the Code tab), its history.
 */
export type AccountSection = 'top' | 'codes' | 'login' | 'recovery' | 'seed' | 'qr' | 'history';

/** Where the app can be sent: a view, and in it an account's section or a contact. */
export type NavTarget =
  | { view: 'accounts'; accountId?: string; section?: AccountSection }
  | { view: 'health'; section?: 'clock' }
  | { view: 'contacts'; contactId?: string }
  | { view: 'import-export' }
  | { view: 'settings'; section?: 'health-checks' | 'recently-removed' }
  | { view: 'sheets'; section?: 'sheet' | 'backups'; accountId?: string };

export type View = NavTarget['view'];

/** A target with a serial number, so asking twice for the same place still moves there. */
export type NavRequest = NavTarget & { serial: number };

export const NavigationContext = createContext<(target: NavTarget) => void>(() => undefined);

/** Sends the app to a view (the sidebar, a finding's fix button, a link to an account). */
export function useNavigate(): (target: NavTarget) => void {
  return useContext(NavigationContext);
}

export interface FixDestination {
  target: NavTarget;
  /** The button's words: "Open backup codes". */
  label: string;
}

const SECTION_LABELS: Record<AccountSection, string> = {
  top: 'Open the account',
  codes: 'Open backup codes',
  login: 'Open the password',
  recovery: 'Open 2FA and recovery',
  seed: 'Open the setup key',
  qr: 'Add to another authenticator',
  history: 'Open the history',
};

/** Where a finding's fix is made, as a button: null when it is not made in the app (yet). */
export function fixDestination(finding: {
  ruleId: string;
  fixTarget: FixTarget;
  accountId: string | null;
  contactId?: string | null | undefined;
}): FixDestination | null {
  const { fixTarget, accountId, contactId } = finding;
  const inAccount = (section: AccountSection): FixDestination | null =>
    accountId === null
      ? null
      : { target: { view: 'accounts', accountId, section }, label: SECTION_LABELS[section] };
  // Two rules point at the account as a whole; their fix is made in one place of it.
  if (finding.ruleId === 'habits.untested') return inAccount('recovery');
  if (finding.ruleId === 'methods.seed-not-here') return inAccount('seed');
  switch (fixTarget) {
    case 'codes':
      return inAccount('codes');
    case 'login':
      return inAccount('login');
    case 'methods':
      return inAccount('recovery');
    case 'account':
      return inAccount('top');
    // "Add to another authenticator" is in the account's Code section.
    case 'add-to-authenticator':
      return inAccount('qr');
    case 'contacts':
      return contactId
        ? { target: { view: 'contacts', contactId }, label: 'Open the contact' }
        : { target: { view: 'contacts' }, label: 'Open contacts' };
    case 'settings':
      return { target: { view: 'settings', section: 'health-checks' }, label: 'Open settings' };
    case 'clock':
      return { target: { view: 'health', section: 'clock' }, label: 'Check the clock' };
    case 'sheet':
      return accountId === null
        ? null
        : { target: { view: 'sheets', section: 'sheet', accountId }, label: 'Print a new sheet' };
    case 'backup':
      return { target: { view: 'sheets', section: 'backups' }, label: 'Open backups' };
  }
}
