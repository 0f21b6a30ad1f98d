import { type ClipboardEvent, useEffect, useRef } from 'react';
import { FieldError } from '../ui/Field.js';
import { ImageIcon } from '../ui/icons.js';
import { useToast } from '../ui/Toast.js';
import { useForm } from '../ui/useForm.js';
import { ImportPlanView } from './ImportPlanView.js';
import { pastedImage } from './pasted-image.js';
import { base64Of } from './read-file.js';
import { useImportPlan } from './useImportPlan.js';

interface Props {
  /** An image pasted before this opened (Ctrl+V on the account form). */
  pasted: File | null;
  onImported: (ids: string[]) => void;
  onCancel: () => void;
}

/**
 * Adds the accounts in a QR code image (a site's setup QR code, or a Google
 * Authenticator transfer code with many accounts): chosen or pasted, previewed, committed.
 */
const FIELDS = {
  image: {
    noun: 'the image',
    say: { 'too-long': 'That image is larger than 16 MB: take a screenshot of just the QR code.' },
  },
};

export function QrImageAdd({ pasted, onImported, onCancel }: Props) {
  const form = useForm({ fields: FIELDS, coreField: 'image' });
  const plan = useImportPlan(form);
  const fileInput = useRef<HTMLInputElement>(null);
  const image = form.field('image');
  const toast = useToast();
  const { stage, previewImage, reset } = plan;
  const taken = useRef<File | null>(null);

  async function take(file: File | null | undefined) {
    if (!file) return;
    reset();
    await previewImage(await base64Of(file));
  }

  useEffect(() => {
    if (pasted !== null && taken.current !== pasted) {
      taken.current = pasted;
      void take(pasted);
    }
  });

  const reported = useRef<unknown>(null);
  useEffect(() => {
    if (stage.kind !== 'done' || reported.current === stage) return;
    reported.current = stage;
    const count = stage.outcome.imported.length;
    toast(`Added ${count} ${count === 1 ? 'account' : 'accounts'}: ${stage.added.join(', ')}.`);
    onImported(stage.outcome.imported);
  }, [stage, toast, onImported]);

  const onPaste = (event: ClipboardEvent) => {
    const pastedFile = pastedImage(event);
    if (pastedFile === null) return;
    event.preventDefault();
    void take(pastedFile);
  };

  return (
    <section className="form panel" aria-labelledby="qr-add-title" onPaste={onPaste}>
      <h2 id="qr-add-title">Add from a QR image</h2>
      {stage.kind !== 'preview' && (
        <>
          <div className={`drop-zone${image.error === null ? '' : ' field-invalid'}`}>
            <ImageIcon width="28" height="28" className="drop-icon" />
            <button
              type="button"
              className="secondary"
              id={image.id}
              autoFocus
              aria-describedby={`${image.error === null ? '' : `${image.errorId} `}qr-image-hint`}
              onClick={() => fileInput.current?.click()}
            >
              Choose a QR code image…
            </button>
            <input
              ref={fileInput}
              type="file"
              accept="image/png,image/jpeg"
              hidden
              tabIndex={-1}
              aria-hidden="true"
              autoComplete="off"
              data-testid="qr-image-input"
              onChange={(event) => {
                void take(event.target.files?.[0]);
                event.target.value = '';
              }}
            />
            <p id="qr-image-hint" className="hint">
              A PNG or JPEG, or paste a screenshot of the QR code with Ctrl+V. A Google
              Authenticator transfer code adds every account in it.
            </p>
            <FieldError id={image.errorId} error={image.error} />
          </div>
          <div className="actions">
            <button type="button" className="secondary" onClick={onCancel}>
              Cancel
            </button>
          </div>
        </>
      )}
      <ImportPlanView plan={plan} fromImage />
    </section>
  );
}
