import { styleText } from 'node:util';
import { CommanderError } from 'commander';
import { isVaultError } from '../shared/errors.js';
import { EXIT_OK, EXIT_REFUSED, exitCodeFor } from './exit-codes.js';
import { isOutputClosed } from './output.js';
import { buildProgram } from './program.js';
import { type Terminal, usesColor } from './terminal.js';

/**
 * Runs the CLI and returns its exit code. Every failure becomes one line on
 * stderr naming the problem; a stack trace is shown only with SPAREKEY_DEBUG=1.
 * A closed stdout ends the command quietly with exit 0.
 */
export async function runCli(argv: string[], terminal: Terminal, version: string): Promise<number> {
  const program = buildProgram(terminal, version);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    // The reader of stdout has gone (`sparekey list | head -1`): nothing more to say.
    if (isOutputClosed(error)) return EXIT_OK;
    if (error instanceof CommanderError) {
      // Commander already printed its message (or the help / version text).
      return error.exitCode === 0 ? EXIT_OK : EXIT_REFUSED;
    }
    const prefix = usesColor(terminal.stderr, terminal.env)
      ? styleText('red', 'sparekey:', { validateStream: false })
      : 'sparekey:';
    if (isVaultError(error)) {
      terminal.stderr.write(`${prefix} ${error.message}\n`);
      const candidates = error.details?.candidates;
      if (Array.isArray(candidates)) {
        for (const candidate of candidates as {
          id: string;
          issuer: string;
          accountName: string;
        }[]) {
          const name = [candidate.issuer, candidate.accountName].filter(Boolean).join(':');
          terminal.stderr.write(`  ${candidate.id}  ${name}\n`);
        }
      }
      return exitCodeFor(error.code);
    }
    // A bug: the error's own text is a library's or the system's, shown only on request.
    terminal.stderr.write(
      `${prefix} the command stopped on a problem Sparekey did not expect (a bug; please report it). Set SPAREKEY_DEBUG=1 to see its details.\n`,
    );
    if (terminal.env.SPAREKEY_DEBUG === '1') {
      const details = error instanceof Error ? (error.stack ?? error.message) : String(error);
      terminal.stderr.write(`${details}\n`);
    }
    return EXIT_REFUSED;
  }
}
