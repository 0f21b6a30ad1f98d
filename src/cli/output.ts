import type { Terminal } from './terminal.js';

/** What a command prints: data to stdout (plain text or JSON), messages to stderr. */
export class Output {
  constructor(
    private readonly terminal: Terminal,
    readonly json: boolean,
  ) {}

  line(text = ''): void {
    this.terminal.stdout.write(`${text}\n`);
  }

  data(value: unknown): void {
    this.terminal.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  /** A message for the person at the terminal (progress, confirmations, warnings). */
  note(text: string): void {
    this.terminal.stderr.write(`${text}\n`);
  }

  /** Aligned columns, header first; the last column is not padded. */
  table(header: string[], rows: string[][]): void {
    const widths = header.map((title, column) =>
      Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
    );
    const format = (row: string[]) =>
      row
        .map((cell, column) =>
          column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0),
        )
        .join('  ')
        .trimEnd();
    this.line(format(header));
    for (const row of rows) this.line(format(row));
  }
}

/** A date for people: 2026-05-03 (the CLI is read in many locales; ISO dates are unambiguous). */
export function formatDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}
