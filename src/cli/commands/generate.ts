import { Option } from 'commander';
import { VaultError } from '../../shared/errors.js';
import type { CommandModule } from '../command-kit.js';
import { generatePassword, systemRandom } from '../../core/index.js';

interface GenerateOptions {
  length?: string;
  words?: string;
  separator?: string;
  symbols: boolean;
  ambiguous: boolean;
}

function wholeNumber(text: string | undefined, option: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text))
    throw new VaultError('INVALID_INPUT', `${option} takes a whole number, not "${text}".`);
  return Number(text);
}

export const generateCommand: CommandModule = (program, sessionFor) => {
  program
    .command('generate')
    .description(
      "print a new random password (with --words, a passphrase from EFF's word list) and its strength; needs no vault",
    )
    .addOption(new Option('--length <n>', 'characters (4 to 128; default 20)').conflicts('words'))
    .option('--words <n>', 'a passphrase of this many words instead (3 to 20; 6 is a good choice)')
    .option('--separator <text>', 'between the words of a passphrase (default "-")')
    .addOption(new Option('--no-symbols', 'letters and digits only').conflicts('words'))
    .addOption(
      new Option(
        '--no-ambiguous',
        'leave out look-alike characters (0 O o 1 l I | and quotes)',
      ).conflicts('words'),
    )
    .action((options: GenerateOptions, command) => {
      const out = sessionFor(command).output;
      const words = wholeNumber(options.words, '--words');
      if (options.separator !== undefined && words === undefined) {
        throw new VaultError('INVALID_INPUT', '--separator is for passphrases: give --words too.');
      }
      const generated = generatePassword(
        systemRandom,
        words !== undefined
          ? { kind: 'passphrase', words, separator: options.separator }
          : {
              kind: 'random',
              length: wholeNumber(options.length, '--length'),
              symbols: options.symbols,
              excludeAmbiguous: !options.ambiguous,
            },
      );
      if (out.json) return out.data(generated);
      // The bare password on stdout, for scripts and pipes; the rest is for the person.
      out.line(generated.password);
      const { strength } = generated;
      out.note(
        `${generated.kind === 'passphrase' ? `${words} words` : `${generated.password.length} characters`}, ` +
          `${generated.entropyBits} bits of entropy; strength ${strength.score} of 4 (${strength.label}). ` +
          strength.explanation,
      );
    });
};
