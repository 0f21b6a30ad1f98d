import { styleText } from 'node:util';
import { fileProblem } from '../core/index.js';
import { VaultError } from '../shared/errors.js';
import { type OutputStream, type Terminal, usesColor } from './terminal.js';

/**
 * The reader of standard output has gone (`sparekey list | head -1`): the
 * command stops and the CLI ends quietly with exit 0, as ripgrep does.
 */
export class OutputClosed extends Error {
  constructor() {
    super('Standard output was closed by its reader.');
    this.name = 'OutputClosed';
  }
}

export function isOutputClosed(error: unknown): error is OutputClosed {
  return error instanceof OutputClosed;
}

/** Rows written to stdout in one call: a 250,000-row listing is 500 writes, not 250,000. */
const ROWS_PER_WRITE = 500;

/**
 * What a command prints: data to stdout (plain text or JSON), messages to
 * stderr. Aligned tables and colour are for a person at a terminal; piped into
 * another program, a table is one tab-separated line per row, without header.
 */
export class Output {
  /** Whether stdout is a terminal a person reads (not a pipe or a file). */
  readonly onTerminal: boolean;
  private readonly color: boolean;

  constructor(
    private readonly terminal: Terminal,
    readonly json: boolean,
  ) {
    this.onTerminal = Boolean(terminal.stdout.isTTY);
    this.color = usesColor(terminal.stdout, terminal.env);
  }

  line(text = ''): void {
    this.write(`${text}\n`);
  }

  data(value: unknown): void {
    this.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  /** A message for the person at the terminal (progress, confirmations, warnings). */
  note(text: string): void {
    // Nowhere left to report a failed write to stderr: it is ignored.
    this.terminal.stderr.write(`${text}\n`);
  }

  /**
   * On a terminal: aligned columns, header first (bold where colour is on), the
   * last column not padded. Otherwise: tab-separated cells, no header, so
   * `cut -f2`, `sort` and `grep` see only the rows.
   */
  table(header: string[], rows: string[][]): void {
    if (!this.onTerminal) {
      const cell = (text: string) => text.replace(/[\t\r\n]+/g, ' ');
      this.writeLines(rows, (row) => row.map(cell).join('\t'));
      return;
    }
    // A loop, not Math.max(...column): spreading 250,000 rows into arguments overflows the stack.
    const widths = header.map((title) => title.length);
    for (const row of rows) {
      row.forEach((cell, column) => {
        widths[column] = Math.max(widths[column] ?? 0, cell.length);
      });
    }
    const format = (row: string[]) =>
      row
        .map((cell, column) =>
          column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0),
        )
        .join('  ')
        .trimEnd();
    const title = format(header);
    this.line(this.color ? styleText('bold', title, { validateStream: false }) : title);
    this.writeLines(rows, format);
  }

  private writeLines(rows: string[][], format: (row: string[]) => string): void {
    for (let start = 0; start < rows.length; start += ROWS_PER_WRITE) {
      const chunk = rows.slice(start, start + ROWS_PER_WRITE).map(format);
      this.write(`${chunk.join('\n')}\n`);
    }
  }

  /** Writes to stdout; a failed write ends the command (see OutputClosed). */
  private write(text: string): void {
    const stdout = this.terminal.stdout;
    failIfErrored(stdout);
    stdout.write(text);
    failIfErrored(stdout);
  }
}

function failIfErrored(stream: OutputStream): void {
  const error = stream.errored as NodeJS.ErrnoException | null | undefined;
  if (!error) return;
  if (error.code === 'EPIPE') throw new OutputClosed();
  throw new VaultError(
    'IO_ERROR',
    `Could not write to standard output: ${fileProblem(error, 'write')}.`,
    undefined,
    { cause: error },
  );
}

/** A date for people: 2026-05-03 (the CLI is read in many locales; ISO dates are unambiguous). */
export function formatDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}
