import type { CodesStatus } from '../../shared/backup-codes.js';
import { formatDay } from '../../shared/dates.js';
import type { AccountSummary } from '../../shared/domain.js';
import { DAY_MS } from '../../shared/durations.js';
import type { Verdict } from '../../shared/health.js';
import {
  type AccountRecovery,
  type Contact,
  METHOD_CONTACT_KIND,
  METHOD_LABELS,
  type TwoFactorMethod,
} from '../../shared/recovery.js';
import type {
  AccountWaysIn,
  RecoveryContactState,
  RecoveryPath,
  WayCopy,
  WayIn,
  WayState,
} from '../../shared/ways-in.js';
import type { BackupState } from '../backups/backup-state.js';

/** What working out one account's ways in needs besides its own records. */
export interface WaysContext {
  now: number;
  contacts: ReadonlyMap<string, Contact>;
  /** A contact not confirmed for longer than this is at risk. */
  staleContactDays: number;
  backup: BackupState;
  /**
   * Ways and recovery paths already made in this check, by what they say: most
   * accounts of a large vault say the same (the seed here, 10 of 10 codes left,
   * no recovery contact), so they share one frozen object instead of holding
   * one each. Leave it out to share nothing.
   */
  shared?: Map<string, WayIn | RecoveryPath>;
}

/** The seed or codes stored here, as a copy: the same for every account. */
const HERE: WayCopy = Object.freeze({
  source: 'here',
  methodId: null,
  device: '',
  notWorkingSince: null,
});
const ONLY_HERE = Object.freeze([HERE]) as unknown as WayCopy[];
const NO_CONTACTS = Object.freeze([]) as unknown as RecoveryContactState[];

/**
 * `make()`, or the frozen object an earlier account of this check got for the
 * same `key` (a key must name everything the object holds).
 */
function sharedWith<T extends WayIn | RecoveryPath>(
  context: WaysContext,
  key: string,
  make: () => T,
): T {
  const { shared } = context;
  if (shared === undefined) return make();
  const made = shared.get(key) as T | undefined;
  if (made !== undefined) return made;
  const fresh = make();
  Object.freeze(fresh);
  shared.set(key, fresh);
  return fresh;
}

const PHONE_DELIVERED = new Set(['sms', 'voice', 'whatsapp']);

export function isWorking(state: WayState): boolean {
  return state === 'works' || state === 'at-risk';
}

export function isPhoneDelivered(way: Pick<WayIn, 'kind'>): boolean {
  return PHONE_DELIVERED.has(way.kind);
}

function copyOf(method: TwoFactorMethod): WayCopy {
  return {
    source: 'recorded',
    methodId: method.id,
    device: method.device,
    notWorkingSince: method.notWorkingSince,
  };
}

function staleDays(contact: Contact, context: WaysContext): number | null {
  const days = Math.floor((context.now - (contact.confirmedAt ?? contact.createdAt)) / DAY_MS);
  return days > context.staleContactDays ? days : null;
}

function notConfirmed(contact: Contact, days: number): string {
  return contact.confirmedAt === null
    ? ` You have never confirmed you still have it (added ${days} days ago).`
    : ` You last confirmed you still have it ${days} days ago.`;
}

