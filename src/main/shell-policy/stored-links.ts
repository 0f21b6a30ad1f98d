import type { Vault } from '../../core/index.js';

/**
 * Every web address kept on the vault's accounts, for the link policy
 * (external-links.ts), cheapest first: the accounts' sign-in pages, their
 * support pages, then the extra sign-in addresses of their logins (a login
 * record is decrypted only when nothing before it matched). Lazy: the caller
 * stops at the first match.
 */
export function* storedLinks(vault: Vault): Generator<string> {
  const accounts = vault.accounts.list();
  for (const account of accounts) if (account.url) yield account.url;
  for (const recovery of vault.recovery.all().values()) {
    if (recovery.supportUrl) yield recovery.supportUrl;
  }
  for (const account of accounts) yield* vault.logins.get(account.id)?.urls ?? [];
}
