import type { SeedInputData } from '../../../shared/contract/account-methods.js';
import type { Handlers } from '../../../shared/contract/index.js';
import type { OtpSeed } from '../../../shared/domain.js';
import { isVaultError, VaultError } from '../../../shared/errors.js';
import type { AppSession } from '../app-session.js';
import {
  groupBase32,
  parseOtpauthUri,
  makeSeed,
  qrPngDataUrl,
  seedWarnings,
} from '../../../core/index.js';

type AccountHandlers = Pick<
  Handlers,
  | 'listAccounts'
  | 'addAccount'
  | 'updateAccount'
  | 'setSeed'
  | 'removeAccount'
  | 'listRemovedAccounts'
  | 'restoreAccount'
  | 'purgeRemovedAccount'
  | 'getCodes'
  | 'nextHotpCode'
  | 'revealSeed'
  | 'checkSeed'
  | 'accountQr'
  | 'getAccountHistory'
>;

/** An otpauth URI's own issuer and name fill in what the form left empty. */
function readSeed(input: SeedInputData): { seed: OtpSeed; issuer?: string; accountName?: string } {
  if ('otpauth' in input) {
    const entry = parseOtpauthUri(input.otpauth);
    return { seed: entry.seed, issuer: entry.issuer, accountName: entry.accountName };
  }
  return { seed: makeSeed(input) };
}

/** The seed read from the form; a refusal names the `seed` field (the app shows it there). */
function seedFrom(input: SeedInputData): ReturnType<typeof readSeed> {
  try {
    return readSeed(input);
  } catch (error) {
    if (isVaultError(error)) {
      throw new VaultError(error.code, error.message, { ...error.details, field: 'seed' });
    }
    throw error;
  }
}

export function accountHandlers(session: AppSession): AccountHandlers {
  return {
    listAccounts: () => session.unlocked().accounts.list(),
    addAccount: ({ seed, ...fields }) => {
      const fromSeed = seed ? seedFrom(seed) : undefined;
      return session.unlocked().accounts.add({
        ...fields,
        issuer: fields.issuer.trim() || fromSeed?.issuer || '',
        accountName: fields.accountName?.trim() || fromSeed?.accountName,
        seed: fromSeed?.seed,
      });
    },
    updateAccount: ({ id, ...patch }) => session.unlocked().accounts.update(id, patch),
    setSeed: ({ id, seed }) =>
      session.unlocked().accounts.setSeed(id, seed ? seedFrom(seed).seed : null),
    removeAccount: ({ id }) => session.unlocked().accounts.remove(id),
    listRemovedAccounts: () => session.unlocked().accounts.removed.list(),
    restoreAccount: ({ id }) => {
      const accounts = session.unlocked().accounts;
      accounts.removed.restore(id);
      return accounts.get(id);
    },
    purgeRemovedAccount: ({ id }) => {
      session.unlocked().accounts.removed.purge(id);
      return null;
    },
    getCodes: ({ ids }) => session.unlocked().accounts.codes(ids),
    nextHotpCode: ({ id }) => session.unlocked().accounts.nextHotpCode(id),
    checkSeed: ({ seed }) => {
      try {
        return { warnings: seedWarnings(seedFrom(seed).seed) };
      } catch (error) {
        // A key that does not read is said when the form is saved, at the field.
        if (isVaultError(error) && error.code === 'INVALID_INPUT') return { warnings: [] };
        throw error;
      }
    },
    revealSeed: ({ id }) => {
      const { seed, uri } = session.unlocked().accounts.revealSeed(id);
      return { secret: groupBase32(seed.secret), otpauthUri: uri };
    },
    accountQr: async ({ id }) => ({
      image: await qrPngDataUrl(session.unlocked().accounts.revealSeed(id).uri),
    }),
    getAccountHistory: ({ accountId }) => {
      const vault = session.unlocked();
      vault.accounts.get(accountId); // NOT_FOUND for an account that is not there.
      return vault.history.list(accountId);
    },
  };
}
