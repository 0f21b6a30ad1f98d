import type { BackupResult } from '../../shared/backups.js';
import { SECOND_MS } from '../../shared/durations.js';
import type { AppSession } from './app-session.js';
import type { TimerHandle, Timers } from './timers.js';
import {
  type BackupTiming,
  DEFAULT_BACKUP_TIMING,
  nextBackupAt,
  type Clock,
} from '../../core/index.js';

export interface AutoBackupOptions {
  clock: Clock;
  timers?: Timers;
  /** How often to look whether a backup is due. */
  pollMs?: number;
  timing?: BackupTiming;
  onBackup?: (result: BackupResult) => void;
  /** A failed backup (it is retried after `timing.retryMs`). */
  onError?: (error: unknown) => void;
}

export const AUTO_BACKUP_POLL_MS = 15 * SECOND_MS;

/**
 * The desktop app's automatic backups: while the vault is unlocked and its
 * `autoBackup` setting is on, each poll asks `nextBackupAt` (a pure function of
 * the vault's change count, its last backup and the clock) and backs up when it
 * is due: after changes have settled, and at least daily. Changes made by the
 * CLI count too, since the count is kept in the vault. The shell only starts it.
 */
export class AutoBackup {
  private timer: TimerHandle | null = null;
  private busy = false;
  private lastFailureAt: number | null = null;
  private readonly timers: Timers;

  constructor(
    private readonly session: AppSession,
    private readonly options: AutoBackupOptions,
  ) {
    this.timers = options.timers ?? {
      setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
      clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
    };
  }

  start(): void {
    this.stop();
    this.schedule();
  }

  stop(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  /** One look: makes the backup if one is due; returns it, or null when none was due (or it failed). */
  async check(): Promise<BackupResult | null> {
    if (this.busy) return null;
    let vault;
    try {
      vault = this.session.unlocked();
      if (!vault.settings.get().autoBackup) return null;
      const timing = this.options.timing ?? DEFAULT_BACKUP_TIMING;
      const due = nextBackupAt(vault.backups.state(), timing, this.lastFailureAt);
      if (due > this.options.clock.now()) return null;
    } catch {
      return null; // Locked, or closed: nothing to back up.
    }
    this.busy = true;
    try {
      const result = await vault.backups.create();
      this.lastFailureAt = null;
      this.options.onBackup?.(result);
      return result;
    } catch (error) {
      this.lastFailureAt = this.options.clock.now();
      this.options.onError?.(error);
      return null;
    } finally {
      this.busy = false;
    }
  }

  private schedule(): void {
    this.timer = this.timers.setTimeout(
      () =>
        this.check().finally(() => {
          if (this.timer !== null) this.schedule();
        }),
      this.options.pollMs ?? AUTO_BACKUP_POLL_MS,
    );
  }
}
