import type {
  DuplicateOf,
  ImportFormat,
  ImportNote,
  ImportOutcome,
} from '../../shared/import-export.js';
import { isVaultError, VaultError } from '../../shared/errors.js';
import type { AccountService } from '../accounts/accounts.js';
import { decodeBase32Secret } from '../otp/base32-secret.js';
import type { LoginService } from '../logins/logins.js';
import type { VaultContext } from '../vault-context.js';
import { FileContent } from './file-content.js';
import {
  duplicateKey,
  type ImportPlan,
  missingBatchParts,
  type PlannedEntry,
  type PlannedFile,
} from './import-plan.js';
import type { BatchPart, Importer, ReadResult } from './import-types.js';
import { describeBytes, MAX_IMPORT_FILE_BYTES } from './limits.js';
import { detectImporter, importerFor } from './registry.js';

export interface ImportFileInput {
  /** For messages only: the format is detected from the bytes. */
  name: string;
  bytes: Uint8Array;
}

export interface PreviewOptions {
  /** Forces a format instead of detecting it. */
  format?: ImportFormat | undefined;
  /**
   * The password of an encrypted file, asked only for files that need one.
   * Returning undefined makes the preview fail with `details.needsPassword`.
   */
  password?: (fileName: string) => string | undefined | Promise<string | undefined>;
  /** A key file for an encrypted file that takes one (a KeePass database), by file name. */
  keyFile?: (fileName: string) => Uint8Array | undefined;
}

/** Thrown when an encrypted file was given without its password. */
export function needsPasswordError(fileName: string): VaultError {
  return new VaultError('INVALID_INPUT', `${fileName} is encrypted: its password is needed.`, {
    file: fileName,
    needsPassword: true,
  });
}

/** Refuses a file past MAX_IMPORT_FILE_BYTES before anything reads it. */
function checkFileSize(file: FileContent): void {
  if (file.bytes.length > MAX_IMPORT_FILE_BYTES) {
    throw file.damaged(
      `it is ${describeBytes(file.bytes.length)}, larger than any export file (Sparekey reads up to ${describeBytes(MAX_IMPORT_FILE_BYTES)})`,
    );
  }
}

export function isNeedsPasswordError(error: unknown): error is VaultError {
  return isVaultError(error) && error.details?.needsPassword === true;
}

/**
 * Imports from other apps: a preview first (every entry, duplicate, skipped and
 * failed entry, with reasons), then a commit of the whole plan in one
 * transaction, or nothing.
 */
export class ImportService {
  /** Plans this service made and has not committed yet. */
  private readonly open = new WeakSet<ImportPlan>();

  constructor(
    private readonly context: VaultContext,
    private readonly accounts: AccountService,
    private readonly logins: LoginService,
  ) {}

  /**
   * What each file is, without decrypting anything: its format and whether it
   * needs a password. Throws like `preview` for a file that is not importable.
   */
  inspect(files: readonly ImportFileInput[], format?: ImportFormat): PlannedFile[] {
    return files.map((input) => {
      const file = new FileContent(input.name, input.bytes);
      checkFileSize(file);
      return this.guard(file, () => {
        const importer = format ? importerFor(format) : detectImporter(file);
        const opened = importer.open(file);
        return {
          name: file.name,
          format: importer.format,
          description: `${importer.label}${opened.encrypted ? ' (encrypted)' : ''}`,
          encrypted: opened.encrypted,
        };
      });
    });
  }

  /** Reads the files (decrypting with their passwords) into a plan; writes nothing. */
  async preview(
    files: readonly ImportFileInput[],
    options: PreviewOptions = {},
  ): Promise<ImportPlan> {
    if (files.length === 0)
      throw new VaultError('INVALID_INPUT', 'Name at least one file to import.');
    const plannedFiles: PlannedFile[] = [];
    const entries: PlannedEntry[] = [];
    const skipped: ImportNote[] = [];
    const failed: ImportNote[] = [];
    const batchParts: (BatchPart & { file: string })[] = [];

    for (const input of files) {
      const file = new FileContent(input.name, input.bytes);
      checkFileSize(file);
      const { importer, result, encrypted } = await this.readFile(file, options);
      plannedFiles.push({
        name: file.name,
        format: importer.format,
        description: result.description ?? `${importer.label}${encrypted ? ' (encrypted)' : ''}`,
        encrypted,
      });
      // Loops, not push(...list): a file of 250,000 entries would overflow the call stack.
      for (const entry of result.entries)
        entries.push({ ...entry, file: file.name, duplicateOf: null });
      for (const note of result.skipped) skipped.push({ ...note, file: file.name });
      for (const note of result.failed) failed.push({ ...note, file: file.name });
      for (const part of result.batchParts) batchParts.push({ ...part, file: file.name });
    }
    for (const note of missingBatchParts(batchParts)) failed.push(note);

    const plan: ImportPlan = { files: plannedFiles, entries, skipped, failed };
    this.context.read(() => this.markDuplicates(plan.entries));
    this.open.add(plan);
    return plan;
  }

