import type { Clock } from './clock.js';
import type { Random } from './random.js';
import type { VaultDatabase } from './storage/database.js';
import type { RecordStore } from './storage/records.js';

/**
 * What every feature of the core works with: the database, the encrypted
 * records (only while unlocked), the clock and the randomness.
 */
export interface VaultContext {
  readonly db: VaultDatabase;
  readonly clock: Clock;
  readonly random: Random;
  /** The encrypted records; throws LOCKED while the vault is locked. */
  records(): RecordStore;
  /** Runs `fn` as one write transaction: all of it is committed, or none of it. */
  write<T>(fn: () => T): T;
  /** Runs `fn` on one consistent snapshot. */
  read<T>(fn: () => T): T;
  /** A new random record id. */
  newId(): string;
  /** Calls `listener` whenever the vault locks (caches of decrypted data must be dropped). */
  onLock(listener: () => void): void;
}
