/**
 * The failure modes Sparekey exists for (docs/health.md, "Scenarios"), each as a
 * small real vault and what the health check must say of it: the verdict on its
 * main account and exactly the kinds of finding raised. Run on the core
 * (tests/unit/health/scenarios.test.ts) and through the CLI's `health --json`
 * (tests/unit/cli/cli-health.test.ts); five also through the UI (tests/e2e/health.spec.ts).
 */
import type { CodesStatus } from '../../src/shared/backup-codes.js';
import type { AccountSummary } from '../../src/shared/domain.js';
import { DAY_MS, SECOND_MS } from '../../src/shared/durations.js';
import type { FindingKind, Verdict } from '../../src/shared/health.js';
import type { Contact, MethodKind, TwoFactorMethod } from '../../src/shared/recovery.js';
import type { FixedClock } from '../../src/core/clock.js';
import { makeSeed } from '../../src/core/otp/seed.js';
import type { Vault } from '../../src/core/vault.js';

const SEED = makeSeed({ secret: 'JBSWY3DPEHPK3PXP' });

/** What a scenario builds its vault with; `main` is the first account it adds, the one judged. */
export class ScenarioKit {
  main: AccountSummary | null = null;
  private sets = 0;

  constructor(
    readonly vault: Vault,
    readonly clock: FixedClock,
  ) {}

  /** An account at a site, with its authenticator seed here unless `seed: false`. */
  site(
    issuer = 'Instagram',
    options: { seed?: boolean; notes?: string; accountName?: string } = {},
  ): AccountSummary {
    const account = this.vault.accounts.add({
      issuer,
      accountName: options.accountName,
      notes: options.notes,
      seed: options.seed === false ? null : SEED,
    });
    this.main ??= account;
    return account;
  }

  /** A set of `total` backup codes, `used` of them marked used; `replace` for a new set from the site. */
  codes(account: AccountSummary, total = 10, used = 0, replace?: boolean): CodesStatus {
    const set = ++this.sets;
    const codes = Array.from({ length: total }, (_, index) =>
      String(10_000_000 + set * 100_000 + index * 7919),
    );
    const { set: added } = this.vault.backupCodes.add(account.id, {
      codes,
      ...(replace === undefined ? {} : { replace }),
    });
    for (let number = 1; number <= used; number++) {
      this.vault.backupCodes.use(account.id, { setId: added.id, number });
    }
    return this.vault.backupCodes.status(account.id);
  }

  /** The code text of code `number` of the latest set, as `codes` made it. */
  codeText(number: number): string {
    return String(10_000_000 + this.sets * 100_000 + (number - 1) * 7919);
  }

  phone(value = '+447700900123', confirmedAt?: number | null): Contact {
    return this.vault.contacts.add({ kind: 'phone', value, confirmedAt });
  }

  email(value = 'me@example.com', confirmedAt?: number | null): Contact {
    return this.vault.contacts.add({ kind: 'email', value, confirmedAt });
  }

  way(
    account: AccountSummary,
    kind: MethodKind,
    options: { contact?: Contact; device?: string } = {},
  ): TwoFactorMethod {
    return this.vault.recovery.addMethod(account.id, {
      kind,
      contactId: options.contact?.id,
      device: options.device,
    });
  }

  notWorking(account: AccountSummary, method: TwoFactorMethod): void {
    this.vault.recovery.setMethodWorking(account.id, method.id, false);
  }

  recoveryContact(account: AccountSummary, contact: Contact): void {
    this.vault.recovery.addRecoveryContact(account.id, contact.id);
  }

  retire(contact: Contact): void {
    this.vault.contacts.retire(contact.id);
  }

  tested(account: AccountSummary): void {
    this.vault.recovery.markTested(account.id);
  }

  printSheet(account: AccountSummary): void {
    this.vault.sheets.markPrinted([account.id], { paper: 'a4', includeUsed: false });
  }

  later(days: number): void {
    this.clock.set(this.clock.now() + days * DAY_MS);
  }
}

