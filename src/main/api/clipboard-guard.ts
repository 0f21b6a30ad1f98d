import type { TimerHandle, Timers } from './timers.js';
import { SECOND_MS } from '../../shared/durations.js';

/** The system clipboard, as the shell sees it (Electron's, or a test's in-memory one). */
export interface ClipboardPort {
  readText(): Promise<string>;
  writeText(text: string): Promise<void>;
  clear(): void | Promise<void>;
}

/**
 * Copies a code or a secret and clears it later, KeePassXC's way: only if the
 * clipboard still holds exactly what was copied, so whatever the user copied
 * since is never wiped. Clearing is also done on lock and on quit.
 */
export class ClipboardGuard {
  private copied: string | null = null;
  private timer: TimerHandle | null = null;

  constructor(
    private readonly clipboard: ClipboardPort,
    private readonly timers: Timers,
  ) {}

  /** Puts `text` on the clipboard; clears it after `clearAfterSeconds` (0: never). */
  async copy(text: string, clearAfterSeconds: number): Promise<void> {
    this.cancelTimer();
    this.copied = text;
    await this.clipboard.writeText(text);
    if (clearAfterSeconds > 0) {
      this.timer = this.timers.setTimeout(() => {
        this.timer = null;
        return this.clearIfUnchanged().catch(() => undefined);
      }, clearAfterSeconds * SECOND_MS);
    }
  }

  /** Clears the clipboard if it still holds what was copied; forgets the copy either way. */
  async clearIfUnchanged(): Promise<boolean> {
    this.cancelTimer();
    const copied = this.copied;
    this.copied = null;
    if (copied === null || (await this.clipboard.readText()) !== copied) return false;
    await this.clipboard.clear();
    return true;
  }

  /** Whether a copy is waiting to be cleared. */
  get pending(): boolean {
    return this.copied !== null;
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }
}
