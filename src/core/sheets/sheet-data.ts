import type { AccountSummary, OtpSeed } from '../../shared/domain.js';
import { type Contact, METHOD_LABELS } from '../../shared/recovery.js';
import { CODE_SET_KIND, CodeSetRecordSchema } from '../backup-codes/code-set-records.js';
import { newestFirst } from '../backup-codes/code-status.js';
import { groupBase32 } from '../otp/base32-secret.js';
import type { Vault } from '../vault.js';
import type { VaultContext } from '../vault-context.js';
import type { SheetAccount, SheetCodeSet } from './sheet-document.js';

/** "TOTP, SHA1, 6 digits, every 30 s" / "HOTP, SHA1, 6 digits, counter 12 when printed" / "Steam Guard". */
function seedDescription(seed: OtpSeed): string {
  if (seed.type === 'steam')
    return `Steam Guard, ${seed.digits} characters, every ${seed.period} s`;
  if (seed.type === 'hotp') {
    return `HOTP (counter-based), ${seed.algorithm}, ${seed.digits} digits, counter ${seed.counter} when printed`;
  }
  return `TOTP (time-based), ${seed.algorithm}, ${seed.digits} digits, every ${seed.period} s`;
}

function contactLine(contact: Contact | undefined): string {
  if (contact === undefined) return 'a contact no longer in Sparekey';
  const label = contact.label ? ` (${contact.label})` : '';
  const retired = contact.retiredAt === null ? '' : ', retired';
  return `${contact.display}${label}${retired}`;
}

/** The current code sets of an account with their codes' text, for printing. */
export function sheetCodeSets(context: VaultContext, accountId: string): SheetCodeSet[] {
  return context
    .records()
    .list(CODE_SET_KIND, CodeSetRecordSchema, accountId)
    .map((stored) => ({ id: stored.id, accountId, value: stored.value }))
    .filter((set) => set.value.state === 'current')
    .sort(newestFirst)
    .map(({ value }) => ({
      label: value.label,
      issuedAt: value.issuedAt,
      total: value.codes.length,
      unused: value.codes.flatMap((code, index) =>
        code.usedAt === null ? [{ number: index + 1, code: code.code }] : [],
      ),
      used: value.codes.flatMap((code, index) =>
        code.usedAt === null
          ? []
          : [{ number: index + 1, code: code.code, usedAt: code.usedAt, note: code.note }],
      ),
    }));
}

/** One account's part of a sheet. Call inside a read transaction. */
export function sheetAccount(
  vault: Vault,
  context: VaultContext,
  account: AccountSummary,
  contacts: ReadonlyMap<string, Contact>,
): SheetAccount {
  const recovery = vault.recovery.get(account.id);
  let seed: SheetAccount['seed'] = null;
  if (account.otp !== null) {
    const revealed = vault.accounts.revealSeed(account.id);
    seed = {
      uri: revealed.uri,
      groupedSecret: groupBase32(revealed.seed.secret),
      description: seedDescription(revealed.seed),
    };
  }
  return {
    id: account.id,
    issuer: account.issuer,
    accountName: account.accountName,
    url: account.url,
    seed,
    codeSets: sheetCodeSets(context, account.id),
    methods: recovery.methods.map((method) => {
      const label = METHOD_LABELS[method.kind];
      if (method.contactId !== null) {
        return `${label} to ${contactLine(contacts.get(method.contactId))}`;
      }
      return method.device ? `${label}: ${method.device}` : label;
    }),
    recoveryContacts: recovery.recoveryContactIds.map((id) => contactLine(contacts.get(id))),
    supportUrl: recovery.supportUrl,
    recoveryNotes: recovery.recoveryNotes,
  };
}
