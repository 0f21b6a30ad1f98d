import { useEffect, useState } from 'react';
import type { DesktopSettings } from '../../../shared/contract/settings-methods.js';
import type { VaultStatus } from '../../../shared/contract/vault-methods.js';
import { call, errorMessage, onEvent } from '../api.js';
import type { NavRequest } from '../app/navigation.js';
import { useSectionFocus } from '../app/useSectionFocus.js';
import { useVaultData } from '../app/vault-data.js';
import { HealthSettings } from './HealthSettings.js';
import { RecentlyRemoved } from './RecentlyRemoved.js';
import { VaultPassword } from './VaultPassword.js';
import { SeverityNote } from '../ui/Severity.js';
import { ErrorMessage } from '../ui/Forms.js';
import { placeRefusal } from '../ui/useForm.js';

const AUTO_LOCK_CHOICES = [1, 2, 5, 10, 15, 30, 60, 0];
const CLIPBOARD_CHOICES = [10, 20, 30, 45, 60, 120, 0];

interface ChoiceProps {
  id: string;
  value: number;
  choices: number[];
  describe: (value: number) => string;
  onChange: (value: number) => void;
}

/** A select over fixed choices (0, "Never", last); a value set elsewhere (the CLI, a newer app) is offered too. */
function NumberChoice({ id, value, choices, describe, onChange }: ChoiceProps) {
  const offered = choices.includes(value)
    ? choices
    : [...choices, value].sort((a, b) => (a || Infinity) - (b || Infinity));
  return (
    <select id={id} value={value} onChange={(event) => onChange(Number(event.target.value))}>
      {offered.map((choice) => (
        <option key={choice} value={choice}>
          {describe(choice)}
        </option>
      ))}
    </select>
  );
}

function minutes(value: number): string {
  return value === 0 ? 'Never' : value === 1 ? 'After 1 minute' : `After ${value} minutes`;
}

function seconds(value: number): string {
  return value === 0 ? 'Never' : `After ${value} seconds`;
}

interface Props {
  status: VaultStatus;
  request: Extract<NavRequest, { view: 'settings' }>;
}

/** The vault's desktop settings; each change is saved at once (one transaction) and applied by main. */
export function SettingsView({ status, request }: Props) {
  const [settings, setSettings] = useState<DesktopSettings | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [refused, setRefused] = useState<{ key: string; message: string } | null>(null);
  const { changed } = useVaultData();
  const healthHeading = useSectionFocus(
    request.section === 'health-checks' ? request.serial : undefined,
    settings !== null,
  );
  const removedHeading = useSectionFocus(
    request.section === 'recently-removed' ? request.serial : undefined,
    settings !== null,
  );

  useEffect(() => {
    void call('getSettings', {}).then(setSettings, (caught: unknown) =>
      setError(errorMessage(caught)),
    );
    return onEvent('settingsChanged', setSettings);
  }, []);

  async function save(patch: Partial<DesktopSettings>, what: string) {
    if (settings === null) return;
    const before = settings;
    const key = Object.keys(patch)[0] ?? '';
    setError(null);
    setSaved(null);
    setRefused(null);
    // Shown at once; put back if the vault refuses it.
    setSettings({ ...settings, ...patch });
    try {
      setSettings(await call('updateSettings', patch));
      setSaved(`${what} saved.`);
      changed();
    } catch (caught) {
      setSettings(before);
      // The refusal is shown at the setting it concerns, in the words the setting is known by.
      const placed = placeRefusal(caught, {
        fields: { [key]: { noun: what.charAt(0).toLowerCase() + what.slice(1) } },
        coreField: key,
      });
      const message = placed.errors[key];
      if (message === undefined) setError(placed.formError);
      else setRefused({ key, message });
    }
  }

  if (settings === null) {
    return (
      <div className="settings" aria-busy={error === null}>
        <ErrorMessage error={error} />
      </div>
    );
  }

  return (
    <div className="settings">
      <h2>Settings</h2>
      <p className="muted">These settings belong to this vault and are stored in it, encrypted.</p>

      <section className="card" aria-labelledby="security-title">
        <h3 id="security-title">Locking and the clipboard</h3>
        <div className="setting">
          <label htmlFor="auto-lock">Lock the vault when Sparekey is not used</label>
          <NumberChoice
            id="auto-lock"
            value={settings.autoLockMinutes}
            choices={AUTO_LOCK_CHOICES}
            describe={minutes}
            onChange={(value) => void save({ autoLockMinutes: value }, 'Auto-lock')}
          />
          <p className="hint">It also locks when the computer sleeps or its screen locks.</p>
          {settings.autoLockMinutes === 0 && (
            <SeverityNote severity="warning">
              The vault stays open on an unattended computer until you lock it yourself.
            </SeverityNote>
          )}
        </div>
        <div className="setting">
          <label htmlFor="clipboard-clear">Clear a copied code from the clipboard</label>
          <NumberChoice
            id="clipboard-clear"
            value={settings.clipboardClearSeconds}
            choices={CLIPBOARD_CHOICES}
            describe={seconds}
            onChange={(value) => void save({ clipboardClearSeconds: value }, 'Clipboard clearing')}
          />
          <p className="hint">
            Only if the clipboard still holds what Sparekey put there: something you copied since is
            left alone. It is also cleared when the vault locks and when Sparekey quits.
          </p>
          {settings.clipboardClearSeconds === 0 && (
            <SeverityNote severity="warning">
              Copied codes stay on the clipboard, where other apps can read them.
            </SeverityNote>
          )}
        </div>
      </section>

      <section className="card" aria-labelledby="privacy-title">
        <h3 id="privacy-title">Screen</h3>
        <div className="setting">
          <label className="check">
            <input
              autoComplete="off"
              type="checkbox"
              checked={settings.screenCaptureProtection}
              onChange={(event) =>
                void save(
                  { screenCaptureProtection: event.target.checked },
                  'Screen-capture protection',
                )
              }
            />
            Hide the Sparekey window from screenshots and screen sharing
          </label>
          <p className="hint">Honoured by Windows and macOS; most Linux desktops ignore it.</p>
        </div>
      </section>

      <VaultPassword />

      <HealthSettings
        settings={settings}
        headingRef={healthHeading}
        refused={refused}
        onSave={(patch, what) => void save(patch, what)}
      />

      <RecentlyRemoved headingRef={removedHeading} />

      <section className="card" aria-labelledby="file-title">
        <h3 id="file-title">Vault file</h3>
        <p className="path mono">{status.vaultPath}</p>
        <p className="hint">Open another vault file from the File menu (Ctrl/Cmd+O).</p>
      </section>

      <p className="save-status" role="status" aria-live="polite">
        {saved}
      </p>
      <ErrorMessage error={error} />
    </div>
  );
}
