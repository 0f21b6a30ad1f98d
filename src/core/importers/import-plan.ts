import type {
  ImportFormat,
  DuplicateOf,
  ImportNote,
  ImportPreview,
} from '../../shared/import-export.js';
import { decodeBase32Secret } from '../otp/base32-secret.js';
import type { BatchPart, ImportedEntry } from './import-types.js';

export interface PlannedEntry extends ImportedEntry {
  file: string;
  duplicateOf: DuplicateOf | null;
}

export interface PlannedFile {
  name: string;
  format: ImportFormat;
  description: string;
  encrypted: boolean;
}

/**
 * What an import will do: every entry found (with the ones that duplicate an
 * account already in the vault, or an earlier entry), every entry skipped, and
 * every entry that could not be read, each with its reason. Holds secrets: it
 * stays in the main process; `previewOf` is what may be shown.
 */
export interface ImportPlan {
  files: PlannedFile[];
  entries: PlannedEntry[];
  skipped: ImportNote[];
  failed: ImportNote[];
}

/** Identifies what makes two entries the same: the decoded secret bytes, or without a seed, the names. */
export function duplicateKey(
  entry: Pick<ImportedEntry, 'seed' | 'issuer' | 'accountName'>,
): string {
  if (entry.seed !== null) {
    return `seed:${Buffer.from(decodeBase32Secret(entry.seed.secret)).toString('hex')}`;
  }
  return `names:${entry.issuer.toLowerCase()}\u0000${entry.accountName.toLowerCase()}`;
}

/** The parts missing from each Google Authenticator transfer, as failures (numbers are 1-based). */
export function missingBatchParts(parts: readonly (BatchPart & { file: string })[]): ImportNote[] {
  const batches = new Map<number, (BatchPart & { file: string })[]>();
  for (const part of parts) {
    if (part.batchSize <= 1) continue;
    const batch = batches.get(part.batchId);
    if (batch) batch.push(part);
    else batches.set(part.batchId, [part]);
  }
  const notes: ImportNote[] = [];
  for (const [batchId, seen] of batches) {
    const size = seen.reduce((largest, part) => Math.max(largest, part.batchSize), 0);
    const files = [...new Set(seen.map((part) => part.file))].join(', ');
    const present = new Set(seen.map((part) => part.batchIndex));
    const missing: number[] = [];
    for (let index = 0; index < size; index++) if (!present.has(index)) missing.push(index + 1);
    if (missing.length === 0) continue;
    notes.push({
      file: files,
      label: `Google Authenticator transfer ${batchId >>> 0}`,
      reason: `QR code${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${size} ${missing.length > 1 ? 'are' : 'is'} missing: import every code of the transfer together`,
    });
  }
  return notes;
}

/** What may be shown of a plan: no secret, no password. */
export function previewOf(plan: ImportPlan): ImportPreview {
  const count = (list: readonly { file: string }[], name: string) =>
    list.filter((item) => item.file === name || item.file.split(', ').includes(name)).length;
  return {
    files: plan.files.map((file) => ({
      name: file.name,
      format: file.format,
      description: file.description,
      encrypted: file.encrypted,
      entries: count(plan.entries, file.name),
      duplicates: count(
        plan.entries.filter((entry) => entry.duplicateOf !== null),
        file.name,
      ),
      skipped: count(plan.skipped, file.name),
      failed: count(plan.failed, file.name),
    })),
    entries: plan.entries.map((entry) => ({
      file: entry.file,
      issuer: entry.issuer,
      accountName: entry.accountName,
      otp: entry.seed
        ? {
            type: entry.seed.type,
            algorithm: entry.seed.algorithm,
            digits: entry.seed.digits,
            period: entry.seed.period,
          }
        : null,
      tags: entry.tags,
      url: entry.url,
      hasNotes: entry.notes !== '',
      hasLogin: entry.login !== null,
      duplicateOf: entry.duplicateOf,
      warnings: entry.warnings,
    })),
    skipped: plan.skipped,
    failed: plan.failed,
    toImport: plan.entries.filter((entry) => entry.duplicateOf === null).length,
  };
}
