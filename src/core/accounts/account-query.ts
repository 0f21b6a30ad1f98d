import type { AccountSummary } from '../../shared/domain.js';
import { VaultError } from '../../shared/errors.js';
import { collator } from './account-order.js';

type Named = Pick<AccountSummary, 'id' | 'issuer' | 'accountName'>;

/**
 * The one account of `accounts` a person means: an id (or a unique prefix of at
 * least 4 characters), an issuer, or `issuer:account`, case-insensitively.
 * NOT_FOUND when none matches; AMBIGUOUS, with the candidates, when several do.
 * `noun` names what is searched in the messages ("removed account").
 */
export function findAccount<T extends Named>(
  accounts: readonly T[],
  query: string,
  noun = 'account',
): T {
  const wanted = query.trim();
  if (wanted === '')
    throw new VaultError(
      'INVALID_INPUT',
      'Say which account: an id, an issuer, or issuer:account.',
    );
  const lower = wanted.toLowerCase();
  const byId = accounts.filter((account) => account.id === lower);
  if (byId.length === 1) return byId[0] as T;

  const same = (a: string, b: string) => collator.compare(a, b) === 0;
  let matches = accounts.filter(
    (account) =>
      same(account.issuer, wanted) ||
      same(`${account.issuer}:${account.accountName}`, wanted) ||
      (account.issuer === '' && same(account.accountName, wanted)),
  );
  if (matches.length === 0 && /^[0-9a-f]{4,}$/.test(lower)) {
    matches = accounts.filter((account) => account.id.startsWith(lower));
  }
  if (matches.length === 1) return matches[0] as T;
  if (matches.length === 0) {
    throw new VaultError('NOT_FOUND', `No ${noun} matches "${wanted}".`);
  }
  throw new VaultError(
    'AMBIGUOUS',
    `"${wanted}" matches ${matches.length} ${noun}s; say which one with issuer:account or its id.`,
    {
      candidates: matches.map(({ id, issuer, accountName }) => ({ id, issuer, accountName })),
    },
  );
}