export interface ScenarioExpectation {
  verdict: Verdict;
  /** Exactly the kinds raised about the main account (in any order). */
  kinds: FindingKind[];
  /** Exactly the kinds raised about the vault as a whole; none when left out. */
  vaultKinds?: FindingKind[];
  score?: number;
  /** Independent ways in that work. */
  working?: number;
  /** The ways in exactly, as `kind state` (and a word of its reason), in the model's order. */
  ways?: [string, RegExp?][];
  /** Something the main account's findings must say (message or fix), e.g. what still works. */
  says?: RegExp[];
  /** How many accounts have a critical finding or a warning (the list's "Needs attention"). */
  needAttention?: number;
  /** What no fix of the main account may suggest (what it already has). */
  neverSuggests?: RegExp[];
}

export interface HealthScenario {
  name: string;
  build(kit: ScenarioKit): void | Promise<void>;
  /** A clock check's result for the check (the core only: the CLI asks a real time server). */
  clockOffsetMs?: number;
  expect: ScenarioExpectation;
}

const SMS_NATURE = /carrier outage, a ported or stolen number/;

export const HEALTH_SCENARIOS: HealthScenario[] = [
  // Backup codes: used, wrong, replaced, low, gone.
  {
    name: 'a backup code used, nine left, beside the authenticator',
    build(kit) {
      kit.codes(kit.site(), 10, 1);
    },
    expect: {
      verdict: 'ok',
      kinds: ['methods.seed-only-here', 'contacts.none'],
      working: 2,
      score: 90,
    },
  },
  {
    name: 'a code already used is refused and changes nothing',
    build(kit) {
      const site = kit.site();
      kit.codes(site, 10, 1);
      try {
        kit.vault.backupCodes.use(site.id, { code: kit.codeText(1) });
        throw new Error('a used code was accepted');
      } catch (error) {
        if ((error as { code?: string }).code !== 'REFUSED') throw error;
      }
    },
    expect: { verdict: 'ok', kinds: ['methods.seed-only-here', 'contacts.none'], score: 90 },
  },
  {
    name: 'a wrong code (one digit off) is refused, nothing marked',
    build(kit) {
      const site = kit.site();
      kit.codes(site, 10, 0);
      const typo = `${kit.codeText(3).slice(0, -1)}${(Number(kit.codeText(3).slice(-1)) + 1) % 10}`;
      try {
        kit.vault.backupCodes.use(site.id, { code: typo });
        throw new Error('a wrong code was accepted');
      } catch (error) {
        if ((error as { code?: string }).code !== 'REFUSED') throw error;
      }
    },
    expect: { verdict: 'ok', kinds: ['methods.seed-only-here', 'contacts.none'] },
  },
  {
    name: 'a replaced set: the site issued new codes, the old ones stop counting',
    build(kit) {
      const site = kit.site();
      kit.codes(site, 10, 9);
      kit.codes(site, 10, 0, true);
    },
    expect: { verdict: 'ok', kinds: ['methods.seed-only-here', 'contacts.none'] },
  },
  {
    name: 'codes running low beside the authenticator',
    build(kit) {
      kit.codes(kit.site(), 10, 8);
    },
    expect: {
      verdict: 'ok',
      kinds: ['codes.low', 'methods.seed-only-here', 'contacts.none'],
      says: [/Only 2 of 10 backup codes/],
    },
  },
  {
    name: 'codes all used while the authenticator still works: a warning, not "cannot sign in"',
    build(kit) {
      kit.codes(kit.site(), 10, 10);
    },
    expect: {
      verdict: 'one-way',
      kinds: ['codes.all-used', 'methods.single', 'methods.seed-only-here', 'contacts.none'],
      says: [/Your authenticator app still gets you into Instagram, but all 10/],
      neverSuggests: [/cannot sign in/],
    },
  },
  {
    name: 'codes all used and nothing else: you cannot sign in',
    build(kit) {
      kit.codes(kit.site('Instagram', { seed: false }), 10, 10);
    },
    expect: { verdict: 'locked-out', kinds: ['ways.none-work'], score: 0, working: 0 },
  },
  {
    name: 'backup codes are the only way in: the fix never suggests backup codes',
    build(kit) {
      kit.codes(kit.site('Instagram', { seed: false }), 10, 0);
    },
    expect: {
      verdict: 'one-way',
      kinds: ['methods.single', 'contacts.none'],
      neverSuggests: [/backup codes \(/, /new backup codes/],
      says: [/an authenticator app/],
    },
  },
  {
    name: 'codes low and the only way in',
    build(kit) {
      kit.codes(kit.site('Instagram', { seed: false }), 10, 8);
    },
    expect: { verdict: 'one-way', kinds: ['methods.single', 'codes.low', 'contacts.none'] },
  },
  {
    name: 'backup codes recorded as a way in but not stored here, beside the authenticator',
    build(kit) {
      kit.way(kit.site(), 'backup-codes');
    },
    expect: {
      verdict: 'one-way',
      kinds: ['methods.single', 'codes.not-here', 'methods.seed-only-here', 'contacts.none'],
    },
  },
  {
    name: 'backup codes recorded, not stored, nothing else: not known whether you can sign in',
    build(kit) {
      kit.way(kit.site('Instagram', { seed: false }), 'backup-codes');
    },
    expect: {
      verdict: 'unknown',
      kinds: ['ways.unknown'],
      score: 20,
      ways: [['backup-codes unknown', /not stored here/]],
    },
  },

  // Phone numbers: retired, ported, changed.
  {
    name: 'the SMS number retired while the authenticator and 3 codes still work (the Instagram case)',
    build(kit) {
      const site = kit.site();
      kit.codes(site, 10, 7);
      const phone = kit.phone();
      kit.way(site, 'sms', { contact: phone });
      kit.retire(phone);
    },
    expect: {
      verdict: 'ok',
      kinds: ['contacts.retired-in-use', 'codes.low', 'methods.seed-only-here', 'contacts.none'],
      score: 60,
      ways: [
        ['authenticator at-risk', /only here, and no backup/],
        ['sms broken', /You retired this number on 3 May 2026/],
        ['backup-codes at-risk', /Only 3 of 10/],
      ],
      says: [
        /Your authenticator app and 3 backup codes still get you into Instagram/,
        /Replace the number at Instagram/,
      ],
      neverSuggests: [/cannot sign in/],
    },
  },
  {
    name: 'the SMS number retired and it was the only way in',
    build(kit) {
      const phone = kit.phone();
      kit.way(kit.site('Instagram', { seed: false }), 'sms', { contact: phone });
      kit.retire(phone);
    },
    expect: {
      verdict: 'locked-out',
      kinds: ['ways.none-work'],
      says: [/you cannot sign in/, /ask Instagram's support/],
    },
  },
  {
    name: 'the number ported away, the only way in, with a recovery e-mail: the fix names it',
    build(kit) {
      const site = kit.site('Instagram', { seed: false });
      const phone = kit.phone();
      kit.way(site, 'sms', { contact: phone });
      kit.recoveryContact(site, kit.email());
      kit.retire(phone);
    },
    expect: {
      verdict: 'locked-out',
      kinds: ['ways.none-work'],
      says: [/it can reach you at me@example.com/],
    },
  },
  {
    name: 'a number changed: the new one recorded, the old one retired and no longer used',
    build(kit) {
      const site = kit.site('Instagram', { seed: false });
      const old = kit.phone('+447700900123');
      const method = kit.way(site, 'sms', { contact: old });
      kit.vault.recovery.removeMethod(site.id, method.id);
      kit.retire(old);
      kit.way(site, 'sms', { contact: kit.phone('+447700900456') });
    },
    expect: {
      verdict: 'one-way',
      kinds: ['methods.sms-only', 'contacts.none'],
      says: [SMS_NATURE],
    },
  },
  {
    name: 'a retired number still the recovery phone while the ways in work',
    build(kit) {
      const site = kit.site();
      kit.codes(site);
      const phone = kit.phone();
      kit.recoveryContact(site, phone);
      kit.retire(phone);
    },
    expect: {
      verdict: 'ok',
      kinds: ['recovery.retired-contact', 'methods.seed-only-here'],
      score: 90,
    },
  },

  // E-mail.
  {
    name: 'an e-mail address lost while the authenticator works',
    build(kit) {
      const site = kit.site();
      const email = kit.email();
      kit.way(site, 'email-code', { contact: email });
      kit.retire(email);
    },
    expect: {
      verdict: 'one-way',
      kinds: [
        'contacts.retired-in-use',
        'methods.single',
        'methods.seed-only-here',
        'contacts.none',
      ],
      says: [/Your authenticator app still gets you into Instagram/],
    },
  },
  {
    name: 'e-mail codes beside the authenticator: two ways',
    build(kit) {
      kit.way(kit.site(), 'email-code', { contact: kit.email() });
    },
    expect: {
      verdict: 'ok',
      kinds: ['codes.none-stored', 'methods.seed-only-here', 'contacts.none'],
      working: 2,
    },
  },
  {
    name: 'an e-mail address nobody confirmed for 200 days',
    build(kit) {
      const site = kit.site();
      kit.codes(site);
      kit.recoveryContact(site, kit.email());
      kit.tested(site);
      kit.later(200);
      kit.tested(site);
    },
    expect: {
      verdict: 'ok',
      kinds: ['methods.seed-only-here'],
      vaultKinds: ['contacts.stale', 'backup.stale'],
      score: 100,
      ways: [['authenticator at-risk'], ['backup-codes works']],
    },
  },

  // SMS.
  {
    name: 'SMS the only way in',
    build(kit) {
      kit.way(kit.site('Instagram', { seed: false }), 'sms', { contact: kit.phone() });
    },
    expect: {
      verdict: 'one-way',
      kinds: ['methods.sms-only', 'contacts.none'],
      score: 30,
      says: [SMS_NATURE],
    },
  },
  {
    name: 'SMS and a call to the same number count as one way',
    build(kit) {
      const site = kit.site('Instagram', { seed: false });
      const phone = kit.phone();
      kit.way(site, 'sms', { contact: phone });
      kit.way(site, 'voice', { contact: phone });
    },
    expect: {
      verdict: 'one-way',
      kinds: ['methods.sms-only', 'contacts.none'],
      working: 1,
      ways: [['sms at-risk'], ['voice at-risk']],
    },
  },
  {
    name: 'SMS to two numbers: two ways, both through a phone',
    build(kit) {
      const site = kit.site('Instagram', { seed: false });
      kit.way(site, 'sms', { contact: kit.phone('+447700900123') });
      kit.way(site, 'sms', { contact: kit.phone('+447700900456') });
    },
    expect: {
      verdict: 'ok',
      kinds: ['methods.sms-only', 'contacts.none'],
      working: 2,
      ways: [['sms at-risk', SMS_NATURE], ['sms at-risk']],
    },
  },
  {
    name: 'SMS not arriving (marked not working) and nothing else',
    build(kit) {
      const site = kit.site('Instagram', { seed: false });
      kit.notWorking(site, kit.way(site, 'sms', { contact: kit.phone() }));
    },
    expect: { verdict: 'locked-out', kinds: ['ways.none-work'], score: 0 },
  },
  {
    name: 'SMS not arriving while the authenticator works',
    build(kit) {
      const site = kit.site();
      kit.notWorking(site, kit.way(site, 'sms', { contact: kit.phone() }));
    },
    expect: {
      verdict: 'one-way',
      kinds: ['methods.not-working', 'methods.single', 'methods.seed-only-here', 'contacts.none'],
      says: [
        /Your authenticator app still gets you into Instagram, but texts to \+44 7700 900123 no longer do/,
      ],
    },
  },
  {
    name: 'SMS and backup codes: two ways, not "phone only"',
    build(kit) {
      const site = kit.site('Instagram', { seed: false });
      kit.way(site, 'sms', { contact: kit.phone() });
      kit.codes(site);
    },
    expect: { verdict: 'ok', kinds: ['contacts.none'], working: 2 },
  },

  // The authenticator: on a phone, lost, reset, only here, a second app.
  {
    name: 'an authenticator on a phone, its seed not here, codes stored',
    build(kit) {
      const site = kit.site('Instagram', { seed: false });
      kit.way(site, 'authenticator', { device: 'Google Authenticator on Pixel 8' });
      kit.codes(site);
    },
    expect: {
      verdict: 'ok',
      kinds: ['methods.seed-not-here', 'contacts.none'],
      ways: [
        ['authenticator works', /Google Authenticator on Pixel 8; the seed is not stored here/],
        ['backup-codes works'],
      ],
    },
  },
  {
    name: "the authenticator's phone reset (seed not here) while codes remain",
    build(kit) {
      const site = kit.site('Instagram', { seed: false });
      kit.notWorking(site, kit.way(site, 'authenticator', { device: 'Authy on old phone' }));
      kit.codes(site);
    },
    expect: {
      verdict: 'one-way',
      kinds: ['methods.not-working', 'methods.single', 'contacts.none'],
      says: [/10 backup codes still get you into Instagram/],
    },
  },
  {
    name: 'the authenticator lost, its seed not here, nothing else',
    build(kit) {
      const site = kit.site('Instagram', { seed: false });
      kit.notWorking(site, kit.way(site, 'authenticator', { device: 'Authy on old phone' }));
    },
    expect: {
      verdict: 'locked-out',
      kinds: ['ways.none-work'],
      ways: [['authenticator broken', /Authy on old phone no longer works/]],
    },
  },
  {
    name: "the authenticator's phone reset, but the seed is here",
    build(kit) {
      const site = kit.site();
      kit.notWorking(site, kit.way(site, 'authenticator', { device: 'Authy on old phone' }));
    },
    expect: {
      verdict: 'one-way',
      kinds: ['methods.single', 'methods.seed-only-here', 'contacts.none'],
    },
  },
  {
    name: 'a seed only here, nothing else known (an import): one info finding',
    build(kit) {
      kit.site();
    },
    expect: { verdict: 'one-way', kinds: ['ways.only-seed-known'], score: 30 },
  },
  {
    name: 'a seed only here in a vault that is backed up: it works, not at risk',
    async build(kit) {
      kit.site();
      await kit.vault.backups.create();
    },
    expect: {
      verdict: 'one-way',
      kinds: ['ways.only-seed-known'],
      score: 50,
      ways: [['authenticator works', /a backup of the vault holds it too/]],
    },
  },
  {
    name: 'twelve accounts imported from an authenticator app: nothing needs attention',
    build(kit) {
      for (let index = 0; index < 12; index++) kit.site(`Site ${index}`);
    },
    expect: { verdict: 'one-way', kinds: ['ways.only-seed-known'], needAttention: 0 },
  },
  {
    name: 'a second authenticator app added: the seed is no longer only here',
    build(kit) {
      const site = kit.site();
      kit.way(site, 'authenticator', { device: 'Aegis on Pixel 8' });
      kit.codes(site);
    },
    expect: {
      verdict: 'ok',
      kinds: ['contacts.none'],
      ways: [
        ['authenticator works', /seed stored here, and from Aegis on Pixel 8/],
        ['backup-codes works'],
      ],
    },
  },

  // A single way in, WhatsApp, devices.
  {
    name: 'a single security key: the fix suggests what the account lacks',
    build(kit) {
      kit.way(kit.site('Instagram', { seed: false }), 'security-key', { device: 'YubiKey 5C' });
    },
    expect: {
      verdict: 'one-way',
      kinds: ['methods.single', 'contacts.none'],
      says: [/backup codes/, /an authenticator app/],
      neverSuggests: [/a security key/],
    },
  },
  {
    name: 'WhatsApp codes the only way in',
    build(kit) {
      kit.way(kit.site('Instagram', { seed: false }), 'whatsapp', { contact: kit.phone() });
    },
    expect: {
      verdict: 'one-way',
      kinds: ['methods.sms-only', 'contacts.none'],
      says: [/WhatsApp is the only way in/],
    },
  },
  {
    name: 'WhatsApp codes beside backup codes',
    build(kit) {
      const site = kit.site('Instagram', { seed: false });
      kit.way(site, 'whatsapp', { contact: kit.phone() });
      kit.codes(site);
    },
    expect: { verdict: 'ok', kinds: ['contacts.none'] },
  },
  {
    name: 'a trusted device gone while the authenticator and codes work',
    build(kit) {
      const site = kit.site();
      kit.codes(site);
      kit.notWorking(site, kit.way(site, 'trusted-device', { device: 'iPad' }));
    },
    expect: {
      verdict: 'ok',
      kinds: ['methods.not-working', 'methods.seed-only-here', 'contacts.none'],
      says: [
        /Your authenticator app and 10 backup codes still get you into Instagram/,
        /Remove iPad from Instagram's security settings/,
      ],
      ways: [
        ['authenticator at-risk'],
        ['trusted-device broken', /no longer working/],
        ['backup-codes works'],
      ],
    },
  },
  {
    name: 'a trusted device gone and it was the only way in',
    build(kit) {
      const site = kit.site('Instagram', { seed: false });
      kit.notWorking(site, kit.way(site, 'trusted-device', { device: 'iPad' }));
    },
    expect: { verdict: 'locked-out', kinds: ['ways.none-work'] },
  },
  {
    name: 'a push prompt and a security key',
    build(kit) {
      const site = kit.site('Instagram', { seed: false });
      kit.way(site, 'push', { device: 'iPhone 15' });
      kit.way(site, 'security-key', { device: 'YubiKey 5C' });
    },
    expect: {
      verdict: 'ok',
      kinds: ['codes.none-stored', 'contacts.none'],
      working: 2,
      ways: [
        ['push works', /the phone with the app/],
        ['security-key works', /have the key/],
      ],
    },
  },

  // Habits: testing, the clock, plain copies, sheets, backups.
  {
    name: 'a sign-in never tested, 200 days on',
    build(kit) {
      const site = kit.site();
      kit.codes(site);
      kit.recoveryContact(site, kit.email());
      kit.later(200);
      kit.vault.contacts.confirm(kit.vault.contacts.list()[0]!.id);
    },
    expect: {
      verdict: 'ok',
      kinds: ['habits.untested', 'methods.seed-only-here'],
      vaultKinds: ['backup.stale'],
      score: 95,
    },
  },
  {
    name: 'the clock 20 s off: a warning, the previous or next code works',
    clockOffsetMs: 20 * SECOND_MS,
    build(kit) {
      kit.codes(kit.site());
    },
    expect: {
      verdict: 'ok',
      kinds: ['methods.seed-only-here', 'contacts.none'],
      vaultKinds: ['clock.drift'],
    },
  },
  {
    name: 'the clock 2 minutes off: no code shown is accepted',
    clockOffsetMs: -120 * SECOND_MS,
    build(kit) {
      kit.codes(kit.site());
    },
    expect: {
      verdict: 'ok',
      kinds: ['methods.seed-only-here', 'contacts.none'],
      vaultKinds: ['clock.wrong'],
    },
  },
  {
    name: 'codes also kept in a plain text file (the notes say so)',
    build(kit) {
      kit.codes(
        kit.site('Instagram', { notes: 'Backup codes are also in codes.txt on my desktop' }),
      );
    },
    expect: {
      verdict: 'ok',
      kinds: ['codes.plaintext-copy', 'methods.seed-only-here', 'contacts.none'],
      says: [/codes\.txt/],
    },
  },
  {
    name: 'a recovery sheet printed, then the codes replaced',
    build(kit) {
      const site = kit.site();
      kit.codes(site);
      kit.printSheet(site);
      kit.later(1);
      kit.codes(site, 10, 0, true);
    },
    expect: {
      verdict: 'ok',
      kinds: ['habits.sheet-outdated', 'methods.seed-only-here', 'contacts.none'],
      vaultKinds: ['backup.stale'],
    },
  },
  {
    name: 'a recovery sheet printed, then a recovery contact added',
    build(kit) {
      const site = kit.site();
      kit.codes(site);
      kit.printSheet(site);
      kit.later(0.5);
      kit.recoveryContact(site, kit.email());
    },
    expect: { verdict: 'ok', kinds: ['habits.sheet-details-outdated', 'methods.seed-only-here'] },
  },
  {
    name: 'never backed up, the changes two days old',
    build(kit) {
      kit.codes(kit.site());
      kit.later(2);
    },
    expect: {
      verdict: 'ok',
      kinds: ['methods.seed-only-here', 'contacts.none'],
      vaultKinds: ['backup.stale'],
    },
  },
  {
    name: 'no two-step sign-in recorded: nothing to say',
    build(kit) {
      kit.site('Instagram', { seed: false });
    },
    expect: { verdict: 'none-recorded', kinds: [], score: 100 },
  },
  {
    name: 'everything in order: a second authenticator, codes, a recovery e-mail, tested',
    build(kit) {
      const site = kit.site();
      kit.way(site, 'authenticator', { device: 'Aegis on Pixel 8' });
      kit.codes(site);
      kit.recoveryContact(site, kit.email());
      kit.tested(site);
    },
    expect: { verdict: 'ok', kinds: [], score: 100 },
  },
];
