/** Recovery contacts, 2FA methods and per-account recovery facts: the vocabulary shared by core, CLI and UI. */

export const CONTACT_KINDS = ['phone', 'email'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export interface Contact {
  id: string;
  kind: ContactKind;
  /** E.164 for phones (+447700900123), lower-case address for e-mail. */
  value: string;
  /** For people: "+44 7700 900123". */
  display: string;
  label: string;
  /** When the user last confirmed they still control it (epoch ms), or null if never. */
  confirmedAt: number | null;
  /** When it was retired ("I changed my number"), or null while in use. */
  retiredAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export const METHOD_KINDS = [
  'authenticator',
  'sms',
  'voice',
  'whatsapp',
  'email-code',
  'security-key',
  'push',
  'trusted-device',
  'backup-codes',
] as const;
export type MethodKind = (typeof METHOD_KINDS)[number];

export const METHOD_LABELS: Record<MethodKind, string> = {
  authenticator: 'Authenticator app',
  sms: 'SMS',
  voice: 'Voice call',
  whatsapp: 'WhatsApp',
  'email-code': 'E-mail code',
  'security-key': 'Security key',
  push: 'Push prompt',
  'trusted-device': 'Trusted device',
  'backup-codes': 'Backup codes',
};

/** Methods that deliver a code to a contact, and the kind of contact they need. */
export const METHOD_CONTACT_KIND: Partial<Record<MethodKind, ContactKind>> = {
  sms: 'phone',
  voice: 'phone',
  whatsapp: 'phone',
  'email-code': 'email',
};

/** Methods that name a device or app ("Google Authenticator on Pixel 8", "YubiKey 5C"). */
export const METHOD_NEEDS_DEVICE: readonly MethodKind[] = [
  'authenticator',
  'security-key',
  'push',
  'trusted-device',
];

export interface TwoFactorMethod {
  id: string;
  kind: MethodKind;
  /** The phone or e-mail it sends to (sms, voice, whatsapp, email-code). */
  contactId: string | null;
  /** The device or app it lives on (authenticator elsewhere, security key, push app, trusted device). */
  device: string;
  addedAt: number;
  /** When the user marked it as no longer working (a lost phone, a device gone, texts that never come), or null. */
  notWorkingSince: number | null;
}

export interface AccountRecovery {
  accountId: string;
  methods: TwoFactorMethod[];
  /** Recovery phones and e-mails registered with the account. */
  recoveryContactIds: string[];
  /** The site's support or account-recovery page. */
  supportUrl: string;
  recoveryNotes: string;
  /** When the user last tested signing in (epoch ms), or null if never. */
  lastTestedAt: number | null;
  /** When methods, recovery contacts or notes last changed, or null if never set. */
  changedAt: number | null;
}

/** One way an account depends on a contact. */
export interface ContactUse {
  accountId: string;
  accountLabel: string;
  /** A 2FA method that sends to the contact, or a recovery contact registration. */
  role: 'method' | 'recovery';
  methodKind: MethodKind | null;
  /** Exactly what to change where. */
  fix: string;
}
