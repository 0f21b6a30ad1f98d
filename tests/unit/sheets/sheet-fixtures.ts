import { seededRandom } from '../../support/seeded-random.js';
import { makeSeed } from '../../../src/core/otp/seed.js';
import type { Vault } from '../../../src/core/vault.js';
import type { FixedClock } from '../../../src/core/clock.js';
import { DAY_MS } from '../../../src/shared/durations.js';

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** `count` distinct backup codes like `k7q2m-9x4ab`, the same for the same seed. */
export function makeCodes(count: number, seed: number): string[] {
  const random = seededRandom(seed);
  const codes = new Set<string>();
  while (codes.size < count) {
    const bytes = random.bytes(10);
    const text = [...bytes].map((byte) => ALPHABET[byte % ALPHABET.length]).join('');
    codes.add(`${text.slice(0, 5)}-${text.slice(5)}`);
  }
  return [...codes];
}

export interface KitAccount {
  id: string;
  unused: string[];
  used: string[];
  uri: string | null;
}

/**
 * A vault like a real one: a TOTP account with a few codes used, an HOTP
 * account, a Steam account, one with a hostile name and no seed, and SMS,
 * recovery contacts, a support page and notes.
 */
export function fillKitVault(vault: Vault, clock: FixedClock): Map<string, KitAccount> {
  const accounts = new Map<string, KitAccount>();
  const add = (
    key: string,
    input: Parameters<Vault['accounts']['add']>[0],
    codes: string[],
    usedNumbers: number[],
  ) => {
    const account = vault.accounts.add(input);
    if (codes.length > 0) {
      const { set } = vault.backupCodes.add(account.id, { codes });
      for (const number of usedNumbers) {
        clock.advance(DAY_MS);
        vault.backupCodes.use(account.id, { setId: set.id, number }, 'signed in on the laptop');
      }
    }
    accounts.set(key, {
      id: account.id,
      unused: codes.filter((_, index) => !usedNumbers.includes(index + 1)),
      used: codes.filter((_, index) => usedNumbers.includes(index + 1)),
      uri: account.otp ? vault.accounts.revealSeed(account.id).uri : null,
    });
  };
  add(
    'github',
    {
      issuer: 'GitHub',
      accountName: 'octocat@example.org',
      url: 'github.com/login',
      seed: makeSeed({ secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' }),
    },
    makeCodes(16, 1),
    [2, 7, 11],
  );
  add(
    'bank',
    {
      issuer: 'Quokka Bank',
      accountName: 'wombat',
      seed: makeSeed({
        type: 'hotp',
        secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
        counter: 42,
        digits: 8,
      }),
    },
    makeCodes(10, 2),
    [1],
  );
  add(
    'steam',
    {
      issuer: 'Steam',
      accountName: 'gamer',
      seed: makeSeed({ type: 'steam', secret: 'KRSXG5CTMVRXEZLU' }),
    },
    [],
    [],
  );
  add(
    'hostile',
    { issuer: '<img src=x onerror=alert(1)>', accountName: 'a&b "quoted" </style>' },
    makeCodes(6, 3),
    [],
  );
  const phone = vault.contacts.add({ kind: 'phone', value: '+44 7700 900461', label: 'old phone' });
  const email = vault.contacts.add({ kind: 'email', value: 'me@example.org' });
  const bank = accounts.get('bank')?.id as string;
  vault.recovery.addMethod(bank, { kind: 'sms', contactId: phone.id });
  vault.recovery.addRecoveryContact(bank, email.id);
  vault.recovery.update(bank, {
    supportUrl: 'quokka.example/recover',
    recoveryNotes: 'Branch manager: Ms Bilby.\nBring your passport <and> a bill.',
  });
  vault.recovery.addMethod(accounts.get('github')?.id as string, {
    kind: 'authenticator',
    device: 'Aegis on Pixel 8',
  });
  return accounts;
}
