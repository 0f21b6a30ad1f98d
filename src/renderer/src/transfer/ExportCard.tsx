import { type FormEvent, useState } from 'react';
import type {
  ExportToFileResult,
  FileExportFormat,
} from '../../../shared/contract/file-methods.js';
import type { GoogleMigrationQrView } from '../../../shared/contract/import-methods.js';
import { MIN_EXPORT_PASSWORD_LENGTH } from '../../../shared/import-export.js';
import { call } from '../api.js';
import { useVaultQuery } from '../app/vault-data.js';
import { ErrorMessage, RadioOption } from '../ui/Forms.js';
import { SectionCard } from '../ui/SectionCard.js';
import { SeverityNote } from '../ui/Severity.js';
import { useAction } from '../ui/useAction.js';
import { AccountChooser } from '../accounts/AccountChooser.js';
import { GoogleQrCodes } from './GoogleQrCodes.js';
import { NotExportedList } from './NotExportedList.js';

type Format = FileExportFormat | 'google-qr';

const FORMATS: { value: Format; label: string; hint: string }[] = [
  {
    value: 'aegis-encrypted',
    label: 'Aegis vault, encrypted (.json)',
    hint: 'For Aegis on a phone; protected by a password you choose now.',
  },
  { value: 'aegis', label: 'Aegis vault, not encrypted (.json)', hint: 'For Aegis and most apps.' },
  {
    value: 'otpauth',
    label: 'otpauth:// links, one a line (.txt)',
    hint: 'Readable by almost every authenticator.',
  },
  {
    value: 'google-qr',
    label: 'Google Authenticator transfer QR codes (on screen)',
    hint: 'Scan them with Google Authenticator to enrol a phone as a second authenticator.',
  },
];

function passwordProblem(password: string, repeated: string): string | null {
  if ([...password].length < MIN_EXPORT_PASSWORD_LENGTH) {
    return `The export password must be at least ${MIN_EXPORT_PASSWORD_LENGTH} characters long.`;
  }
  return password === repeated ? null : 'The two passwords differ; type the same password twice.';
}

/** Exports seeds: to a file the user picks (mode 0600), or as transfer QR codes on screen. */
export function ExportCard() {
  const accounts = useVaultQuery(() => call('listAccounts', {}), 'accounts').data ?? [];
  const withSeeds = accounts.filter((account) => account.otp !== null);
  const [scope, setScope] = useState<'all' | 'chosen'>('all');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [format, setFormat] = useState<Format>('aegis-encrypted');
  const [password, setPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [saved, setSaved] = useState<ExportToFileResult | null>(null);
  const [confirmingQr, setConfirmingQr] = useState(false);
  const [qr, setQr] = useState<GoogleMigrationQrView | null>(null);
  const { run, busy, error, setError } = useAction();

  const ids = scope === 'all' ? undefined : [...chosen];
  const exported = ids ?? withSeeds.map((account) => account.id);

  function change(apply: () => void) {
    apply();
    setSaved(null);
    setError(null);
    setConfirmingQr(false);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (exported.length === 0) {
      setError('Choose at least one account to export.');
      return;
    }
    if (format === 'google-qr') {
      setConfirmingQr(true);
      return;
    }
    if (format === 'aegis-encrypted') {
      const problem = passwordProblem(password, repeated);
      if (problem !== null) {
        setError(problem);
        return;
      }
    }
    const result = await run(() =>
      call('exportToFile', {
        format,
        ...(ids ? { accountIds: ids } : {}),
        ...(format === 'aegis-encrypted' ? { password } : {}),
      }),
    );
    if (result) setSaved(result);
    // The export password is not kept once the file is written.
    if (result?.saved) {
      setPassword('');
      setRepeated('');
    }
  }

  async function showQr() {
    setConfirmingQr(false);
    const view = await run(() => call('googleMigrationQr', { ids: exported }));
    if (view) setQr(view);
  }

  if (qr !== null) {
    return (
      <SectionCard id="export" title="Google Authenticator transfer">
        <GoogleQrCodes view={qr} onDone={() => setQr(null)} />
      </SectionCard>
    );
  }

  return (
    <SectionCard id="export" title="Export">
      <form autoComplete="off" className="form" onSubmit={submit} aria-label="Export">
        <fieldset className="params">
          <legend>Which accounts</legend>
          <RadioOption
            name="export-scope"
            checked={scope === 'all'}
            onSelect={() => change(() => setScope('all'))}
          >
            All accounts with a seed ({withSeeds.length})
          </RadioOption>
          <RadioOption
            name="export-scope"
            checked={scope === 'chosen'}
            onSelect={() => change(() => setScope('chosen'))}
          >
            Only the accounts I choose
          </RadioOption>
        </fieldset>
        {scope === 'chosen' && (
          <fieldset className="params">
            <legend>Accounts to export ({chosen.size} chosen)</legend>
            <AccountChooser
              accounts={withSeeds}
              chosen={chosen}
              onChange={(next) => change(() => setChosen(next))}
              listLabel="Accounts to export"
            />
          </fieldset>
        )}
        <fieldset className="params">
          <legend>Format</legend>
          {FORMATS.map((option) => (
            <RadioOption
              key={option.value}
              name="export-format"
              checked={format === option.value}
              hint={option.hint}
              onSelect={() => change(() => setFormat(option.value))}
            >
              {option.label}
            </RadioOption>
          ))}
        </fieldset>
        {format === 'aegis-encrypted' ? (
          <div className="form-grid">
            <label>
              Export password
              <input
                type="password"
                autoComplete="new-password"
                value={password}
                onChange={(event) => change(() => setPassword(event.target.value))}
              />
            </label>
            <label>
              Repeat the export password
              <input
                type="password"
                autoComplete="new-password"
                value={repeated}
                onChange={(event) => change(() => setRepeated(event.target.value))}
              />
            </label>
          </div>
        ) : (
          <SeverityNote severity="warning">
            {format === 'google-qr'
              ? 'The QR codes hold the seeds: anyone who sees or photographs the screen can copy these accounts.'
              : 'The file is not encrypted: anyone who reads it can make your codes. Delete it once it is imported.'}
          </SeverityNote>
        )}
        {confirmingQr ? (
          <div className="confirm-panel" role="group" aria-label="Show the QR codes">
            <p>
              Show the transfer QR codes of {exported.length}{' '}
              {exported.length === 1 ? 'account' : 'accounts'} now? Make sure nobody can see your
              screen.
            </p>
            <div className="actions">
              <button type="button" className="secondary" onClick={() => setConfirmingQr(false)}>
                Cancel
              </button>
              <button type="button" className="primary" autoFocus onClick={() => void showQr()}>
                Show QR codes
              </button>
            </div>
          </div>
        ) : (
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {format === 'google-qr' ? 'Show QR codes…' : 'Save…'}
            </button>
          </div>
        )}
        <ErrorMessage error={error} />
        {saved && (
          <p className="notice" role="status">
            {saved.saved
              ? `Saved ${saved.exported} ${saved.exported === 1 ? 'account' : 'accounts'} to ${saved.fileName}.`
              : 'Nothing was saved.'}
          </p>
        )}
        {saved?.saved && <NotExportedList notExported={saved.notExported} />}
      </form>
    </SectionCard>
  );
}
