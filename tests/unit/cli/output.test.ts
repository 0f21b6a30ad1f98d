import { Readable, Writable } from 'node:stream';
import { WriteStream } from 'node:tty';
import { describe, expect, it } from 'vitest';
import { isOutputClosed, Output } from '../../../src/cli/output.js';
import { runCli } from '../../../src/cli/run.js';
import type { OutputStream, Terminal } from '../../../src/cli/terminal.js';

/** A stream that keeps what is written; `tty` makes it look like a colour terminal (Node's own colour logic). */
function capture(tty = false): OutputStream & { text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  }) as Writable & OutputStream & { text: () => string };
  stream.text = () => chunks.join('');
  if (tty) {
    stream.isTTY = true;
    stream.hasColors = (env?: object) =>
      WriteStream.prototype.hasColors.call(
        { getColorDepth: WriteStream.prototype.getColorDepth },
        16,
        env,
      );
  }
  return stream;
}

/** A stream whose reader has gone: every write fails as a closed pipe's does. */
function closedPipe(code = 'EPIPE'): OutputStream {
  const stream = new Writable({
    write(_chunk, _encoding, done) {
      done(Object.assign(new Error(`write ${code}`), { code }));
    },
  });
  stream.on('error', () => undefined);
  return stream;
}

function terminal(
  stdout: OutputStream,
  env: NodeJS.ProcessEnv = { TERM: 'xterm-256color' },
  stderr: OutputStream = capture(),
): Terminal {
  return { stdin: Readable.from([]), stdout, stderr, env };
}

const HEADER = ['ID', 'ISSUER', 'ACCOUNT'];
const ROWS = [
  ['a1', 'GitHub', 'octocat'],
  ['b22', 'Bank\twith a tab', ''],
];

describe('Output.table', () => {
  it('on a terminal: aligned columns under a header, the last column not padded', () => {
    const stdout = capture(true);
    new Output(terminal(stdout, { NO_COLOR: '1' }), false).table(HEADER, ROWS);
    expect(stdout.text()).toBe(
      'ID   ISSUER           ACCOUNT\na1   GitHub           octocat\nb22  Bank\twith a tab\n',
    );
  });

  it('piped: one tab-separated line per row, no header, tabs and line breaks in a cell made spaces', () => {
    const stdout = capture(false);
    new Output(terminal(stdout), false).table(HEADER, [...ROWS, ['c', 'Two\nlines', 'x']]);
    expect(stdout.text()).toBe('a1\tGitHub\toctocat\nb22\tBank with a tab\t\nc\tTwo lines\tx\n');
  });

  it('prints 250,000 rows either way without overflowing the stack', () => {
    const rows = Array.from({ length: 250_000 }, (_, i) => [String(i), `Service ${i}`, 'x']);
    for (const tty of [true, false]) {
      const stdout = capture(tty);
      new Output(terminal(stdout, { NO_COLOR: '1' }), false).table(HEADER, rows);
      const lines = stdout.text().split('\n');
      expect(lines).toHaveLength(250_000 + (tty ? 1 : 0) + 1);
      expect(lines.at(-2)).toMatch(/^249999\s+Service 249999\s+x$/);
    }
  });
});

describe('colour', () => {
  it('only on a colour terminal, and never with NO_COLOR or TERM=dumb', () => {
    const coloured = capture(true);
    new Output(terminal(coloured, { TERM: 'xterm-256color' }), false).table(HEADER, ROWS);
    expect(coloured.text()).toContain('\u001b[1mID');

    for (const env of [{ TERM: 'xterm-256color', NO_COLOR: '1' }, { TERM: 'dumb' }]) {
      const plain = capture(true);
      new Output(terminal(plain, env), false).table(HEADER, ROWS);
      expect(plain.text(), JSON.stringify(env)).not.toContain('\u001b[');
    }
  });

  it('errors on a colour terminal start with a red "sparekey:"; with NO_COLOR plain', async () => {
    const red = (text: string) => `\u001b[31m${text}\u001b[39m`;
    for (const [env, expected] of [
      [{ TERM: 'xterm-256color' }, `${red('sparekey:')} There is no vault`],
      [{ TERM: 'xterm-256color', NO_COLOR: '1' }, 'sparekey: There is no vault'],
    ] as const) {
      const stderr = capture(true);
      const code = await runCli(
        ['show', 'x', '--vault', '/nonexistent/v.sparekey'],
        terminal(capture(), env, stderr),
        '0',
      );
      expect(code).toBe(1);
      expect(stderr.text().startsWith(expected), stderr.text()).toBe(true);
    }
  });
});

describe('a closed stdout', () => {
  it('a write into a closed pipe ends the command with OutputClosed', () => {
    const output = new Output(terminal(closedPipe()), false);
    let thrown: unknown;
    try {
      output.line('first');
      output.line('second');
    } catch (error) {
      thrown = error;
    }
    expect(isOutputClosed(thrown)).toBe(true);
  });

  it('another write failure (a full disk) is an error that says so', () => {
    const output = new Output(terminal(closedPipe('ENOSPC')), false);
    expect(() => output.line('x')).toThrow('Could not write to standard output: the disk is full.');
  });

  it('runCli ends quietly with exit 0 when the reader goes away mid-listing', async () => {
    const stderr = capture();
    const code = await runCli(['generate'], terminal(closedPipe(), {}, stderr), '0');
    expect(code).toBe(0);
    expect(stderr.text()).not.toMatch(/EPIPE|unexpected/);
  });
});

describe('an unexpected error (a bug)', () => {
  /** A stdout whose write throws what a library would: its own text, not Sparekey's. */
  function brokenStdout(): OutputStream {
    const stream = new Writable({ write: (_chunk, _encoding, done) => done() });
    stream.write = () => {
      throw new TypeError("Cannot read properties of undefined (reading 'columns')");
    };
    return stream;
  }

  it("is reported as a bug without the library's text, which SPAREKEY_DEBUG=1 adds", async () => {
    const stderr = capture();
    const code = await runCli(['generate'], terminal(brokenStdout(), {}, stderr), '0');
    expect(code).toBe(1);
    expect(stderr.text()).toBe(
      'sparekey: the command stopped on a problem Sparekey did not expect (a bug; please report it). Set SPAREKEY_DEBUG=1 to see its details.\n',
    );

    const debug = capture();
    await runCli(['generate'], terminal(brokenStdout(), { SPAREKEY_DEBUG: '1' }, debug), '0');
    expect(debug.text()).toContain(
      "TypeError: Cannot read properties of undefined (reading 'columns')",
    );
  });
});