  /**
   * Adds every entry of the plan that is not a duplicate (checked again, against
   * the vault as it is now), with its login, in one transaction.
   */
  commit(plan: ImportPlan, options: { leaveOut?: ReadonlySet<number> } = {}): ImportOutcome {
    if (!this.open.has(plan)) {
      throw new VaultError(
        'REFUSED',
        'This import was already committed, or was not previewed in this vault; preview it again.',
      );
    }
    const outcome = this.context.write(() => {
      this.markDuplicates(plan.entries);
      const imported: string[] = [];
      let leftOut = 0;
      for (const [index, entry] of plan.entries.entries()) {
        // Entries the person unticked in the preview (indexes into the plan's entries).
        if (options.leaveOut?.has(index)) {
          leftOut++;
          continue;
        }
        if (entry.duplicateOf !== null) continue;
        const account = this.accounts.add({
          issuer: entry.issuer,
          accountName: entry.accountName,
          url: entry.url,
          notes: entry.notes,
          tags: entry.tags,
          seed: entry.seed,
        });
        if (entry.login !== null) this.logins.set(account.id, entry.login);
        imported.push(account.id);
      }
      return {
        imported,
        duplicates: plan.entries.length - imported.length - leftOut,
        leftOut,
        skipped: plan.skipped.length,
        failed: plan.failed.length,
      };
    });
    this.open.delete(plan);
    return outcome;
  }

  private readFile(
    file: FileContent,
    options: PreviewOptions,
  ): Promise<{ importer: Importer; result: ReadResult; encrypted: boolean }> {
    return this.guard(file, async () => {
      const importer = options.format ? importerFor(options.format) : detectImporter(file);
      const opened = importer.open(file);
      let password: string | undefined;
      if (opened.encrypted) {
        password = await options.password?.(file.name);
        if (password === undefined) throw needsPasswordError(file.name);
      }
      const keyFile = opened.encrypted ? options.keyFile?.(file.name) : undefined;
      return {
        importer,
        result: await opened.read(password, keyFile),
        encrypted: opened.encrypted,
      };
    });
  }

  /**
   * Importers turn malformed input into typed errors; anything else escaping one
   * is a bug, still reported as a refusal naming the file (marked `unexpected`).
   */
  private guard<T>(file: FileContent, read: () => T): T {
    // The error's own text is a library's (never shown); the person gets what it means for the file.
    const unexpected = (_error: unknown) =>
      new VaultError(
        'INVALID_INPUT',
        `${file.name} cannot be imported: it could not be read (its content is not what its format promises).`,
        { file: file.name, unexpected: true },
      );
    try {
      const result = read();
      if (result instanceof Promise) {
        return result.catch((error: unknown) => {
          throw isVaultError(error) ? error : unexpected(error);
        }) as T;
      }
      return result;
    } catch (error) {
      throw isVaultError(error) ? error : unexpected(error);
    }
  }

  /** Sets `duplicateOf` on entries whose seed (or, without one, names) is in the vault or earlier in the plan. */
  private markDuplicates(entries: PlannedEntry[]): void {
    const known = new Map<string, DuplicateOf>();
    const secrets = this.accounts.seedSecrets();
    for (const account of this.accounts.list()) {
      const secret = secrets.get(account.id);
      const key =
        secret !== undefined
          ? `seed:${Buffer.from(decodeBase32Secret(secret)).toString('hex')}`
          : duplicateKey({ seed: null, issuer: account.issuer, accountName: account.accountName });
      known.set(key, {
        accountId: account.id,
        issuer: account.issuer,
        accountName: account.accountName,
      });
    }
    for (const entry of entries) {
      const key = duplicateKey(entry);
      entry.duplicateOf = known.get(key) ?? null;
      if (entry.duplicateOf === null) {
        known.set(key, { accountId: null, issuer: entry.issuer, accountName: entry.accountName });
      }
    }
  }
}
