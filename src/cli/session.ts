import { VaultError } from '../shared/errors.js';
import { Output } from './output.js';
import { vaultPassword } from './passwords.js';
import { isInteractive, type Terminal } from './terminal.js';
import {
  type Clock,
  counterMemoryPath,
  defaultVaultPath,
  FileCounterMemory,
  FixedClock,
  systemClock,
  Vault,
} from '../core/index.js';

export interface GlobalOptions {
  vault?: string;
  json?: boolean;
}

/** Parses an ISO-8601 instant given on the command line. */
export function parseInstant(text: string, option: string): number {
  const instant = Date.parse(text);
  if (Number.isNaN(instant)) {
    throw new VaultError(
      'INVALID_INPUT',
      `${option} takes an ISO-8601 time such as 2026-05-03T10:00:00Z, not "${text}".`,
    );
  }
  return instant;
}

/** Parses a calendar date (YYYY-MM-DD, or a full ISO time) given on the command line. */
export function parseDate(text: string, option: string): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return parseInstant(`${text}T00:00:00Z`, option);
  return parseInstant(text, option);
}

/** One run of the CLI: where the vault is, how to ask for its password, where output goes. */
export class CliSession {
  readonly output: Output;

  constructor(
    readonly terminal: Terminal,
    private readonly globals: GlobalOptions,
  ) {
    this.output = new Output(terminal, Boolean(globals.json));
  }

  /** --vault, else SPAREKEY_VAULT, else the per-user default the desktop app uses too. */
  get vaultPath(): string {
    return (
      this.globals.vault ||
      this.terminal.env.SPAREKEY_VAULT ||
      defaultVaultPath(process.platform, this.terminal.env)
    );
  }

  /** This computer's memory of each vault's write counter, shared with the desktop app. */
  get counterMemory(): FileCounterMemory {
    return new FileCounterMemory(counterMemoryPath(process.platform, this.terminal.env));
  }

  clock(at?: string): Clock {
    return at === undefined ? systemClock : new FixedClock(parseInstant(at, '--at'));
  }

  /** Opens the vault, still locked; a missing vault says how to create one. */
  openLocked(clock: Clock = systemClock): Vault {
    try {
      return Vault.open(this.vaultPath, { clock, counterMemory: this.counterMemory });
    } catch (error) {
      if (error instanceof VaultError && error.code === 'NOT_FOUND') {
        throw new VaultError(
          'NOT_FOUND',
          `There is no vault at ${this.vaultPath}. Create one with \`sparekey init\`, or point --vault or SPAREKEY_VAULT at yours.`,
        );
      }
      throw error;
    }
  }

  /** Says on stderr what unlocking found that the user should know: an upgrade, an older vault. */
  reportOpening(vault: Vault): void {
    const upgraded = vault.upgradedFrom;
    if (upgraded !== null) {
      this.output.note(
        `Upgraded the vault from format ${upgraded.fromFormat} to the current format${upgraded.fromFormat === 1 ? ' (every change now sealed into the whole vault)' : ''}. The vault as it was is kept at ${upgraded.copy}.`,
      );
    }
    const older = vault.olderThanLastSeen;
    if (older !== null) {
      this.output.note(
        `Warning: this vault is older than the one this computer last opened: ${older.missingChanges} ${older.missingChanges === 1 ? 'change is' : 'changes are'} missing. Was a backup restored or the file replaced? Going on with it; this computer now remembers it as it is.`,
      );
      vault.acceptOlderVault();
    }
  }

  /**
   * The vault password (SPAREKEY_PASSWORD, or typed at a prompt). While it is typed,
   * the vault does the part of its unlock check that needs no key.
   */
  passwordFor(vault: Vault, prompt?: string): Promise<string> {
    const typed = !this.terminal.env.SPAREKEY_PASSWORD && isInteractive(this.terminal);
    const asking = vaultPassword(this.terminal, prompt);
    if (typed) vault.prepareUnlock();
    return asking;
  }

  /** Opens and unlocks the vault, runs `action`, and always locks and closes it. */
  async withVault<T>(
    action: (vault: Vault) => T | Promise<T>,
    options: { clock?: Clock } = {},
  ): Promise<T> {
    const vault = this.openLocked(options.clock);
    try {
      await vault.unlock(await this.passwordFor(vault));
      this.reportOpening(vault);
      return await action(vault);
    } finally {
      vault.close();
    }
  }
}
