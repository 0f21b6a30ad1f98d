import type { Handlers } from '../../../shared/contract/index.js';
import type { AppSession } from '../app-session.js';
import { type DesktopServices, desktopSettingsOf } from '../desktop-services.js';

type SettingsHandlers = Pick<Handlers, 'getSettings' | 'updateSettings'>;

export function settingsHandlers(
  session: AppSession,
  desktop: DesktopServices | undefined,
): SettingsHandlers {
  return {
    getSettings: () => desktopSettingsOf(session.unlocked().settings.get()),
    updateSettings: (patch) => {
      const saved = session.unlocked().settings.update(patch);
      return desktop ? desktop.settingsChanged(saved) : desktopSettingsOf(saved);
    },
  };
}
