import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { EntryCollector } from '../entries.js';
import type { FileContent } from '../file-content.js';
import type { Importer } from '../import-types.js';
import { type BitwardenItem, collectBitwardenItems } from './bitwarden-items.js';

/**
 * Bitwarden's CSV export (personal vault): folder, favorite, type, name, notes,
 * fields, reprompt, login_uri, login_username, login_password, login_totp.
 * Columns are read by their header's names, in any order; a row with more
 * fields than the header has (Bitwarden Authenticator writes such rows) keeps
 * the named ones, as Bitwarden does, and says so when the extra ones hold text.
 * Rows become the items of a JSON export and are converted the same way.
 */

const REQUIRED_COLUMNS = ['type', 'name', 'login_totp'];

const RowSchema = z.record(z.string(), z.string());

function header(file: FileContent): string[] {
  const firstLine = (file.text ?? '').replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return firstLine.split(',').map((column) => column.trim().toLowerCase());
}

interface CsvRow {
  fields: Record<string, string>;
  /** Text in fields past the header's columns, which is not read. */
  extra: number;
}

/** What is wrong with text csv-parse refused, in words (its own message is not shown). */
function csvProblem(error: unknown): string {
  const { code, lines } = (error ?? {}) as { code?: unknown; lines?: unknown };
  if (code === 'CSV_QUOTE_NOT_CLOSED') {
    return 'it is not valid CSV: a quoted field is never closed (the file ends inside it)';
  }
  return typeof lines === 'number' && lines > 0
    ? `it is not valid CSV: its quoting is broken on line ${lines}`
    : 'it is not valid CSV';
}

/** Rows as records keyed by the header's (lower-case) names; throws on broken quoting. */
function readRows(text: string): CsvRow[] {
  const records = parse(text, {
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
  }) as string[][];
  const [head = [], ...rows] = records;
  const names = head.map((name) => name.trim().toLowerCase());
  return rows.map((row) => {
    const fields: Record<string, string> = {};
    names.forEach((name, index) => {
      if (name !== '' && !(name in fields)) fields[name] = row[index] ?? '';
    });
    const extra = row.slice(names.length).filter((value) => value.trim() !== '').length;
    return { fields, extra };
  });
}

function rowToItem(row: Record<string, string>): BitwardenItem & { folder: string } {
  // Bitwarden writes the type's name; Bitwarden Authenticator writes its number (1 for a login).
  const type = row.type?.trim().toLowerCase();
  const numbered = /^\d+$/.test(type ?? '') ? Number(type) : undefined;
  const uris = (row.login_uri ?? '')
    .split(',')
    .map((uri) => uri.trim())
    .filter((uri) => uri !== '');
  return {
    type:
      numbered !== undefined
        ? numbered
        : type === 'login'
          ? 1
          : type === 'note'
            ? 2
            : type === 'card'
              ? 3
              : type === 'identity'
                ? 4
                : 0,
    name: row.name ?? '',
    notes: row.notes ?? '',
    folder: row.folder?.trim() ?? '',
    // CSV fields are "name: value" lines; whether one was hidden is not in the file.
    fields: (row.fields ?? '')
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const colon = line.indexOf(': ');
        return colon < 0
          ? { name: line, value: '', type: 0 }
          : { name: line.slice(0, colon), value: line.slice(colon + 2), type: 0 };
      }),
    login: {
      username: row.login_username ?? '',
      password: row.login_password ?? '',
      totp: row.login_totp ?? '',
      uris: uris.map((uri) => ({ uri })),
    },
  };
}

export const bitwardenCsvImporter: Importer = {
  format: 'bitwarden-csv',
  label: 'Bitwarden CSV export',
  detect: (file) => {
    const columns = header(file);
    return REQUIRED_COLUMNS.every((column) => columns.includes(column));
  },
  open: (file) => {
    const text = file.requireText();
    let rows: CsvRow[];
    try {
      rows = readRows(text);
    } catch (error) {
      throw file.damaged(`${csvProblem(error)}; the file is truncated or was edited`, error);
    }
    return {
      encrypted: false,
      read: () => {
        const collector = new EntryCollector();
        const items = rows.map((row) => {
          const parsed = RowSchema.safeParse(row.fields);
          return parsed.success ? { ...rowToItem(parsed.data), extra: row.extra } : row.fields;
        });
        collectBitwardenItems(
          items,
          (item) => {
            const folder = (item as { folder?: unknown }).folder;
            return typeof folder === 'string' && folder !== '' ? [folder] : [];
          },
          collector,
          (item) => {
            const extra = (item as { extra?: unknown }).extra;
            return typeof extra === 'number' && extra > 0
              ? [
                  `its row has ${extra} value${extra === 1 ? '' : 's'} past the header's columns, which ${extra === 1 ? 'was' : 'were'} not read`,
                ]
              : [];
          },
        );
        return Promise.resolve(collector.result());
      },
    };
  },
};
