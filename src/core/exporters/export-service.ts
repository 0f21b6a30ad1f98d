import { join } from 'node:path';
import type { AccountSummary } from '../../shared/domain.js';
import { VaultError } from '../../shared/errors.js';
import {
  type ExportFormat,
  type ExportOutcome,
  MIN_EXPORT_PASSWORD_LENGTH,
} from '../../shared/import-export.js';
import type { AccountService } from '../accounts/accounts.js';
import { formatOtpauthUri } from '../otp/otpauth.js';
import { qrPng, qrPngDataUrl } from '../qr/write-qr.js';
import type { VaultContext } from '../vault-context.js';
import { aegisVaultFile } from './aegis-export.js';
import type { ExportAccount, NotExported } from './export-types.js';
import { googleIncompatibility, googleTransferLinks } from './google-export.js';
import { kdbxFile } from './kdbx-export.js';
import { ensurePrivateFolder, writePrivateFile } from './private-file.js';

/** Formats this service writes; `sparekey` (a copy of the vault) is `copyVault`. */
export type SeedExportFormat = Exclude<ExportFormat, 'sparekey'>;

export { MIN_EXPORT_PASSWORD_LENGTH };

export interface ExportOptions {
  /** Account ids; all accounts when absent. */
  accountIds?: readonly string[] | undefined;
  /** For aegis-encrypted and kdbx. */
  password?: string | undefined;
}

interface Selection {
  accounts: ExportAccount[];
  notExported: NotExported[];
}

function left(account: AccountSummary, reason: string): NotExported {
  return {
    accountId: account.id,
    issuer: account.issuer,
    accountName: account.accountName,
    reason,
  };
}

/**
 * Exports seeds so users can leave, or enrol a second authenticator: otpauth://
 * links, Aegis vault files (plain or encrypted), Google Authenticator transfer
 * QR codes. Every export is an explicit reveal of the seeds it contains.
 */
export class ExportService {
  constructor(
    private readonly context: VaultContext,
    private readonly accounts: AccountService,
  ) {}

  /** The accounts to export with their seeds; those without a seed are listed as left out. */
  select(accountIds?: readonly string[]): Selection {
    return this.context.read(() => {
      const all = this.accounts.list();
      const wanted =
        accountIds === undefined
          ? all
          : [...new Set(accountIds)].map((id) => this.accounts.get(id));
      const selection: Selection = { accounts: [], notExported: [] };
      for (const account of wanted) {
        if (account.otp === null) {
          selection.notExported.push(left(account, 'it has no authenticator seed'));
        } else {
          selection.accounts.push({ account, seed: this.accounts.revealSeed(account.id).seed });
        }
      }
      return selection;
    });
  }

  /** otpauth:// links, one a line. */
  otpauthText(accountIds?: readonly string[]): Selection & { text: string } {
    const selection = this.select(accountIds);
    const lines = selection.accounts.map(({ account, seed }) =>
      formatOtpauthUri(account.issuer, account.accountName, seed),
    );
    return { ...selection, text: lines.length > 0 ? `${lines.join('\n')}\n` : '' };
  }

  /** An Aegis vault file (JSON), encrypted with `password` when one is given. */
  async aegisJson(
    accountIds?: readonly string[],
    password?: string,
  ): Promise<Selection & { text: string }> {
    if (password !== undefined && [...password].length < MIN_EXPORT_PASSWORD_LENGTH) {
      throw new VaultError(
        'INVALID_INPUT',
        `The export password must be at least ${MIN_EXPORT_PASSWORD_LENGTH} characters long.`,
      );
    }
    const selection = this.select(accountIds);
    return {
      ...selection,
      text: await aegisVaultFile(selection.accounts, this.context.random, password),
    };
  }

  /** A KeePass database (KDBX 4) under `password`, for KeePassXC and KeePass. */
  async kdbx(accountIds: readonly string[] | undefined, password: string | undefined) {
    if (password === undefined || [...password].length < MIN_EXPORT_PASSWORD_LENGTH) {
      throw new VaultError(
        'INVALID_INPUT',
        `The export password must be at least ${MIN_EXPORT_PASSWORD_LENGTH} characters long.`,
      );
    }
    const selection = this.select(accountIds);
    return { ...selection, bytes: await kdbxFile(selection.accounts, password) };
  }

  /** Google Authenticator transfer links (batches of ten); incompatible seeds are left out. */
  googleTransfer(accountIds?: readonly string[]): Selection & { links: string[] } {
    const selection = this.select(accountIds);
    const compatible: ExportAccount[] = [];
    for (const item of selection.accounts) {
      const reason = googleIncompatibility(item);
      if (reason === null) compatible.push(item);
      else selection.notExported.push(left(item.account, reason));
    }
    return {
      accounts: compatible,
      notExported: selection.notExported,
      links: googleTransferLinks(compatible, this.context.random),
    };
  }

  /** The transfer QR codes as PNG data URLs, for showing on screen. */
  async googleTransferDataUrls(
    accountIds?: readonly string[],
  ): Promise<Selection & { images: string[] }> {
    const transfer = this.googleTransfer(accountIds);
    return { ...transfer, images: await Promise.all(transfer.links.map(qrPngDataUrl)) };
  }

  /**
   * Writes an export to `out` with mode 0600, never over an existing file and
   * never through a temporary copy. For google-qr, `out` is a folder that gets
   * one PNG per batch.
   */
  async writeFile(
    format: SeedExportFormat,
    out: string,
    options: ExportOptions = {},
  ): Promise<ExportOutcome> {
    const ids = options.accountIds;
    let selection: Selection;
    const files: string[] = [];
    if (format === 'otpauth') {
      const result = this.otpauthText(ids);
      this.requireSome(result);
      writePrivateFile(out, result.text);
      files.push(out);
      selection = result;
    } else if (format === 'kdbx') {
      const result = await this.kdbx(ids, options.password);
      this.requireSome(result);
      writePrivateFile(out, result.bytes);
      files.push(out);
      selection = result;
    } else if (format === 'aegis' || format === 'aegis-encrypted') {
      if (format === 'aegis-encrypted' && options.password === undefined) {
        throw new VaultError('INVALID_INPUT', 'An encrypted Aegis export needs a password.');
      }
      const result = await this.aegisJson(ids, format === 'aegis' ? undefined : options.password);
      this.requireSome(result);
      writePrivateFile(out, result.text);
      files.push(out);
      selection = result;
    } else {
      const result = this.googleTransfer(ids);
      this.requireSome(result);
      const images = await Promise.all(result.links.map(qrPng));
      ensurePrivateFolder(out);
      images.forEach((image, index) => {
        const path = join(out, `google-authenticator-${index + 1}-of-${images.length}.png`);
        writePrivateFile(path, image);
        files.push(path);
      });
      selection = result;
    }
    return {
      format,
      files,
      exported: selection.accounts.length,
      notExported: selection.notExported,
    };
  }

  private requireSome(selection: Selection): void {
    if (selection.accounts.length > 0) return;
    const why = selection.notExported[0]?.reason;
    throw new VaultError(
      'REFUSED',
      `Nothing to export${why ? `: ${selection.notExported.length === 1 ? why : 'no account can go in this format'}` : ': the vault has no accounts with seeds'}. No file was written.`,
      { notExported: selection.notExported },
    );
  }
}
