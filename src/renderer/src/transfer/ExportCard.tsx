import { type FormEvent, useState } from 'react';
import type {
  ExportToFileResult,
  FileExportFormat,
} from '../../../shared/contract/file-methods.js';
import type { GoogleMigrationQrView } from '../../../shared/contract/import-methods.js';
import { MIN_EXPORT_PASSWORD_LENGTH } from '../../../shared/import-export.js';
import { call } from '../api.js';
import { useVaultQuery } from '../app/vault-data.js';
import { Field, FieldError, FormSummary } from '../ui/Field.js';
import { RadioOption } from '../ui/Forms.js';
import { PasswordField } from '../ui/PasswordField.js';
import { SectionCard } from '../ui/SectionCard.js';
import { SeverityNote } from '../ui/Severity.js';
import { useForm } from '../ui/useForm.js';
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

function passwordProblems(password: string, repeated: string): Record<string, string> {
  if (password === '') return { password: 'Type a password for the export file.' };
  if ([...password].length < MIN_EXPORT_PASSWORD_LENGTH) {
    return {
      password: `The export password needs at least ${MIN_EXPORT_PASSWORD_LENGTH} characters.`,
    };
  }
  return password === repeated
    ? {}
    : { repeated: 'The two passwords differ; type the same password twice.' };
}

const FIELDS = {
  accountIds: {
    noun: 'the accounts',
    plural: true,
    say: { 'too-few': 'Choose at least one account to export.' },
  },
  ids: {
    noun: 'the accounts',
    plural: true,
    say: { 'too-few': 'Choose at least one account to export.' },
  },
  password: {
    noun: 'the export password',
    say: {
      'too-short': `The export password needs at least ${MIN_EXPORT_PASSWORD_LENGTH} characters.`,
    },
  },
  repeated: { noun: 'the repeated password' },
};
const FIELD_NAMES = ['accountIds', 'password', 'repeated'];

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
  const form = useForm({ fields: FIELDS, coreField: null });
  const { run, busy } = form;

  const ids = scope === 'all' ? undefined : [...chosen];
  const exported = ids ?? withSeeds.map((account) => account.id);

  function change(apply: () => void, field?: string) {
    apply();
    setSaved(null);
    if (field === undefined) form.clear();
    else form.clear(field);
    setConfirmingQr(false);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const problems: Record<string, string> =
      format === 'aegis-encrypted' ? passwordProblems(password, repeated) : {};
    if (exported.length === 0) problems.accountIds = 'Choose at least one account to export.';
    if (Object.keys(problems).length > 0) {
      form.refuse(problems);
      return;
    }
    if (format === 'google-qr') {
      setConfirmingQr(true);
      return;
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
      <form
        autoComplete="off"
        className="form"
        onSubmit={(event) => void submit(event)}
        aria-label="Export"
        noValidate
      >
        <FormSummary form={form} fieldNames={FIELD_NAMES} />
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
          <fieldset
            className={`params${form.errors.accountIds ? ' field-invalid' : ''}`}
            id={form.field('accountIds').id}
            tabIndex={-1}
            aria-describedby={form.errors.accountIds ? form.field('accountIds').errorId : undefined}
          >
            <legend>Accounts to export ({chosen.size} chosen)</legend>
            <AccountChooser
              accounts={withSeeds}
              chosen={chosen}
              onChange={(next) => change(() => setChosen(next), 'accountIds')}
              listLabel="Accounts to export"
            />
            <FieldError
              id={form.field('accountIds').errorId}
              error={form.errors.accountIds ?? null}
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
            <Field form={form} name="password" label="Export password">
              {(control) => (
                <PasswordField
                  {...control}
                  autoComplete="new-password"
                  value={password}
                  onChange={(next) => change(() => setPassword(next), 'password')}
                />
              )}
            </Field>
            <Field form={form} name="repeated" label="Repeat the export password">
              {(control) => (
                <PasswordField
                  {...control}
                  autoComplete="new-password"
                  value={repeated}
                  onChange={(next) => change(() => setRepeated(next), 'repeated')}
                />
              )}
            </Field>
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