/** The authenticator: the seed here and every recorded app holding it, as one way in. */
function authenticatorWay(
  account: AccountSummary,
  recorded: TwoFactorMethod[],
  context: WaysContext,
): WayIn | null {
  const here = account.otp !== null;
  if (!here && recorded.length === 0) return null;
  const copies: WayCopy[] =
    recorded.length === 0 ? ONLY_HERE : [...(here ? [HERE] : []), ...recorded.map(copyOf)];
  const live = recorded.filter((method) => method.notWorkingSince === null);
  const liveNamed = live.filter((method) => method.device !== '');
  const lost = recorded.filter((method) => method.notWorkingSince !== null);
  const lostText =
    lost.length === 0
      ? ''
      : ` ${lost.map((method) => method.device || 'An authenticator app').join(', ')} no longer ${lost.length === 1 ? 'works' : 'work'} (marked ${formatDay(lost[0]!.notWorkingSince!)}).`;
  const way = (state: WayState, reason: string): WayIn => ({
    id: 'authenticator',
    kind: 'authenticator',
    state,
    label: METHOD_LABELS.authenticator,
    reason,
    contactId: null,
    copies,
  });
  if (here) {
    if (liveNamed.length > 0) {
      return way(
        'works',
        `Codes from the seed stored here, and from ${liveNamed.map((method) => method.device).join(', ')}.${lostText}`,
      );
    }
    const { lastBackupAt } = context.backup;
    const inBackup = lastBackupAt !== null && account.updatedAt <= lastBackupAt;
    if (recorded.length === 0) {
      // The seed here and nothing else: the same way for every such account.
      return sharedWith(context, `authenticator|${inBackup}`, () =>
        inBackup
          ? way('works', 'Codes from the seed stored here (a backup of the vault holds it too).')
          : way(
              'at-risk',
              'The seed is only here, and no backup of the vault holds it yet: if this computer is lost, so are the codes.',
            ),
      );
    }
    return inBackup
      ? way(
          'works',
          `Codes from the seed stored here (a backup of the vault holds it too).${lostText}`,
        )
      : way(
          'at-risk',
          `The seed is only here, and no backup of the vault holds it yet: if this computer is lost, so are the codes.${lostText}`,
        );
  }
  if (live.length === 0) {
    return way('broken', `${lostText.trim()} The seed is not stored here.`);
  }
  const where =
    liveNamed.length > 0
      ? liveNamed.map((method) => method.device).join(', ')
      : 'an authenticator app (where is not recorded)';
  return way('works', `In ${where}; the seed is not stored here.${lostText}`);
}

function backupCodesWay(
  codes: CodesStatus | undefined,
  recorded: TwoFactorMethod[],
  context: WaysContext,
): WayIn | null {
  const stored = codes !== undefined && codes.total > 0;
  if (!stored && recorded.length === 0) return null;
  if (stored && recorded.length === 0) {
    // Codes stored here and nothing else recorded: what it says depends only on the counts.
    return sharedWith(
      context,
      `backup-codes|${codes.level}|${codes.remaining}|${codes.total}`,
      () => storedCodesWay(codes, ONLY_HERE),
    );
  }
  const copies: WayCopy[] = [...(stored ? [HERE] : []), ...recorded.map(copyOf)];
  if (stored) return storedCodesWay(codes, copies);
  const way = (state: WayState, reason: string) => codesWayIn(state, reason, copies);
  const marked = recorded.find((method) => method.notWorkingSince !== null);
  if (marked && recorded.every((method) => method.notWorkingSince !== null)) {
    return way('broken', `Marked as no longer working on ${formatDay(marked.notWorkingSince!)}.`);
  }
  return way(
    'unknown',
    'The site gave backup codes, but they are not stored here: whether any are left, and where they are, Sparekey cannot tell.',
  );
}

/** The backup-codes way, with the count of codes when they are stored here. */
function codesWayIn(
  state: WayState,
  reason: string,
  copies: WayCopy[],
  codes?: CodesStatus,
): WayIn {
  return {
    id: 'backup-codes',
    kind: 'backup-codes',
    state,
    label: METHOD_LABELS['backup-codes'],
    reason,
    contactId: null,
    copies,
    ...(codes === undefined ? {} : { codes: { remaining: codes.remaining, total: codes.total } }),
  };
}

/** The backup-codes way when codes are stored here. */
function storedCodesWay(codes: CodesStatus, copies: WayCopy[]): WayIn {
  const way = (state: WayState, reason: string) => codesWayIn(state, reason, copies, codes);
  if (codes.level === 'exhausted') return way('broken', `All ${codes.total} codes are used.`);
  if (codes.level === 'low')
    return way('at-risk', `Only ${codes.remaining} of ${codes.total} codes are left.`);
  return way('works', `${codes.remaining} of ${codes.total} codes are left.`);
}

const NATURE: Record<string, string> = {
  sms: 'a carrier outage, a ported or stolen number, roaming or a spam filter can stop the text',
  voice: 'a carrier outage, a ported or stolen number or roaming can stop the call',
  whatsapp:
    'it needs WhatsApp on a phone with that number: a lost phone or a number you give up ends it',
};

