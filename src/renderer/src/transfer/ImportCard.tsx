import { type DragEvent, type FormEvent, useRef, useState } from 'react';
import { ApiError } from '../api.js';
import { Field, FieldError } from '../ui/Field.js';
import { TransferIcon } from '../ui/icons.js';
import { SectionCard } from '../ui/SectionCard.js';
import { useForm } from '../ui/useForm.js';
import { ImportPlanView } from './ImportPlanView.js';
import { base64Of, importFilesOf } from './read-file.js';
import { useImportPlan } from './useImportPlan.js';

/** How the pasted text is named in the core's messages ("The pasted text cannot be imported: …"). */
const PASTED = 'The pasted text';

const FIELDS = {
  files: {
    noun: 'the chosen files',
    plural: true,
    say: {
      'too-many': 'Choose at most 20 files at a time.',
      'too-long': 'A file is larger than 16 MB: that is not an export file.',
    },
  },
  'files.*.password': { noun: 'the password', say: { 'too-long': 'That password is too long.' } },
  text: {
    noun: 'the pasted text',
    say: {
      required: 'Paste otpauth:// links or a Google Authenticator transfer link first.',
      'too-long': 'That is more text than any list of links: paste only the links.',
    },
  },
};

/**
 * Imports the export files of other apps (Aegis, 2FAS, Bitwarden, andOTP…),
 * chosen or dropped, or otpauth:// links pasted: previewed (each account can
 * be left out), then committed as a whole or not at all.
 */
export function ImportCard({ onAccountsAdded }: { onAccountsAdded?: (count: number) => void }) {
  const form = useForm({ fields: FIELDS, coreField: 'files' });
  const plan = useImportPlan(form, onAccountsAdded);
  const [dragging, setDragging] = useState(false);
  const [text, setText] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const choosing = plan.stage.kind === 'idle' || plan.stage.kind === 'done';
  const files = form.field('files');

  async function take(list: FileList | null) {
    if (list === null || list.length === 0) return;
    plan.reset();
    await plan.previewFiles(await importFilesOf(list), 'files');
  }

  async function previewText(event: FormEvent) {
    event.preventDefault();
    if (text.trim() === '') {
      form.refuse({ text: FIELDS.text.say.required });
      return;
    }
    plan.reset();
    const content = await base64Of(new Blob([text], { type: 'text/plain' }));
    // The links hold seeds: once main has them in its preview, they leave this page.
    if (await plan.previewFiles([{ name: PASTED, content }], 'pasted')) setText('');
    else document.getElementById(form.field('text').id)?.focus();
  }

  // The pasted text's refusal in the app's words; a file's in the core's (it names the file).
  const unreadableText =
    form.lastRefusal instanceof ApiError &&
    form.lastRefusal.details?.file === PASTED &&
    form.lastRefusal.details.reason === 'unknown-format'
      ? 'Sparekey found no otpauth:// link and no Google Authenticator transfer link in the pasted text.'
      : null;

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (choosing) void take(event.dataTransfer.files);
  };

  return (
    <SectionCard id="import" title="Import from another app">
      {choosing && (
        <>
          <div
            className={`drop-zone${dragging ? ' dragging' : ''}${files.error === null ? '' : ' field-invalid'}`}
            onDragOver={(event) => {
              event.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
          >
            <TransferIcon width="28" height="28" className="drop-icon" />
            <p>
              <strong>Drop export files here</strong>, or
            </p>
            <button
              type="button"
              className="secondary"
              id={files.id}
              aria-describedby={`${files.error === null ? '' : `${files.errorId} `}import-formats`}
              onClick={() => fileInput.current?.click()}
            >
              Choose files…
            </button>
            <input
              ref={fileInput}
              type="file"
              multiple
              hidden
              tabIndex={-1}
              autoComplete="off"
              aria-hidden="true"
              data-testid="import-file-input"
              onChange={(event) => {
                void take(event.target.files);
                event.target.value = '';
              }}
            />
            <p id="import-formats" className="hint">
              Exports of Aegis, 2FAS, Bitwarden, Ente Auth, andOTP, FreeOTP+, Proton Authenticator,
              Stratum, KeePass, 1Password, Proton Pass or LastPass Authenticator, Steam Desktop
              Authenticator .maFiles, files of otpauth:// links, or QR code images. Nothing is added
              until you confirm the preview.
            </p>
            <FieldError id={files.errorId} error={files.error} />
          </div>
          <form
            autoComplete="off"
            className="form paste-import"
            onSubmit={(event) => void previewText(event)}
            aria-label="Paste links to import"
            noValidate
          >
            <Field
              form={form}
              name="text"
              label="Or paste otpauth:// links (one a line), or a Google Authenticator transfer link"
              otherError={unreadableText ?? form.errors.pasted ?? null}
            >
              {(control) => (
                <textarea
                  {...control}
                  className="mono"
                  rows={4}
                  autoComplete="off"
                  spellCheck={false}
                  value={text}
                  placeholder="otpauth://totp/Example:alice@example.com?secret=…&issuer=Example"
                  onChange={(event) => {
                    setText(event.target.value);
                    form.clear('text');
                  }}
                />
              )}
            </Field>
            <div className="actions start">
              <button type="submit" className="secondary" disabled={form.busy}>
                Preview the pasted links
              </button>
            </div>
          </form>
        </>
      )}
      <ImportPlanView plan={plan} />
    </SectionCard>
  );
}
