import type { Clock } from '../clock.js';
import type { VaultDatabase } from '../storage/database.js';
import type { RecordStore } from '../storage/records.js';
import {
  BACKUP_STATE_ID,
  BACKUP_STATE_KIND,
  type BackupState,
  BackupStateSchema,
  INITIAL_BACKUP_STATE,
} from './backup-state.js';

/**
 * Counts the vault's changes: every outermost write transaction that changed a
 * row bumps the counter in the same transaction, so a change and its count are
 * committed together. The backups' own bookkeeping runs `quietly`, uncounted.
 */
export class ChangeTracker {
  private depth = 0;
  private quiet = 0;

  constructor(
    private readonly db: VaultDatabase,
    private readonly clock: Clock,
  ) {}

  /** Runs `fn`, already inside a write transaction, and counts it if it changed anything. */
  track<T>(records: RecordStore, fn: () => T): T {
    if (this.depth > 0) return fn();
    const before = this.db.totalChanges();
    this.depth++;
    try {
      const result = fn();
      if (this.quiet === 0 && this.db.totalChanges() !== before) this.stamp(records);
      return result;
    } finally {
      this.depth--;
    }
  }

  /** Runs `fn` without counting what it writes (the record of a backup is not a change to back up). */
  quietly<T>(fn: () => T): T {
    this.quiet++;
    try {
      return fn();
    } finally {
      this.quiet--;
    }
  }

  /** Records one change now (inside the caller's write transaction). */
  stamp(records: RecordStore): void {
    const state = readBackupState(records);
    const now = this.clock.now();
    records.put(BACKUP_STATE_KIND, BACKUP_STATE_ID, null, {
      ...state,
      changes: state.changes + 1,
      lastChangeAt: now,
      oldestUnsavedChangeAt: state.oldestUnsavedChangeAt ?? now,
    } satisfies BackupState);
  }
}

export function readBackupState(records: RecordStore): BackupState {
  return (
    records.get(BACKUP_STATE_KIND, BACKUP_STATE_ID, BackupStateSchema)?.value ??
    INITIAL_BACKUP_STATE
  );
}