/** A code sent to a phone or an address (SMS, call, WhatsApp, e-mail). */
function contactWay(method: TwoFactorMethod, context: WaysContext): WayIn {
  const contact = method.contactId === null ? undefined : context.contacts.get(method.contactId);
  const kindLabel = METHOD_LABELS[method.kind];
  const way = (state: WayState, reason: string, label: string): WayIn => ({
    id: `method:${method.id}`,
    kind: method.kind,
    state,
    label,
    reason,
    contactId: method.contactId,
    copies: [copyOf(method)],
  });
  if (contact === undefined) {
    return way(
      'unknown',
      'It sent codes to a contact since deleted from Sparekey: where they go now is not recorded.',
      `${kindLabel} to a deleted contact`,
    );
  }
  const label = `${kindLabel} to ${contact.display}${contact.label ? ` (${contact.label})` : ''}`;
  if (contact.retiredAt !== null) {
    const what = contact.kind === 'phone' ? 'number' : 'address';
    return way(
      'broken',
      `You retired this ${what} on ${formatDay(contact.retiredAt)}, so codes sent to it go to whoever has it now, or nowhere.`,
      label,
    );
  }
  if (method.notWorkingSince !== null) {
    return way('broken', `Marked as not working on ${formatDay(method.notWorkingSince)}.`, label);
  }
  const stale = staleDays(contact, context);
  const staleText = stale === null ? '' : notConfirmed(contact, stale);
  const nature = NATURE[method.kind];
  if (nature !== undefined) {
    return way('at-risk', `Works while you have this number, but ${nature}.${staleText}`, label);
  }
  return stale === null
    ? way('works', 'Works while you can read mail at this address.', label)
    : way('at-risk', `Works while you can read mail at this address.${staleText}`, label);
}

/** What a device way needs. */
const DEVICE_WORDS: Record<string, string> = {
  'security-key': 'Works while you have the key.',
  push: 'Works while you have the phone with the app that shows the prompt.',
  'trusted-device': 'Works while you have the device and the site still trusts it.',
};

/** A security key, a push prompt or a trusted device. */
function deviceWay(method: TwoFactorMethod): WayIn {
  const label = method.device
    ? `${METHOD_LABELS[method.kind]} (${method.device})`
    : METHOD_LABELS[method.kind];
  const base = {
    id: `method:${method.id}`,
    kind: method.kind,
    label,
    contactId: null,
    copies: [copyOf(method)],
  };
  if (method.notWorkingSince !== null) {
    return {
      ...base,
      state: 'broken',
      reason: `Marked as no longer working on ${formatDay(method.notWorkingSince)}.`,
    };
  }
  const which = method.device ? '' : ' Which one is not recorded.';
  return { ...base, state: 'works', reason: `${DEVICE_WORDS[method.kind] ?? ''}${which}` };
}

function recoveryPath(recovery: AccountRecovery | undefined, context: WaysContext): RecoveryPath {
  if (
    (recovery?.recoveryContactIds.length ?? 0) === 0 &&
    (recovery?.supportUrl ?? '') === '' &&
    (recovery?.recoveryNotes ?? '') === ''
  ) {
    // Nothing recorded: the same path for every such account.
    return sharedWith(context, 'recovery|none', () => ({
      state: 'unknown',
      reason: 'No recovery contact, support page or notes are recorded.',
      contacts: NO_CONTACTS,
      supportUrl: '',
      hasNotes: false,
    }));
  }
  const contacts: RecoveryContactState[] = (recovery?.recoveryContactIds ?? []).map((id) => {
    const contact = context.contacts.get(id);
    if (contact === undefined) {
      return {
        contactId: id,
        display: 'a deleted contact',
        state: 'unknown',
        reason: 'Deleted from Sparekey.',
      };
    }
    if (contact.retiredAt !== null) {
      return {
        contactId: id,
        display: contact.display,
        state: 'broken',
        reason: `Retired on ${formatDay(contact.retiredAt)}: a reset would go to someone else, or nowhere.`,
      };
    }
    const stale = staleDays(contact, context);
    return stale === null
      ? {
          contactId: id,
          display: contact.display,
          state: 'works',
          reason: 'The site can reach you there.',
        }
      : {
          contactId: id,
          display: contact.display,
          state: 'at-risk',
          reason: notConfirmed(contact, stale).trim(),
        };
  });
  const supportUrl = recovery?.supportUrl ?? '';
  const hasNotes = (recovery?.recoveryNotes ?? '') !== '';
  const reachable = contacts.filter((contact) => isWorking(contact.state));
  const path = (state: WayState, reason: string): RecoveryPath => ({
    state,
    reason,
    contacts,
    supportUrl,
    hasNotes,
  });
  if (reachable.length > 0) {
    const names = reachable.map((contact) => contact.display).join(', ');
    return reachable.some((contact) => contact.state === 'works')
      ? path('works', `If every way in fails, the site can reach you at ${names}.`)
      : path(
          'at-risk',
          `The site can reach you at ${names}, which you have not confirmed for a long time.`,
        );
  }
  if (contacts.some((contact) => contact.state === 'broken')) {
    return path(
      'broken',
      'Every recovery contact recorded is retired: a reset would go to someone else, or nowhere.',
    );
  }
  const extras = [supportUrl ? 'a support page' : '', hasNotes ? 'notes' : ''].filter(Boolean);
  return path(
    'unknown',
    extras.length > 0
      ? `No recovery contact is recorded; there ${extras.length === 1 ? 'is' : 'are'} ${extras.join(' and ')}.`
      : 'No recovery contact, support page or notes are recorded.',
  );
}

