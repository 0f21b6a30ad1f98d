import type { AccountSummary, OtpSeed } from '../../shared/domain.js';
import { type Contact, METHOD_LABELS } from '../../shared/recovery.js';
import type { AccountService } from '../accounts/accounts.js';
import type { BackupCodeService } from '../backup-codes/backup-codes.js';
import { groupBase32 } from '../otp/base32-secret.js';
import type { RecoveryService } from '../recovery/recovery.js';
import type { SheetAccount } from './sheet-document.js';

/** The features a sheet shows: each read through its own service. */
export interface SheetSources {
  accounts: Pick<AccountService, 'revealSeed'>;
  backupCodes: Pick<BackupCodeService, 'setsForSheet'>;
  recovery: Pick<RecoveryService, 'get'>;
}

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

/** One account's part of a sheet. Call inside a read transaction. */
export function sheetAccount(
  features: SheetSources,
  account: AccountSummary,
  contacts: ReadonlyMap<string, Contact>,
): SheetAccount {
  const recovery = features.recovery.get(account.id);
  let seed: SheetAccount['seed'] = null;
  if (account.otp !== null) {
    const revealed = features.accounts.revealSeed(account.id);
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
    codeSets: features.backupCodes.setsForSheet(account.id),
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
