import type { AccountSummary } from '../../shared/domain.js';
import { VaultError, invalidInput } from '../../shared/errors.js';
import type { Contact } from '../../shared/recovery.js';
import type { RenderedSheet, SheetOptions, SheetPrint } from '../../shared/sheets.js';
import type { AccountService } from '../accounts/accounts.js';
import type { BackupCodeService } from '../backup-codes/backup-codes.js';
import type { ContactService } from '../contacts/contacts.js';
import type { HistoryService } from '../history/history.js';
import type { RecoveryService } from '../recovery/recovery.js';
import type { VaultContext } from '../vault-context.js';
import { sheetAccount } from './sheet-data.js';
import type { SheetDocument } from './sheet-document.js';
import { sheetHtml } from './sheet-html.js';
import {
  SHEET_PRINT_KIND,
  type SheetPrintRecord,
  SheetPrintRecordSchema,
} from './sheet-records.js';
import { DAY_MS } from '../../shared/durations.js';

/** Which accounts a sheet is for: chosen ones (in that order), or every account (the emergency kit). */
export type SheetSelection = { accountIds: readonly string[] } | { all: true };

/** What the `habits.sheet-outdated` rule compares for one account whose sheet was printed. */
export interface SheetPrintFacts {
  accountId: string;
  printedAt: number;
  seedPrinted: boolean;
  /** The contacts the sheet listed, as printed. */
  printedContacts: SheetPrintRecord['contacts'];
  /** When the account's seed was last set now, or null when it has none. */
  seedChangedAt: number | null;
  /** The last time a set of backup codes was added or replaced, or null. */
  codeSetsChangedAt: number | null;
}

function sheetPrintOf(accountId: string, record: SheetPrintRecord): SheetPrint {
  const { printedAt, paper, includeUsed } = record;
  return { accountId, printedAt, paper, includeUsed };
}

/**
 * Recovery sheets: print-ready HTML of one account, a chosen set, or the whole
 * vault, made from one snapshot of the vault; and, per account, when its sheet
 * was last printed (with a `sheets.print` event in its history).
 */
export class SheetService {
  constructor(
    private readonly context: VaultContext,
    private readonly accounts: AccountService,
    private readonly backupCodes: BackupCodeService,
    private readonly contacts: ContactService,
    private readonly recovery: RecoveryService,
    private readonly history: HistoryService,
  ) {}

  /** The sheet's HTML. It holds the accounts' secrets: the caller writes it only where the user chose. */
  async render(selection: SheetSelection, options: SheetOptions): Promise<RenderedSheet> {
    const printedAt = this.context.clock.now();
    const document: SheetDocument = this.context.read(() => {
      const accounts = this.select(selection);
      const sources = {
        accounts: this.accounts,
        backupCodes: this.backupCodes,
        recovery: this.recovery,
      };
      const contacts = new Map<string, Contact>(
        this.contacts.list().map((contact) => [contact.id, contact]),
      );
      return {
        accounts: accounts.map((account) => sheetAccount(sources, account, contacts)),
        printedAt,
        paper: options.paper,
        includeUsed: options.includeUsed,
        wholeVault: 'all' in selection,
      };
    });
    const { html, title, contentSecurityPolicy } = await sheetHtml(document);
    return {
      html,
      title,
      accountIds: document.accounts.map((account) => account.id),
      printedAt,
      paper: options.paper,
      contentSecurityPolicy,
    };
  }

  /**
   * Records that the accounts' sheet was printed (at `printedAt`, the date on the
   * paper; default now), with what it listed, and a `sheets.print` history event
   * each, in one transaction.
   */
  markPrinted(
    accountIds: readonly string[],
    options: SheetOptions & { printedAt?: number | undefined },
  ): SheetPrint[] {
    const ids = [...new Set(accountIds)];
    if (ids.length === 0) throw invalidInput('Say which accounts the printed sheet was for.');
    return this.context.write(() => {
      const now = this.context.clock.now();
      const printedAt = options.printedAt ?? now;
      if (!Number.isFinite(printedAt) || printedAt > now) {
        throw invalidInput('The print date is in the future.');
      }
      if (printedAt < now - DAY_MS) {
        throw invalidInput('The print date is more than a day ago: render the sheet again.');
      }
      const contacts = new Map(this.contacts.list().map((contact) => [contact.id, contact]));
      return ids.map((accountId) => {
        const account = this.accounts.get(accountId);
        const recovery = this.recovery.get(accountId);
        const listed = [
          ...recovery.methods.flatMap((method) => (method.contactId ? [method.contactId] : [])),
          ...recovery.recoveryContactIds,
        ];
        const record: SheetPrintRecord = {
          printedAt,
          paper: options.paper,
          includeUsed: options.includeUsed,
          seedPrinted: account.otp !== null,
          contacts: [...new Set(listed)].flatMap((id) => {
            const contact = contacts.get(id);
            return contact
              ? [{ id, value: contact.value, retired: contact.retiredAt !== null }]
              : [];
          }),
        };
        this.context.records().put(SHEET_PRINT_KIND, accountId, accountId, record);
        this.history.record(accountId, {
          type: 'sheets.print',
          at: printedAt,
          detail: {
            paper: options.paper,
            includeUsed: options.includeUsed,
            seed: record.seedPrinted,
            accounts: ids.length,
          },
        });
        return {
          accountId,
          printedAt,
          paper: options.paper,
          includeUsed: options.includeUsed,
        };
      });
    });
  }

  /** When the account's sheet was last printed, or null if never. */
  lastPrinted(accountId: string): SheetPrint | null {
    return this.context.read(() => {
      this.accounts.get(accountId);
      const stored = this.context
        .records()
        .get(SHEET_PRINT_KIND, accountId, SheetPrintRecordSchema);
      return stored === undefined ? null : sheetPrintOf(accountId, stored.value);
    });
  }

  /** Every account's last printed sheet, in no particular order. */
  listPrinted(): SheetPrint[] {
    return this.context.read(() =>
      this.context
        .records()
        .list(SHEET_PRINT_KIND, SheetPrintRecordSchema)
        .map((stored) => sheetPrintOf(stored.id, stored.value)),
    );
  }

  /** For the health check: every printed sheet with what has changed since. */
  printFacts(): SheetPrintFacts[] {
    return this.context.read(() =>
      this.context
        .records()
        .list(SHEET_PRINT_KIND, SheetPrintRecordSchema)
        .flatMap((stored) => {
          const accountId = stored.id;
          return [
            {
              accountId,
              printedAt: stored.value.printedAt,
              seedPrinted: stored.value.seedPrinted,
              printedContacts: stored.value.contacts,
              seedChangedAt: this.accounts.seedChangedAt(accountId),
              codeSetsChangedAt: this.backupCodes.lastSetChange(accountId),
            },
          ];
        }),
    );
  }

  private select(selection: SheetSelection): AccountSummary[] {
    const accounts = this.accounts.list();
    if ('all' in selection) {
      if (accounts.length === 0) {
        throw new VaultError('NOT_FOUND', 'The vault has no accounts to print yet.');
      }
      return accounts;
    }
    const ids = [...new Set(selection.accountIds)];
    if (ids.length === 0) throw invalidInput('Say which accounts to print, or print them all.');
    const byId = new Map(accounts.map((account) => [account.id, account]));
    return ids.map((id) => {
      const account = byId.get(id);
      if (account === undefined) {
        throw new VaultError('NOT_FOUND', `There is no account with id ${id}.`);
      }
      return account;
    });
  }
}