/** Ways that send to the same phone number or address count as one: losing it loses them all. */
function independentWorking(ways: readonly WayIn[]): number {
  const channels = new Set<string>();
  for (const way of ways) {
    if (!isWorking(way.state)) continue;
    channels.add(way.contactId === null ? way.id : `contact:${way.contactId}`);
  }
  return channels.size;
}

/** Every way into `account`, each with its state and why, and its recovery path. */
export function waysIn(
  account: AccountSummary,
  recovery: AccountRecovery | undefined,
  codes: CodesStatus | undefined,
  context: WaysContext,
): AccountWaysIn {
  const methods = recovery?.methods ?? [];
  const ways: WayIn[] = [];
  const authenticator = authenticatorWay(
    account,
    methods.filter((method) => method.kind === 'authenticator'),
    context,
  );
  if (authenticator) ways.push(authenticator);
  for (const method of methods) {
    if (method.kind === 'authenticator' || method.kind === 'backup-codes') continue;
    ways.push(
      METHOD_CONTACT_KIND[method.kind] !== undefined
        ? contactWay(method, context)
        : deviceWay(method),
    );
  }
  const backupCodes = backupCodesWay(
    codes,
    methods.filter((method) => method.kind === 'backup-codes'),
    context,
  );
  if (backupCodes) ways.push(backupCodes);
  return {
    accountId: account.id,
    // A copy of its own length: the array pushed to has room for 16, and the check keeps one per account.
    ways: ways.slice(),
    recovery: recoveryPath(recovery, context),
    working: independentWorking(ways),
  };
}

/** The verdict the ways in give. */
export function verdictOf(ways: AccountWaysIn): Verdict {
  if (ways.ways.length === 0) return 'none-recorded';
  if (ways.working >= 2) return 'ok';
  if (ways.working === 1) return 'one-way';
  return ways.ways.some((way) => way.state === 'broken') ? 'locked-out' : 'unknown';
}

/** How a sentence names a way: "your authenticator app", "3 backup codes", "texts to +44 …". */
export function wayPhrase(way: WayIn, contacts: ReadonlyMap<string, Contact>): string {
  const to = way.contactId === null ? undefined : contacts.get(way.contactId)?.display;
  const device = way.copies.find((copy) => copy.device !== '')?.device;
  switch (way.kind) {
    case 'authenticator':
      return 'your authenticator app';
    case 'backup-codes':
      return way.codes
        ? `${way.codes.remaining} backup code${way.codes.remaining === 1 ? '' : 's'}`
        : 'the backup codes you keep elsewhere';
    case 'sms':
      return `texts to ${to ?? 'a deleted contact'}`;
    case 'voice':
      return `calls to ${to ?? 'a deleted contact'}`;
    case 'whatsapp':
      return `WhatsApp messages to ${to ?? 'a deleted contact'}`;
    case 'email-code':
      return `codes by e-mail to ${to ?? 'a deleted contact'}`;
    case 'security-key':
      return device ? `your security key (${device})` : 'your security key';
    case 'push':
      return device ? `the prompt on ${device}` : 'the push prompt';
    case 'trusted-device':
      return device ? `your trusted device (${device})` : 'your trusted device';
  }
}

/** Whether `wayPhrase` names several things ("texts to …", "3 backup codes"). */
export function pluralPhrase(way: WayIn): boolean {
  if (way.kind === 'backup-codes') return way.codes?.remaining !== 1;
  return PHONE_DELIVERED.has(way.kind) || way.kind === 'email-code';
}
