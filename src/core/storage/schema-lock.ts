import { VaultError } from '../../shared/errors.js';
import type { VaultDatabase } from './database.js';
import { CURRENT_FORMAT, SCHEMA_QUERY, type SchemaEntry, schemaDifferences } from './schema.js';

/**
 * The schema lock: a vault's `sqlite_schema` must be exactly what Sparekey's
 * migrations create for one of its formats, every table and index with its SQL.
 * A trigger (which could silently undo a write), a view, an extra table or a
 * changed definition is damage, named; nothing else is read until this passes.
 * Returns the formats whose schema the file has, newest first (formats 2 and 3
 * have the same tables: their difference is in how rows are tagged).
 */
export function checkSchema(db: VaultDatabase): number[] {
  const actual = db.statement(SCHEMA_QUERY).all() as SchemaEntry[];
  const formats: number[] = [];
  for (let format = CURRENT_FORMAT; format >= 1; format--) {
    if (schemaDifferences(actual, format).length === 0) formats.push(format);
  }
  if (formats.length > 0) return formats;
  const claimed = claimedFormat(db);
  if (claimed !== undefined && claimed > CURRENT_FORMAT) {
    throw new VaultError(
      'NEWER_FORMAT',
      `${db.path} was written by a newer version of Sparekey (vault format ${claimed}; this version reads up to ${CURRENT_FORMAT}). Update Sparekey to open it; the file was not changed.`,
      { format: claimed, supported: CURRENT_FORMAT },
    );
  }
  const differences = schemaDifferences(
    actual,
    claimed !== undefined && claimed >= 1 ? claimed : CURRENT_FORMAT,
  );
  throw new VaultError(
    'VAULT_DAMAGED',
    `The vault file ${db.path} was changed outside Sparekey: it holds ${differences.join('; ')}. Sparekey does not open it, so that nothing planted in it can run. Restore the latest backup.`,
    { part: 'schema', found: differences },
  );
}

/** The format number the header claims, read as plainly as possible (for the message only). */
function claimedFormat(db: VaultDatabase): number | undefined {
  try {
    if (!db.tableExists('vault_header')) return undefined;
    const row = db.statement('SELECT format FROM vault_header').get() as
      { format: unknown } | undefined;
    return typeof row?.format === 'number' ? row.format : undefined;
  } catch {
    return undefined;
  }
}
