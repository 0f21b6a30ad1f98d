import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

/** A vault older than the one this computer last opened. */
export interface OlderVault {
  /** The vault's write counter now. */
  counter: number;
  /** The highest counter this computer has seen for it. */
  seen: number;
  missingChanges: number;
}

/**
 * This computer's memory of the highest write counter it has seen per vault id.
 * It lives outside the vault (someone who can replace the vault file with an
 * older copy could replace anything inside it too), so a vault rolled back as a
 * whole is noticed on a computer that saw it newer.
 */
export interface CounterMemory {
  highest(vaultId: string): number | undefined;
  /** Keeps `counter` when it is higher than what is remembered. */
  remember(vaultId: string, counter: number): void;
  /** Remembers `counter` even when it is lower (the user went on with an older vault, or Sparekey restored one). */
  reset(vaultId: string, counter: number): void;
}

const MemoryFileSchema = z.object({
  format: z.literal(1),
  vaults: z.record(z.string(), z.object({ counter: z.number().int().nonnegative() })),
});
type MemoryFile = z.infer<typeof MemoryFileSchema>;

export const COUNTER_MEMORY_FILE = 'seen-vaults.json';

/**
 * The memory as a small JSON file in the per-user config folder (vault ids and
 * counters, nothing secret), replaced atomically and readable by its owner only.
 * An unreadable file is treated as empty: the memory only ever adds warnings.
 */
export class FileCounterMemory implements CounterMemory {
  constructor(readonly path: string) {}

  highest(vaultId: string): number | undefined {
    return this.load().vaults[vaultId]?.counter;
  }

  remember(vaultId: string, counter: number): void {
    const memory = this.load();
    const known = memory.vaults[vaultId]?.counter;
    if (known !== undefined && known >= counter) return;
    memory.vaults[vaultId] = { counter };
    this.save(memory);
  }

  reset(vaultId: string, counter: number): void {
    const memory = this.load();
    memory.vaults[vaultId] = { counter };
    this.save(memory);
  }

  private load(): MemoryFile {
    try {
      const parsed = MemoryFileSchema.safeParse(JSON.parse(readFileSync(this.path, 'utf8')));
      if (parsed.success) return parsed.data;
    } catch {
      // Missing or unreadable: start again.
    }
    return { format: 1, vaults: {} };
  }

  private save(memory: MemoryFile): void {
    mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(memory)}\n`, { mode: 0o600 });
    renameSync(temporary, this.path);
  }
}
