import type { EventSender, LockReason } from '../../shared/contract/events.js';
import type { DesktopSettings } from '../../shared/contract/settings-methods.js';
import type { SheetPaper } from '../../shared/sheets.js';
import type { VaultStatus } from '../../shared/contract/vault-methods.js';
import { type ClipboardPort, ClipboardGuard } from './clipboard-guard.js';
import { IdleLock } from './idle-lock.js';
import type { Timers } from './timers.js';
import type { AppSession } from './app-session.js';
import { type Clock, type VaultSettings, VaultSettingsSchema } from '../../core/index.js';

/** What the OS save dialog is asked: its title, the suggested file name, the file types offered. */
export interface SaveFileRequest {
  title: string;
  defaultName: string;
  filters: { name: string; extensions: string[] }[];
}

/** What the desktop shell provides: Electron's in the app, in-memory ones in the e2e host. */
export interface DesktopPorts {
  clipboard: ClipboardPort;
  timers: Timers;
  /** The wall clock idle time is measured on. */
  clock: Clock;
  /** Delivers a notification to the renderer. */
  send: EventSender;
  /** Turns the window's screen-capture protection on or off. */
  setContentProtection(enabled: boolean): void;
  /**
   * Asks the user where to save a file (the OS save dialog, in main): the path
   * they chose, or null when they cancelled. The renderer never names a path.
   */
  chooseSavePath(request: SaveFileRequest): Promise<string | null>;
  /**
   * A recovery sheet's HTML as PDF bytes, made in memory (Electron: printToPDF
   * in a hidden, sandboxed window). Nothing is written to disk.
   */
  renderPdf(html: string, paper: SheetPaper): Promise<Uint8Array>;
  /** Sends a recovery sheet to the system print dialog: true if the user printed it, false if they cancelled. */
  printHtml(html: string, paper: SheetPaper): Promise<boolean>;
}

export type SystemEvent = 'suspend' | 'lock-screen';

const LOCK_ON_SYSTEM_EVENT: Record<SystemEvent, LockReason> = {
  suspend: 'suspend',
  'lock-screen': 'screen-locked',
};

export function desktopSettingsOf(settings: VaultSettings): DesktopSettings {
  return {
    autoLockMinutes: settings.autoLockMinutes,
    clipboardClearSeconds: settings.clipboardClearSeconds,
    screenCaptureProtection: settings.screenCaptureProtection,
    lowCodesMinimum: settings.lowCodesMinimum,
    lowCodesFraction: settings.lowCodesFraction,
    staleContactDays: settings.staleContactDays,
    untestedSignInDays: settings.untestedSignInDays,
    passwordMaxAgeDays: settings.passwordMaxAgeDays,
    clockCheckEnabled: settings.clockCheckEnabled,
    clockCheckServer: settings.clockCheckServer,
    clockToleranceSeconds: settings.clockToleranceSeconds,
  };
}

/**
 * The desktop behaviour around the session, without Electron: auto-lock after
 * idle time, on suspend and on screen lock; the clipboard guard; applying the
 * vault's settings; telling the renderer. The Electron shell and the e2e test
 * host both run exactly this, each with its own ports.
 */
export class DesktopServices {
  readonly clipboard: ClipboardGuard;
  private readonly idleLock: IdleLock;
  private settings: DesktopSettings = desktopSettingsOf(VaultSettingsSchema.parse({}));

  constructor(
    private readonly session: AppSession,
    private readonly ports: DesktopPorts,
  ) {
    this.clipboard = new ClipboardGuard(ports.clipboard, ports.timers);
    this.idleLock = new IdleLock(ports.timers, ports.clock, () => session.lock('idle'));
    session.onUnlock(() => {
      this.applySettings(this.readSettings());
      this.idleLock.start();
    });
    session.onLock((reason) => {
      this.idleLock.stop();
      void this.clipboard.clearIfUnchanged().catch(() => undefined);
      ports.send('locked', { reason, status: session.status() });
    });
  }

  /** The settings in force (the last unlocked vault's). */
  get currentSettings(): DesktopSettings {
    return this.settings;
  }

  /** Asks the user where to save a file; null when they cancelled. */
  chooseSavePath(request: SaveFileRequest): Promise<string | null> {
    return this.ports.chooseSavePath(request);
  }

  /** A sheet's HTML as PDF bytes, in memory. */
  renderPdf(html: string, paper: SheetPaper): Promise<Uint8Array> {
    return this.ports.renderPdf(html, paper);
  }

  /** Prints a sheet through the system dialog: whether the user printed it. */
  printHtml(html: string, paper: SheetPaper): Promise<boolean> {
    return this.ports.printHtml(html, paper);
  }

  /** Input from the user. */
  activity(): void {
    this.idleLock.activity();
  }

  /** Saved settings take effect at once, and the renderer hears of them. */
  settingsChanged(settings: VaultSettings): DesktopSettings {
    const view = this.applySettings(settings);
    this.ports.send('settingsChanged', view);
    return view;
  }

  /** The OS went to sleep or locked its screen. */
  systemEvent(event: SystemEvent): void {
    this.session.lock(LOCK_ON_SYSTEM_EVENT[event]);
  }

  /** Switches to another vault file (menu: Open Vault File…); it starts locked. */
  openVaultFile(path: string): VaultStatus {
    const status = this.session.useVaultFile(path);
    this.ports.send('vaultChanged', status);
    return status;
  }

  /** The app is quitting: clear what we copied, lock and close the vault. */
  async shutdown(): Promise<void> {
    try {
      await this.clipboard.clearIfUnchanged();
    } finally {
      this.session.close();
    }
  }

  private readSettings(): VaultSettings {
    try {
      return this.session.unlocked().settings.get();
    } catch {
      // A damaged settings record must not keep the vault from locking: use the defaults.
      return VaultSettingsSchema.parse({});
    }
  }

  private applySettings(settings: VaultSettings): DesktopSettings {
    this.settings = desktopSettingsOf(settings);
    this.idleLock.configure(this.settings.autoLockMinutes);
    this.ports.setContentProtection(this.settings.screenCaptureProtection);
    return this.settings;
  }
}
